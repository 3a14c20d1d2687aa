import Tensor

/// numpy's array methods on tensors (arrays are tensors here): `.numpy()` (refused while the
/// tensor requires grad, as PyTorch refuses), `.astype(dtype)`, `.copy()`, PyTorch's
/// `.type(dtype)` (how ported code converts `torch.from_numpy(a)`), and reductions
/// written with numpy's keywords (`x.mean(axis=0)`, `x.std(axis=0, ddof=0)`), which follow
/// numpy. Where numpy and PyTorch disagree and the call does not say which is meant
/// (`x.std(axis=0)`: ddof 0 or unbiased? `x.max(axis=0)`: values or (values, indices)?),
/// the call is refused with what to write instead.
extension TensorObject {
    /// The numpy methods, for attribute listings.
    static let numpyMethodNames = ["astype", "copy", "type"]

    /// The reductions that take numpy's `axis=`/`keepdims=` and mean the same in both libraries.
    private static let sharedReductions = ["sum", "mean", "prod", "argmax", "argmin", "any", "all", "cumsum"]

    /// Handles `name` when it is a numpy method or a numpy-keyword reduction; nil otherwise.
    func numpyMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "numpy":
            _ = try bind(name, arguments)
            try NDArray.checkNoGrad(tensor)
            return wrap(tensor.detach())
        case "astype":
            let args = try Signature("astype", ["dtype"]).bind(arguments)
            let dtype = try NumpyDType.dtype(args.value("dtype"), args.what("dtype"))
            return try NumpyBuiltins.cast(try NDArray.from(tensor), dtype).tensor(context)
        case "copy":
            _ = try bind(name, arguments)
            return try NDArray.from(tensor).tensor(context)
        case "type":
            // PyTorch's `x.type(torch.float)` (as after `torch.from_numpy`): `.float()`, `.long()`
            // or `.bool()`; without a dtype, the tensor type's name.
            let args = try bind(name, arguments, ["dtype"])
            guard let given = args["dtype"], !given.isNone else {
                return .str("torch.\(["Bool", "Long", "Float"][tensor.dtype.rawValue])Tensor")
            }
            let dtype = try TensorValues.dtype(given, "type() argument 'dtype'") ?? tensor.dtype
            return try callMethod(["bool", "long", "float"][dtype.rawValue], Arguments(), interpreter)
        default:
            break
        }
        let keywords = Set(arguments.keywords.map(\.name))
        guard !keywords.isDisjoint(with: ["axis", "keepdims", "ddof"]) else { return nil }
        if ["std", "var"].contains(name), !keywords.contains("ddof") {
            throw RuntimeError.value("x.\(name)(axis=…) is ambiguous here: numpy's default is ddof=0, PyTorch's is the unbiased "
                                     + "estimate; write x.\(name)(axis=…, ddof=0) or np.\(name)(x, axis=…) for numpy's, "
                                     + "x.\(name)(dim=…) for PyTorch's")
        }
        if ["max", "min"].contains(name) {
            throw RuntimeError.value("x.\(name)(axis=…) is ambiguous here: numpy gives the values, PyTorch (values, indices); "
                                     + "write np.\(name)(x, axis=…) for numpy's, x.\(name)(dim=…) for PyTorch's")
        }
        guard TensorObject.sharedReductions.contains(name) || ["std", "var"].contains(name) else { return nil }
        if tensor.requiresGrad, TensorObject.sharedReductions.contains(name) {
            // PyTorch takes axis=/keepdims= as aliases of dim=/keepdim=, and keeps the graph.
            let renamed = arguments.keywords.map { ($0.name == "axis" ? "dim" : $0.name == "keepdims" ? "keepdim" : $0.name, $0.value) }
            return try callMethod(name, Arguments(arguments.positional, keywords: renamed), interpreter)
        }
        guard let function = try interpreter.numpyModule?.attribute(name, interpreter) else { return nil }
        return try interpreter.call(function, Arguments([.native(self)] + arguments.positional, keywords: arguments.keywords))
    }
}

extension Interpreter {
    /// The session's `numpy` module, for array methods that run numpy's functions.
    var numpyModule: Namespace? {
        state(NumpyModuleHolder.self) { NumpyModuleHolder() }.module
    }
}

/// Holds the numpy module of a session (built once, on first use of a numpy-style method).
final class NumpyModuleHolder: SnapshotState {
    let module: Namespace? = NumpyBuiltins.modules()["numpy"]

    /// The module holds no session values: the snapshot shares it.
    func snapshotCopy() -> AnyObject { self }
}
