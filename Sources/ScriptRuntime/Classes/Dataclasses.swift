/// `@dataclass` and `field(...)` from Python's `dataclasses`: an `__init__` taking the
/// annotated fields in order (base class fields first), with their defaults, and Python's
/// `__repr__` and `__eq__`.
enum Dataclasses {
    static func install(_ registry: inout Registry) {
        registry.function("dataclass", Signature("dataclass", ["cls"], required: 0,
                                                 keywordOnly: ["init", "repr", "eq", "order", "frozen"])) { args, _ in
            for option in ["order", "frozen"] where try args.bool(option, false) {
                throw RuntimeError.value("dataclass(\(option)=True) is not supported in rnn code; leave it out")
            }
            for option in ["init", "repr", "eq"] where !(try args.bool(option, true)) {
                throw RuntimeError.value("dataclass(\(option)=False) is not supported in rnn code; leave it out")
            }
            guard let given = args["cls"], !given.isNone else {
                return .builtin(BuiltinFunction(name: "dataclass") { arguments, _ in
                    guard arguments.positional.count == 1 else { throw RuntimeError.type("dataclass() expects a class") }
                    return try make(arguments.positional[0])
                })
            }
            return try make(given)
        }
        registry.function("field", Signature("field", [], keywordOnly: ["default", "default_factory", "init", "repr"])) { args, _ in
            if args["init"] != nil || args["repr"] != nil {
                throw RuntimeError.value("field(init=…, repr=…) is not supported in rnn code; give default= or default_factory=")
            }
            if args["default"] != nil && args["default_factory"] != nil {
                throw RuntimeError.value("cannot specify both default and default_factory")
            }
            return .native(FieldObject(defaultValue: args["default"], factory: args["default_factory"]))
        }
    }

    /// One field of a dataclass.
    struct Field {
        let name: String
        let defaultValue: Value?
        let factory: Value?
        var hasDefault: Bool { defaultValue != nil || factory != nil }
    }

    /// Makes `value` (a class) a dataclass.
    static func make(_ value: Value) throws -> Value {
        guard case .native(let object) = value, let cls = object as? ClassObject, !cls.isBuiltin else {
            throw RuntimeError.type("dataclass() should be applied to a class")
        }
        var fields = inheritedFields(cls.base)
        for name in cls.fields {
            var field = Field(name: name, defaultValue: cls.namespace[name], factory: nil)
            if case .native(let spec as FieldObject)? = field.defaultValue {
                field = Field(name: name, defaultValue: spec.defaultValue, factory: spec.factory)
                if let given = spec.defaultValue { cls.define(name, given) } else { _ = cls.undefine(name) }
            }
            if let given = field.defaultValue {
                switch given {
                case .list, .dict:
                    throw RuntimeError.value("mutable default <class '\(given.typeName)'> for field \(name) is not allowed: use default_factory")
                default: break
                }
            }
            if let last = fields.last, last.hasDefault, !field.hasDefault {
                throw RuntimeError.type("non-default argument '\(name)' follows default argument")
            }
            fields.removeAll { $0.name == name }
            fields.append(field)
        }
        let info = DataclassInfo(fields)
        cls.define("__dataclass_fields__", .native(info))
        if cls.namespace["__init__"] == nil { cls.define("__init__", .builtin(initializer(cls.name, fields))) }
        if cls.namespace["__repr__"] == nil { cls.define("__repr__", .builtin(representation(fields))) }
        if cls.namespace["__eq__"] == nil { cls.define("__eq__", .builtin(equality(fields))) }
        return value
    }

    static func inheritedFields(_ base: ClassObject?) -> [Field] {
        guard let base, case .native(let info as DataclassInfo)? = base.lookup("__dataclass_fields__") else { return [] }
        return info.fields
    }

