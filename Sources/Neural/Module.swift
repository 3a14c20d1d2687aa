import Tensor

/// A model or layer with named, ordered parameters (PyTorch's `nn.Module`, the part the
/// labs use): listing, zeroing gradients, freezing, saving and loading.
///
/// Parameters are `Tensor` objects shared with whoever holds them (an optimizer, the
/// language's `net.W_rec`); loading writes into them in place, so those references stay
/// valid. Names follow PyTorch's `named_parameters()`, with `child.` prefixes for
/// submodules (`rnn.W_rec`, `fc.weight`).
public protocol Module: AnyObject {
    /// The parameters with their names, in PyTorch's registration order.
    var namedParameters: [(name: String, tensor: Tensor)] { get }
}

extension Module {
    /// The parameters, in order (frozen ones included, as PyTorch's `parameters()`).
    public func parameters() -> [Tensor] {
        namedParameters.map(\.tensor)
    }

    /// The parameter called `name`, if there is one.
    public func parameter(named name: String) -> Tensor? {
        namedParameters.first { $0.name == name }?.tensor
    }

    /// Sets every parameter's gradient to nil (PyTorch's `zero_grad()`).
    public func zeroGrad() {
        for p in parameters() { p.zeroGrad() }
    }

    /// The total number of parameter elements.
    public var parameterCount: Int {
        parameters().reduce(0) { $0 + $1.count }
    }

    /// Stops gradients for the parameters named `names` (all of them when `names` is nil);
    /// a frozen parameter keeps its values through training. Throws for an unknown name.
    public func freeze(_ names: [String]? = nil) throws {
        for p in try selected(names, op: "freeze") {
            try p.requiresGrad_(false)
            p.zeroGrad()
        }
    }

    /// Lets gradients flow again to the parameters named `names` (all when nil).
    public func unfreeze(_ names: [String]? = nil) throws {
        for p in try selected(names, op: "unfreeze") { try p.requiresGrad_(true) }
    }

    /// The names of the parameters that are frozen (do not require grad).
    public var frozenParameterNames: [String] {
        namedParameters.filter { !$0.tensor.requiresGrad }.map(\.name)
    }

    /// Saves the parameters to `path` in the safetensors format (F32, named as
    /// `namedParameters`), readable by PyTorch's `safetensors.torch.load_file`.
    public func save(to path: String) throws {
        try SafeTensors.write(namedParameters, to: path)
    }

    /// Loads parameters saved by `save(to:)` (or by PyTorch's safetensors) into this
    /// model, in place. Every parameter must be in the file with the same shape; throws
    /// `NeuralError` naming a missing file, a corrupt header, a missing name or a wrong
    /// shape, and changes nothing in that case.
    public func load(from path: String) throws {
        let stored = try SafeTensors.read(from: path)
        var updates: [(Tensor, [Float])] = []
        for (name, p) in namedParameters {
            guard let entry = stored[name] else {
                throw NeuralError("load: \(path) has no tensor named '\(name)' (it has \(stored.keys.sorted().joined(separator: ", ")))")
            }
            guard entry.shape == p.shape else {
                throw NeuralError(
                    "load: '\(name)' in \(path) has shape \(describeShape(entry.shape)), the model's has \(describeShape(p.shape))")
            }
            updates.append((p, entry.values))
        }
        for (p, values) in updates {
            p.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<buffer.count { buffer[i] = values[i] }
            }
        }
    }

    /// The parameters named `names` (all when nil); throws for an unknown name.
    private func selected(_ names: [String]?, op: String) throws -> [Tensor] {
        guard let names else { return parameters() }
        let all = namedParameters
        return try names.map { name in
            guard let p = all.first(where: { $0.name == name })?.tensor else {
                throw NeuralError("\(op): no parameter named '\(name)' (parameters: \(all.map(\.name).joined(separator: ", ")))")
            }
            return p
        }
    }
}
