/// The built-ins of classes: `object`, the exception classes, `isinstance`, `issubclass`,
/// `hasattr`/`getattr`/`setattr`/`delattr`, `super`, `staticmethod`,
/// `classmethod`, `property`, `NotImplemented`.
enum ClassBuiltins {
    static func install(_ registry: inout Registry) {
        registry.value("object", .native(BuiltinClasses.object))
        for (name, _) in PythonExceptions.hierarchy {
            if let cls = PythonExceptions.classes[name] { registry.value(name, .native(cls)) }
        }
        registry.value("NotImplemented", .native(NotImplementedObject.shared))
        // What set displays and comprehensions are parsed into: `{a, b}` is `__set__([a, b])`.
        registry.rawFunction("__set__") { arguments, interpreter in
            .native(try SetObject(elements: try interpreter.collect(arguments.positional.first ?? .list(ListObject([])))))
        }
        registry.function("isinstance", Signature("isinstance", ["obj", "class_or_tuple"])) { args, _ in
            .bool(try isInstance(args.value("obj"), args.value("class_or_tuple")))
        }
        registry.function("issubclass", Signature("issubclass", ["cls", "class_or_tuple"])) { args, _ in
            if case .native(let type as EngineType) = args.value("cls") {
                return .bool(try engineSubclass(type, args.value("class_or_tuple")))
            }
            guard case .native(let object) = args.value("cls"), let cls = object as? ClassObject else {
                throw RuntimeError.type("issubclass() arg 1 must be a class")
            }
            return .bool(try isSubclass(cls, args.value("class_or_tuple")))
        }
        registry.function("hasattr", Signature("hasattr", ["obj", "name"])) { args, interpreter in
            let name = try args.string("name", "")
            do {
                _ = try interpreter.attribute(args.value("obj"), name)
                return .bool(true)
            } catch let error as RuntimeError where PythonExceptions.matches(error, "AttributeError", interpreter) {
                return .bool(false)
            }
        }
        registry.function("getattr", Signature("getattr", ["obj", "name", "default"], required: 2)) { args, interpreter in
            let name = try attributeName(args)
            do {
                return try interpreter.attribute(args.value("obj"), name)
            } catch let error as RuntimeError where PythonExceptions.matches(error, "AttributeError", interpreter) {
                if let fallback = args["default"] { return fallback }
                throw error
            }
        }
        registry.function("setattr", Signature("setattr", ["obj", "name", "value"])) { args, interpreter in
            try interpreter.setAttribute(args.value("obj"), try attributeName(args), args.value("value"))
            return .none
        }
        registry.function("delattr", Signature("delattr", ["obj", "name"])) { args, _ in
            let name = try attributeName(args)
            switch args.value("obj") {
            case .native(let object as InstanceObject): try object.deleteAttribute(name)
            case .native(let object as ClassObject) where !object.isBuiltin:
                if !object.undefine(name) { throw RuntimeError("type object '\(object.name)' has no attribute '\(name)'", id: "attribute-error") }
            case let other: throw RuntimeError("cannot delete attribute '\(name)' of a '\(other.typeName)' object", id: "attribute-error")
            }
            return .none
        }
        registry.function("vars", Signature("vars", ["object"])) { args, _ in
            guard case .native(let object) = args.value("object"), let instance = object.instance else {
                throw RuntimeError.type("vars() argument must have __dict__ attribute")
            }
            return .native(InstanceDictObject(instance))
        }
        registry.function("super", Signature("super", ["type", "object_or_type"], required: 0)) { args, _ in
            guard case .native(let object)? = args["type"], let cls = object as? ClassObject, let receiver = args["object_or_type"] else {
                throw RuntimeError("super() without arguments works only directly inside a method; write super(ClassName, self) elsewhere",
                                   id: "runtime-error")
            }
            return .native(SuperObject(cls: cls, receiver: receiver))
        }
        registry.function("staticmethod", Signature("staticmethod", ["function"])) { args, _ in
            .native(StaticMethodObject(args.value("function")))
        }
        registry.function("classmethod", Signature("classmethod", ["function"])) { args, _ in
            .native(ClassMethodObject(args.value("function")))
        }
        registry.function("property", Signature("property", ["fget", "fset", "fdel"], required: 0)) { args, _ in
            func given(_ name: String) -> Value? { args[name].flatMap { $0.isNone ? nil : $0 } }
            return .native(PropertyObject(getter: given("fget"), setter: given("fset"), deleter: given("fdel")))
        }
    }

