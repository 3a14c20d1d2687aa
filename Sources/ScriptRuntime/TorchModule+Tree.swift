import Tensor

/// The module tree: PyTorch's recursive `named_parameters`, `named_modules` and the nested
/// repr, shared by built-in layers, containers and user subclasses.
extension TorchModule {
    /// The parameters of this module and (when `recurse`) its submodules, with PyTorch's
    /// dotted names (`rnn.weight_ih_l0`), in PyTorch's order (a module's own parameters,
    /// then each child's, depth first). A tensor reached twice (a shared weight) is listed
    /// once, under its first name, as PyTorch's `remove_duplicate=True`.
    func namedParameters(prefix: String = "", recurse: Bool = true, removeDuplicate: Bool = true)
        -> [(name: String, tensor: Tensor)]
    {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, tensor: Tensor)] = []
        let modules = recurse ? namedModules(prefix: prefix, removeDuplicate: removeDuplicate) : [(prefix, self as any TorchModule)]
        for (path, module) in modules {
            for (name, tensor) in module.ownParameters() {
                if removeDuplicate, !seen.insert(ObjectIdentifier(tensor)).inserted { continue }
                result.append((TorchModules.join(path, name), tensor))
            }
        }
        return result
    }

    /// The buffers of this module and (when `recurse`) its submodules, as PyTorch's
    /// `named_buffers`: dotted names in the order of `namedParameters`, buffers set to None
    /// left out, a tensor reached twice listed once unless `removeDuplicate` is false.
    func namedBuffers(prefix: String = "", recurse: Bool = true, removeDuplicate: Bool = true) -> [(name: String, tensor: Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, tensor: Tensor)] = []
        let modules = recurse ? namedModules(prefix: prefix, removeDuplicate: removeDuplicate) : [(prefix, self as any TorchModule)]
        for (path, module) in modules {
            for case let (name, tensor?, _) in module.ownBuffers() {
                if removeDuplicate, !seen.insert(ObjectIdentifier(tensor)).inserted { continue }
                result.append((TorchModules.join(path, name), tensor))
            }
        }
        return result
    }

    /// This module and every submodule, pre-order, with their dotted paths (this one's is
    /// `prefix`); a module reached twice is listed once unless `removeDuplicate` is false.
    func namedModules(prefix: String = "", removeDuplicate: Bool = true) -> [(name: String, module: any TorchModule)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, module: any TorchModule)] = []
        // Iterative pre-order walk: a deep or cyclic tree cannot overflow the stack.
        var pending: [(String, any TorchModule)] = [(prefix, self)]
        while let (path, module) = pending.popLast() {
            if removeDuplicate, !seen.insert(ObjectIdentifier(module)).inserted { continue }
            if !removeDuplicate, result.count > TorchModules.maxModules {
                break
            }
            result.append((path, module))
            for (name, child) in module.ownChildren().reversed() {
                pending.append((TorchModules.join(path, name), child))
            }
        }
        return result
    }

    /// The parameter tensors, in `namedParameters` order.
    func parameterTensors(recurse: Bool = true) -> [Tensor] {
        namedParameters(recurse: recurse).map(\.tensor)
    }

    /// PyTorch's nested repr: `Name(extra)` for a leaf, and for a module with children
    /// `Name(\n  (rnn): LSTM(1, 2)\n  (fc): Linear(…)\n)`, each child's own repr indented.
    func moduleRepr() -> String {
        moduleRepr(childLines: ownChildren().map { name, child in "(\(name)): " + TorchModules.indent(child.repr()) })
    }

    /// The repr with the given child lines (ModuleList groups repeated children).
    func moduleRepr(childLines: [String]) -> String {
        let extra = extraRepr()
        let extraLines = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lines = extraLines + childLines
        var text = typeName + "("
        if extraLines.count == 1, childLines.isEmpty {
            text += extraLines[0]
        } else if !lines.isEmpty {
            text += "\n  " + lines.joined(separator: "\n  ") + "\n"
        }
        return text + ")"
    }
}

/// Helpers of the module tree.
enum TorchModules {
    /// The most modules listed by a walk that keeps duplicates (a module holding itself
    /// would otherwise be listed forever).
    static let maxModules = 100_000

    /// The built-in module constructors that stand for their class in `isinstance(m,
    /// nn.Linear)`: each makes objects of its own type name.
    static let constructorTypes: [String: Set<String>] = Dictionary(uniqueKeysWithValues: [
        "Linear", "RNN", "GRU", "LSTM", "LeakyRNN", "RNNNet", "RNNCell", "GRUCell", "LSTMCell", "Sequential", "ModuleList",
        "ModuleDict", "ReLU", "Tanh", "Sigmoid", "Softmax", "LogSoftmax", "Identity", "Flatten", "Dropout", "Embedding",
    ].map { ($0, [$0]) })

    /// `prefix.name`, or `name` when the prefix is empty.
    static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "." + name
    }

    /// PyTorch's `_addindent(text, 2)`: every line after the first indented by two spaces.
    static func indent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return text }
        return ([String(lines[0])] + lines.dropFirst().map { "  " + $0 }).joined(separator: "\n")
    }

    /// A parameter as a value: a tensor flagged as `nn.Parameter`, so that assigning it to
    /// an attribute of a user module registers it, as in PyTorch.
    static func wrapParameter(_ tensor: Tensor, _ context: TensorContext) -> Value {
        let value = context.wrap(tensor)
        value.tensorObject?.isParameter = true
        return value
    }

    /// PyTorch's generator over `items` (what `parameters()`, `children()`, `modules()`
    /// return): one pass, for `for`, `list(…)`, `next(…)`; no `len`, as in PyTorch.
    static func generator(_ items: [Value]) -> Value {
        var iterator = items.makeIterator()
        return .native(IteratorObject(kind: "generator") { iterator.next() })
    }

    /// The module a value holds, or nil.
    static func module(_ value: Value) -> (any TorchModule)? {
        if case .native(let object as any TorchModule) = value { return object }
        return nil
    }

    /// The module a value must hold, or PyTorch's type error.
    static func requireModule(_ value: Value) throws -> any TorchModule {
        guard let module = module(value) else { throw RuntimeError.type("\(value.typeName) is not a Module subclass") }
        return module
    }
}
