import Tensor

/// An instance of a user `nn.Module` subclass (`class ValueRNN(nn.Module)`).
///
/// As in PyTorch, assigning an `nn.Parameter` or a module to an attribute registers it, in
/// assignment order, so that `parameters()`, `state_dict()` and the nested repr see it
/// (and `register_buffer` registers a buffer, see `ModuleInstance+Buffers.swift`);
/// calling the instance runs `forward` and then the forward hooks; every `nn.Module`
/// method (`train`, `eval`, `named_parameters`, …) is there unless the class overrides it.
final class ModuleInstance: InstanceObject, TorchModule {
    /// Registered parameters (PyTorch's `_parameters`), in order, as the values assigned.
    private(set) var parameterEntries: [(name: String, value: Value)] = []
    /// Registered buffers (PyTorch's `_buffers`), in order, as the values assigned (a tensor
    /// or None), each with whether it is persistent (in `state_dict()`).
    var bufferEntries: [(name: String, value: Value, persistent: Bool)] = []
    /// Registered submodules (PyTorch's `_modules`), in order.
    private(set) var moduleEntries: [(name: String, module: any TorchModule)] = []
    var training = true
    var forwardHooks: [Value] = []

    // MARK: TorchModule

    func ownParameters() -> [(name: String, tensor: Tensor)] {
        parameterEntries.compactMap { entry in
            if case .native(let object as TensorObject) = entry.value { return (entry.name, object.tensor) }
            return nil
        }
    }

    func ownBuffers() -> [(name: String, tensor: Tensor?, persistent: Bool)] {
        bufferEntries.map { ($0.name, $0.value.tensorObject?.tensor, $0.persistent) }
    }

    func ownChildren() -> [(name: String, module: any TorchModule)] { moduleEntries }

    func extraRepr() -> String {
        guard let text = try? special("extra_repr", []), case .str(let extra) = text else { return "" }
        return extra
    }

    // MARK: Attributes

