/// Members of the built-in types reached on the type itself: `dict.fromkeys`, and the
/// methods as plain functions (`str.upper`, `set.union`, `list.append`), so that
/// `map(str.strip, lines)` and `set.union(*groups)` work as in Python.
enum BuiltinTypeMembers {
    /// `constructor.name` for a built-in type constructor (`dict`, `str`, …), or nil.
    static func member(_ constructor: BuiltinFunction, _ name: String) -> Value? {
        let type = constructor.name
        if type == "dict" && name == "fromkeys" { return fromKeys }
        guard methods(of: type).contains(name) else { return nil }
        return .builtin(BuiltinFunction(name: name) { arguments, interpreter in
            guard let receiver = arguments.positional.first else {
                throw RuntimeError.type("unbound method \(type).\(name)() needs an argument")
            }
            guard BuiltinTypes.isInstance(receiver, ofTypeNamed: type) == true else {
                throw RuntimeError.type("descriptor '\(name)' for '\(type)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            let rest = Arguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords)
            return try interpreter.callMethod(receiver, name, rest)
        })
    }

    /// The methods of the built-in type named `type`.
    static func methods(of type: String) -> [String] {
        switch type {
        case "str": return BuiltinMethods.names(of: .str(""))
        case "list": return BuiltinMethods.names(of: .list(ListObject([])))
        case "tuple": return BuiltinMethods.names(of: .tuple([]))
        case "dict": return BuiltinMethods.dictMethods
        case "float": return BuiltinMethods.names(of: .float(0))
        case "set": return SetObject().attributeNames
        case "frozenset": return SetObject(frozen: true).attributeNames
        default: return []
        }
    }

    /// `dict.fromkeys(iterable, value=None)`.
    static var fromKeys: Value { .builtin(BuiltinFunction(name: "fromkeys") { arguments, interpreter in
        let args = try Signature("fromkeys", ["iterable", "value"], required: 1).bind(arguments)
        let dict = DictObject()
        let value = args.value("value")
        try interpreter.forEach(args.value("iterable")) { key in
            dict.set(key, try HashKey(key), value)
            return true
        }
        return .dict(dict)
    }) }
}
