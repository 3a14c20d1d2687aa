/// `@staticmethod`: a function that a class and its instances give back as it is.
final class StaticMethodObject: NativeObject {
    let function: Value

    init(_ function: Value) {
        self.function = function
    }

    var typeName: String { "staticmethod" }
    func repr() -> String { "<staticmethod(\(function.repr()))>" }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try interpreter.call(function, arguments)
    }
}

/// `@classmethod`: a function that receives the class as its first argument.
final class ClassMethodObject: NativeObject {
    let function: Value

    init(_ function: Value) {
        self.function = function
    }

    var typeName: String { "classmethod" }
    func repr() -> String { "<classmethod(\(function.repr()))>" }
}

/// `@property` (with `@x.setter` and `@x.deleter`): an attribute computed by methods.
final class PropertyObject: NativeObject {
    let getter: Value?
    let setter: Value?
    let deleter: Value?

    init(getter: Value?, setter: Value? = nil, deleter: Value? = nil) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }

    var typeName: String { "property" }
    func repr() -> String { "<property object>" }
    var attributeNames: [String] { ["setter", "getter", "deleter", "fget", "fset"] }

    var name: String {
        if case .function(let f)? = getter { return f.code.name }
        return "?"
    }

    func attribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case "fget": return getter ?? Value.none
        case "fset": return setter ?? Value.none
        default: return nil
        }
    }

    func callMethod(_ key: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard ["setter", "getter", "deleter"].contains(key) else { return nil }
        guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
            throw RuntimeError.type("\(key)() takes exactly one argument (the function)")
        }
        let function = arguments.positional[0]
        switch key {
        case "setter": return .native(PropertyObject(getter: getter, setter: function, deleter: deleter))
        case "getter": return .native(PropertyObject(getter: function, setter: setter, deleter: deleter))
        default: return .native(PropertyObject(getter: getter, setter: setter, deleter: function))
        }
    }

    func get(_ instance: InstanceObject, _ interpreter: Interpreter) throws -> Value {
        guard let getter else { throw RuntimeError("property '\(name)' of '\(instance.typeName)' object has no getter", id: "attribute-error") }
        return try interpreter.call(getter, Arguments([.native(instance)]))
    }

    func set(_ instance: InstanceObject, _ value: Value, _ interpreter: Interpreter) throws {
        guard let setter else {
            throw RuntimeError("property '\(name)' of '\(instance.typeName)' object has no setter", id: "attribute-error")
        }
        _ = try interpreter.call(setter, Arguments([.native(instance), value]))
    }
}

/// What `super()` gives: attribute lookup that starts after `cls` in the receiver's class chain.
final class SuperObject: NativeObject {
    let cls: ClassObject
    let receiver: Value

    init(cls: ClassObject, receiver: Value) {
        self.cls = cls
        self.receiver = receiver
    }

    var typeName: String { "super" }
    func repr() -> String { "<super: <class '\(cls.name)'>, <\(receiver.typeName) object>>" }

    /// The receiver's class: an instance's class, or the class itself (in a classmethod).
    var receiverClass: ClassObject? {
        guard case .native(let object) = receiver else { return nil }
        if let instance = object as? InstanceObject { return instance.cls }
        return object as? ClassObject
    }

    func found(_ key: String) -> (Value, ClassObject)? {
        guard let start = receiverClass, let position = start.mro.firstIndex(where: { $0.isSame(as: cls) }) else { return nil }
        for owner in start.mro[(position + 1)...] {
            if let value = owner.namespace[key] { return (value, owner) }
        }
        return nil
    }

    func attribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        guard let (value, owner) = found(key) else {
            if key == "__init__" { return .builtin(BuiltinFunction(name: "__init__") { _, _ in .none }) }
            return try moduleFallback(key, interpreter)
        }
        guard case .native(let object) = receiver else { return value }
        if let instance = object as? InstanceObject { return try ClassMember.bind(value, owner: owner, to: instance, interpreter) }
        if let target = object as? ClassObject { return try ClassMember.unwrapOnClass(value, target, interpreter) }
        return value
    }

    /// Methods that `nn.Module` provides natively (`super().state_dict()`).
    func moduleFallback(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        guard case .native(let object) = receiver, let instance = object as? InstanceObject else { return nil }
        return try instance.builtinBaseAttribute(key, interpreter)
    }

    func callMethod(_ key: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard let attribute = try attribute(key, interpreter) else {
            throw RuntimeError("'super' object has no attribute '\(key)'", id: "attribute-error")
        }
        return try interpreter.call(attribute, arguments)
    }
}

extension StaticMethodObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        StaticMethodObject(try copier.copy(function))
    }
}

extension ClassMethodObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        ClassMethodObject(try copier.copy(function))
    }
}

extension PropertyObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        PropertyObject(getter: try getter.map(copier.copy), setter: try setter.map(copier.copy),
                       deleter: try deleter.map(copier.copy))
    }
}

extension SuperObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let copiedClass as ClassObject) = try copier.copy(.native(cls)) else {
            throw SnapshotError(message: "cannot snapshot a super() object")
        }
        return SuperObject(cls: copiedClass, receiver: try copier.copy(receiver))
    }
}
