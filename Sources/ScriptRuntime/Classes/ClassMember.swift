import ScriptSyntax

/// How a value found on a class becomes an attribute: functions bind to the instance,
/// `@staticmethod` unwraps, `@classmethod` binds to the class, `@property` runs its getter.
enum ClassMember {
    /// The attribute `value` (found on `owner`) gives when read through `instance`.
    static func bind(_ value: Value, owner: ClassObject, to instance: InstanceObject, _ interpreter: Interpreter) throws -> Value {
        switch value {
        case .function:
            return .native(BoundMethod(receiver: .native(instance), function: value, owner: owner))
        case .builtin(let builtin) where builtin.isMethod || owner.isBuiltin:
            return .native(BoundMethod(receiver: .native(instance), function: value, owner: owner))
        case .native(let object):
            switch object {
            case let method as StaticMethodObject: return method.function
            case let method as ClassMethodObject:
                return .native(BoundMethod(receiver: .native(instance.cls), function: method.function, owner: owner))
            case let property as PropertyObject: return try property.get(instance, interpreter)
            case is WrappedFunction: return .native(BoundMethod(receiver: .native(instance), function: value, owner: owner))
            default: return value
            }
        default:
            return value
        }
    }

    /// The attribute `value` gives when read on the class itself (`Config.x`, `Env.make()`).
    static func unwrapOnClass(_ value: Value, _ cls: ClassObject, _ interpreter: Interpreter) throws -> Value {
        guard case .native(let object) = value else { return value }
        switch object {
        case let method as StaticMethodObject: return method.function
        case let method as ClassMethodObject:
            return .native(BoundMethod(receiver: .native(cls), function: method.function, owner: cls))
        default: return value
        }
    }
}

extension ClassObject {
    /// Finds `name` on this class or its ancestors, with the class that defines it.
    @inline(__always)
    func lookupWithOwner(_ key: String) -> (value: Value, owner: ClassObject)? {
        var current: ClassObject? = self
        while let cls = current {
            if let found = cls.namespace[key] { return (found, cls) }
            current = cls.base
        }
        return nil
    }
}

/// A function bound to its receiver: `obj.method` (the receiver is passed first).
final class BoundMethod: NativeObject {
    let receiver: Value
    let function: Value
    let owner: ClassObject

    init(receiver: Value, function: Value, owner: ClassObject) {
        self.receiver = receiver
        self.function = function
        self.owner = owner
    }

    var typeName: String { "method" }

    var name: String {
        switch function {
        case .function(let f): return f.code.name
        case .builtin(let f): return f.name
        default: return "?"
        }
    }

    func repr() -> String { "<bound method \(owner.name).\(name) of \(receiver.repr())>" }

    var attributeNames: [String] { ["__self__", "__func__", "__name__"] }

    func attribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case "__self__": return receiver
        case "__func__": return function
        case "__name__": return .str(name)
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        var positional = arguments.positional
        positional.insert(receiver, at: 0)
        return try interpreter.call(function, Arguments(positional, keywords: arguments.keywords))
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .native(let object) = other, let method = object as? BoundMethod else { return .bool(op == .notEqual) }
        let same = Comparison.identical(receiver, method.receiver) && Comparison.identical(function, method.function)
        return .bool(same == (op == .equal))
    }
}

extension BoundMethod: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let copiedOwner as ClassObject) = try copier.copy(.native(owner)) else {
            throw SnapshotError(message: "cannot snapshot a bound method of '\(owner.name)'")
        }
        return BoundMethod(receiver: try copier.copy(receiver), function: try copier.copy(function), owner: copiedOwner)
    }
}
