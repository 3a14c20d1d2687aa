/// Making an instance: `Name(args)` makes the object, then runs `__init__` on it.
enum Instantiation {
    static func make(_ cls: ClassObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let instance = newInstance(cls, interpreter)
        if cls.kind == .exception { instance.setOwn("args", .tuple(arguments.positional)) }
        let value = Value.native(instance)
        guard let (initializer, owner) = cls.lookupWithOwner("__init__").map({ ($0.value, $0.owner) }) else {
            if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
                throw RuntimeError.type("\(cls.name)() takes no arguments")
            }
            return value
        }
        if case .function(let function) = initializer {
            let result = try interpreter.callMethod(function, receiver: value, arguments)
            if !result.isNone { throw RuntimeError.type("__init__() should return None, not '\(result.typeName)'") }
            return value
        }
        if case .builtin(let builtin) = initializer, builtin === BuiltinClasses.noInit {
            if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
                throw RuntimeError.type("\(cls.name)() takes no arguments")
            }
            return value
        }
        let bound = try ClassMember.bind(initializer, owner: owner, to: instance, interpreter)
        let result = try interpreter.call(bound, arguments)
        if !result.isNone { throw RuntimeError.type("__init__() should return None, not '\(result.typeName)'") }
        return value
    }

    /// The object for a class's kind, before `__init__`.
    static func newInstance(_ cls: ClassObject, _ interpreter: Interpreter) -> InstanceObject {
        switch cls.kind {
        case .module: return makeModule(cls, interpreter)
        case .plain, .exception: return InstanceObject(cls: cls, interpreter: interpreter)
        }
    }
}
