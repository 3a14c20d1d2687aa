import Tensor

/// An `nn.Module` seen from rnn code: a built-in layer, a container, or a user subclass.
///
/// A conforming type states only its own parameters and direct children; the shared
/// `nn.Module` behaviour (recursive `named_parameters`, `state_dict`, `load_state_dict`,
/// `train`/`eval`, hooks, the nested repr) is written once, in the extensions
/// (`TorchModule+Tree.swift`, `TorchModule+StateDict.swift`, `TorchModule+Methods.swift`).
protocol TorchModule: NativeObject {
    /// This module's own parameters (PyTorch's `_parameters`), in registration order; a
    /// parameter set to None is left out.
    func ownParameters() -> [(name: String, tensor: Tensor)]
    /// This module's own buffers (PyTorch's `_buffers`), in registration order: the tensor
    /// (nil for a buffer set to None) and whether `state_dict()` holds it.
    func ownBuffers() -> [(name: String, tensor: Tensor?, persistent: Bool)]
    /// Direct submodules (PyTorch's `_modules`), in registration order.
    func ownChildren() -> [(name: String, module: any TorchModule)]
    /// PyTorch's `training` flag.
    var training: Bool { get set }
    /// Hooks registered with `register_forward_hook`, called as hook(module, args_tuple, output).
    var forwardHooks: [Value] { get set }
    /// The text inside the parentheses of the module's repr (PyTorch's `extra_repr`).
    func extraRepr() -> String
}

extension TorchModule {
    /// Built-in layers hold no buffers (only a user module registers them).
    func ownBuffers() -> [(name: String, tensor: Tensor?, persistent: Bool)] { [] }
}