    static func attributeName(_ args: BoundArguments) throws -> String {
        guard case .str(let name) = args.value("name") else {
            throw RuntimeError.type("attribute name must be string, not '\(args.value("name").typeName)'")
        }
        return name
    }

    /// The built-in conversions that stand for types in `isinstance` (`isinstance(x, int)`).
    static let builtinTypes: [String: Set<String>] = [
        "int": ["int", "bool"], "float": ["float"], "str": ["str"], "bool": ["bool"], "list": ["list"],
        "dict": ["dict", "defaultdict", "OrderedDict", "Counter"], "tuple": ["tuple"], "set": ["set"],
        "frozenset": ["frozenset"], "range": ["range"], "slice": ["slice"],
    ]

    /// `isinstance(value, classinfo)`.
    static func isInstance(_ value: Value, _ classinfo: Value) throws -> Bool {
        if let answer = BuiltinTypes.isInstance(value, of: classinfo) { return answer }
        switch classinfo {
        case .tuple(let items):
            for item in items where try isInstance(value, item) { return true }
            return false
        case .builtin(let function):
            if let names = builtinTypes[function.name] ?? TorchModules.constructorTypes[function.name] {
                return names.contains(value.typeName)
            }
            // The engine's classes (`optim.AdamW`, `PCA`, `DataLoader`, …) are built-in
            // functions named as the class; what they make has that type name.
            guard function.name.first?.isUppercase == true else { break }
            return value.typeName == function.name
        case .native(let object):
            if let cls = object as? ClassObject {
                if cls === BuiltinClasses.object { return true }
                if case .native(let inner) = value {
                    if let instance = inner as? InstanceObject { return instance.cls.isSubclass(of: cls) }
                    return isBuiltinInstance(inner, of: cls)
                }
                return false
            }
            if let type = object as? TypeObject { return type.name == value.typeName || (type.name == "type" && isClass(value)) }
        default: break
        }
        throw RuntimeError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    /// Whether a built-in engine object counts as an instance of a built-in class
    /// (a built-in layer is an `nn.Module`).
    static func isBuiltinInstance(_ object: any NativeObject, of cls: ClassObject) -> Bool {
        cls === BuiltinClasses.module && isBuiltinModule(object)
    }

    static func isClass(_ value: Value) -> Bool {
        if case .native(let object) = value { return object is ClassObject }
        return false
    }

    /// `issubclass(cls, classinfo)`.
    static func isSubclass(_ cls: ClassObject, _ classinfo: Value) throws -> Bool {
        switch classinfo {
        case .tuple(let items):
            for item in items where try isSubclass(cls, item) { return true }
            return false
        case .native(let object as ClassObject):
            return object === BuiltinClasses.object || cls.isSubclass(of: object)
        case .native(is EngineType):
            return false  // user classes cannot derive from the engine's classes
        default:
            throw RuntimeError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
    }

    /// `issubclass(nn.Linear, classinfo)`.
    static func engineSubclass(_ type: EngineType, _ classinfo: Value) throws -> Bool {
        if case .tuple(let items) = classinfo {
            for item in items where try engineSubclass(type, item) { return true }
            return false
        }
        guard let answer = type.isSubclass(of: classinfo) else {
            throw RuntimeError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        return answer
    }
}
