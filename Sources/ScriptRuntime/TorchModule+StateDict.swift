import Tensor

/// `state_dict()` and `load_state_dict()`, with PyTorch's keys, order and errors.
extension TorchModule {
    /// Every parameter and persistent buffer under its dotted name, a shared tensor under
    /// each of its names (as PyTorch's `state_dict`, which does not remove duplicates): each
    /// module's parameters, then its buffers, then its children's.
    func stateDict(prefix: String = "") -> [(name: String, tensor: Tensor)] {
        namedModules(prefix: prefix, removeDuplicate: false).flatMap { path, module in
            module.stateEntries().map { (TorchModules.join(path, $0.name), $0.tensor) }
        }
    }

    /// This module's own entries of a state dict: its parameters, then its persistent
    /// buffers that are not None (PyTorch's `_save_to_state_dict` and the `local_state` of
    /// `_load_from_state_dict`).
    func stateEntries() -> [(name: String, tensor: Tensor)] {
        ownParameters() + ownBuffers().compactMap { buffer -> (name: String, tensor: Tensor)? in
            guard buffer.persistent, let tensor = buffer.tensor else { return nil }
            return (buffer.name, tensor)
        }
    }

    /// Copies the tensors of `entries` (name → value, in the dict's order) into this
    /// module's parameters, in place and unrecorded, so optimizers holding the parameters
    /// keep working. Returns PyTorch's missing and unexpected keys; throws PyTorch's
    /// `Error(s) in loading state_dict for Name:` listing them when `strict`, and the size
    /// mismatches and non-tensor values always. Nothing is copied when it throws.
    func loadStateDict(_ entries: [(key: String, value: Value)], strict: Bool, _ context: TensorContext)
        throws -> (missing: [String], unexpected: [String])
    {
        let given = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        var missing: [String] = []
        var unexpected: [String] = []
        var errors: [String] = []
        var copies: [(Tensor, Tensor)] = []
        for (path, module) in namedModules(removeDuplicate: false) {
            let prefix = path.isEmpty ? "" : path + "."
            let own = module.stateEntries()
            for (name, parameter) in own {
                let key = prefix + name
                guard let value = given[key] else {
                    missing.append(key)
                    continue
                }
                guard let source = value.tensorObject?.tensor else {
                    errors.append("While copying the parameter named \"\(key)\", expected torch.Tensor or Tensor-like "
                                  + "object from checkpoint but received \(value.typeName)")
                    continue
                }
                guard source.shape == parameter.shape else {
                    errors.append("size mismatch for \(key): copying a param with shape \(Self.torchSize(source.shape)) "
                                  + "from checkpoint, the shape in current model is \(Self.torchSize(parameter.shape)).")
                    continue
                }
                copies.append((parameter, source))
            }
            let localNames = Set(own.map(\.name))
            let childNames = Set(module.ownChildren().map(\.name))
            for (key, _) in entries where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                if let dot = rest.firstIndex(of: ".") {
                    if !childNames.contains(String(rest[..<dot])) { unexpected.append(key) }
                } else if !localNames.contains(String(rest)) {
                    unexpected.append(key)
                }
            }
        }
        if strict {
            if !unexpected.isEmpty { errors.insert("Unexpected key(s) in state_dict: \(Self.quoted(unexpected)). ", at: 0) }
            if !missing.isEmpty { errors.insert("Missing key(s) in state_dict: \(Self.quoted(missing)). ", at: 0) }
        }
        if !errors.isEmpty {
            throw RuntimeError("Error(s) in loading state_dict for \(typeName):\n\t" + errors.joined(separator: "\n\t"))
        }
        try context.withGrad(false) {
            try context.perform { for (parameter, source) in copies { _ = try parameter.copy_(source) } }
        }
        return (missing, unexpected)
    }

    /// PyTorch's display of a shape in messages: `torch.Size([1, 3])`.
    static func torchSize(_ shape: [Int]) -> String {
        "torch.Size([\(shape.map(String.init).joined(separator: ", "))])"
    }

    /// `"a", "b"`, as PyTorch lists keys.
    static func quoted(_ keys: [String]) -> String {
        keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