    static func initializer(_ className: String, _ fields: [Field]) -> BuiltinFunction {
        BuiltinFunction(name: "__init__", isMethod: true) { arguments, interpreter in
            guard case .native(let object)? = arguments.positional.first, let instance = object as? InstanceObject else {
                throw RuntimeError.type("__init__() needs the instance")
            }
            let positional = arguments.positional.dropFirst()
            if positional.count > fields.count {
                throw RuntimeError.type("\(className).__init__() takes \(fields.count + 1) positional arguments but \(positional.count + 1) were given")
            }
            var values = [Value?](repeating: nil, count: fields.count)
            for (i, value) in positional.enumerated() { values[i] = value }
            for (name, value) in arguments.keywords {
                guard let i = fields.firstIndex(where: { $0.name == name }) else {
                    throw RuntimeError.type("\(className).__init__() got an unexpected keyword argument '\(name)'")
                }
                if values[i] != nil { throw RuntimeError.type("\(className).__init__() got multiple values for argument '\(name)'") }
                values[i] = value
            }
            for (i, field) in fields.enumerated() {
                if let value = values[i] {
                    try interpreter.setAttribute(.native(instance), field.name, value)
                } else if let factory = field.factory {
                    try interpreter.setAttribute(.native(instance), field.name, try interpreter.call(factory, Arguments()))
                } else if let fallback = field.defaultValue {
                    try interpreter.setAttribute(.native(instance), field.name, fallback)
                } else {
                    throw RuntimeError.type("\(className).__init__() missing 1 required positional argument: '\(field.name)'")
                }
            }
            return .none
        }
    }

    static func representation(_ fields: [Field]) -> BuiltinFunction {
        BuiltinFunction(name: "__repr__", isMethod: true) { arguments, interpreter in
            guard case .native(let object)? = arguments.positional.first, let instance = object as? InstanceObject else {
                throw RuntimeError.type("__repr__() needs the instance")
            }
            let parts = try fields.map { "\($0.name)=\(try interpreter.attribute(.native(instance), $0.name).repr())" }
            return .str("\(instance.cls.name)(\(parts.joined(separator: ", ")))")
        }
    }

    static func equality(_ fields: [Field]) -> BuiltinFunction {
        BuiltinFunction(name: "__eq__", isMethod: true) { arguments, interpreter in
            guard arguments.positional.count == 2, case .native(let a as InstanceObject) = arguments.positional[0] else {
                throw RuntimeError.type("__eq__() takes two arguments")
            }
            guard case .native(let b as InstanceObject) = arguments.positional[1], b.cls.isSame(as: a.cls) else {
                return .native(NotImplementedObject.shared)
            }
            for field in fields {
                let x = try interpreter.attribute(.native(a), field.name)
                let y = try interpreter.attribute(.native(b), field.name)
                if !(try Comparison.equal(x, y)) { return .bool(false) }
            }
            return .bool(true)
        }
    }
}

/// What `field(default=…, default_factory=…)` returns, read by `@dataclass`.
final class FieldObject: NativeObject {
    let defaultValue: Value?
    let factory: Value?

    init(defaultValue: Value?, factory: Value?) {
        self.defaultValue = defaultValue
        self.factory = factory
    }

    var typeName: String { "Field" }
    func repr() -> String { "Field(default=\(defaultValue?.repr() ?? "MISSING"))" }
}

/// A dataclass's fields, kept on the class for subclasses.
final class DataclassInfo: NativeObject {
    let fields: [Dataclasses.Field]

    init(_ fields: [Dataclasses.Field]) {
        self.fields = fields
    }

    var typeName: String { "dict" }
    func repr() -> String { "{" + fields.map { "'\($0.name)': Field(name='\($0.name)')" }.joined(separator: ", ") + "}" }
}

extension FieldObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        FieldObject(defaultValue: try defaultValue.map(copier.copy), factory: try factory.map(copier.copy))
    }
}

extension DataclassInfo: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        DataclassInfo(try fields.map {
            Dataclasses.Field(name: $0.name, defaultValue: try $0.defaultValue.map(copier.copy), factory: try $0.factory.map(copier.copy))
        })
    }
}