    override func storeAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        if name == "training" {
            training = try value.truthy()
            return
        }
        if case .native(let object as TensorObject) = value, object.isParameter {
            unregister(name, keepParameter: true)
            if let index = parameterEntries.firstIndex(where: { $0.name == name }) {
                parameterEntries[index].value = value
            } else {
                parameterEntries.append((name, value))
            }
            return
        }
        if case .native(let object as any TorchModule) = value {
            unregister(name, keepModule: true)
            if let index = moduleEntries.firstIndex(where: { $0.name == name }) {
                moduleEntries[index].module = object
            } else {
                moduleEntries.append((name, object))
            }
            return
        }
        if parameterEntries.contains(where: { $0.name == name }), !value.isNone {
            throw RuntimeError.type("cannot assign '\(value.typeName)' as parameter '\(name)' (torch.nn.Parameter or None expected)")
        }
        if moduleEntries.contains(where: { $0.name == name }), !value.isNone {
            throw RuntimeError.type("cannot assign '\(value.typeName)' as child module '\(name)' (torch.nn.Module or None expected)")
        }
        if try replaceBuffer(name, value) { return }
        unregister(name)
        setOwn(name, value)
    }

    /// Forgets `name` as a parameter, a buffer, a module and a plain attribute (except what
    /// is kept).
    private func unregister(_ name: String, keepParameter: Bool = false, keepModule: Bool = false) {
        if !keepParameter { parameterEntries.removeAll { $0.name == name } }
        bufferEntries.removeAll { $0.name == name }
        if !keepModule { moduleEntries.removeAll { $0.name == name } }
        _ = removeOwn(name)
    }

    override func deleteAttribute(_ name: String) throws {
        let known = parameterEntries.contains { $0.name == name } || moduleEntries.contains { $0.name == name }
            || bufferEntries.contains { $0.name == name } || own(name) != nil
        guard known else { return try super.deleteAttribute(name) }
        unregister(name)
    }

    override func fallbackAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if let entry = parameterEntries.first(where: { $0.name == name }) { return entry.value }
        if let entry = bufferEntries.first(where: { $0.name == name }) { return entry.value }
        if let entry = moduleEntries.first(where: { $0.name == name }) { return .native(entry.module) }
        if name == "training" { return .bool(training) }
        if let value = try super.fallbackAttribute(name, interpreter) { return value }
        return try builtinBaseAttribute(name, interpreter)
    }

    override func fallbackMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        // PyTorch's `eval()` is `self.train(False)`, so a class that overrides `train` sees it.
        if name == "eval", defines("train"), arguments.positional.isEmpty, arguments.keywords.isEmpty {
            return try special("train", [.bool(false)])
        }
        if let entry = moduleEntries.first(where: { $0.name == name }) { return try interpreter.call(.native(entry.module), arguments) }
        if let entry = parameterEntries.first(where: { $0.name == name }) { return try interpreter.call(entry.value, arguments) }
        if let result = try moduleMethod(name, arguments, interpreter) { return result }
        return try super.fallbackMethod(name, arguments, interpreter)
    }

    /// `nn.Module`'s own methods, bound to this instance (for `super().train(mode)` and
    /// for reading `model.parameters` without calling it).
    override func builtinBaseAttribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        guard Self.moduleMethodNames.contains(key) || key == "__call__" else { return nil }
        return .builtin(BuiltinFunction(name: key) { [weak self] arguments, interpreter in
            guard let self else { return .none }
            if key == "__call__" { return try self.call(arguments, interpreter) ?? .none }
            if key == "forward" { return try self.runForward(arguments, interpreter) }
            guard let result = try self.moduleMethod(key, arguments, interpreter) else {
                throw RuntimeError("'\(self.typeName)' object has no attribute '\(key)'", id: "attribute-error")
            }
            return result
        })
    }

    override var attributeNames: [String] {
        super.attributeNames + parameterEntries.map(\.name) + bufferEntries.map(\.name) + moduleEntries.map(\.name) + ["training"]
            + Self.moduleMethodNames
    }

    // MARK: Calls and display

    override func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if let user = try super.call(arguments, interpreter) { return user }
        return try callWithHooks(arguments, interpreter) { try runForward($0, interpreter) }
    }

    /// Runs the class's `forward`.
    func runForward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard let found = cls.lookupWithOwner("forward"), !found.owner.isBuiltin else {
            throw RuntimeError("Module [\(cls.name)] is missing the required \"forward\" function", id: "todo")
        }
        if case .function(let function) = found.value {
            return try interpreter.callMethod(function, receiver: .native(self), arguments)
        }
        return try interpreter.call(try ClassMember.bind(found.value, owner: found.owner, to: self, interpreter), arguments)
    }

    override func repr() -> String {
        if defines("__repr__") { return super.repr() }
        return moduleRepr()
    }

    // MARK: Snapshots

    override func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copied = try ModuleInstance(copying: self, copier)
        copier.remember(self, copied)
        try copied.copyAttributes(of: self, copier)
        copied.training = training
        copied.forwardHooks = try forwardHooks.map(copier.copy)
        copied.parameterEntries = try parameterEntries.map { ($0.name, try copier.copy($0.value)) }
        copied.bufferEntries = try bufferEntries.map { ($0.name, try copier.copy($0.value), $0.persistent) }
        copied.moduleEntries = try moduleEntries.map { entry in
            guard case .native(let module as any TorchModule) = try copier.copy(.native(entry.module)) else {
                throw SnapshotError(message: "cannot snapshot the submodule '\(entry.name)'")
            }
            return (entry.name, module)
        }
        return copied
    }
}

extension Instantiation {
    static func makeModule(_ cls: ClassObject, _ interpreter: Interpreter) -> InstanceObject {
        ModuleInstance(cls: cls, interpreter: interpreter)
    }
}

extension ClassBuiltins {
    static func isBuiltinModule(_ object: any NativeObject) -> Bool {
        object is any TorchModule
    }
}
