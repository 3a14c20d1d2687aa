/// Members of the built-in types reached on the type itself, such as `dict.fromkeys`.
enum BuiltinTypeMembers {
    /// `constructor.name` for a built-in type constructor (`dict`), or nil.
    static func member(_ constructor: BuiltinFunction, _ name: String) -> Value? {
        guard constructor.name == "dict", name == "fromkeys" else { return nil }
        return .builtin(BuiltinFunction(name: "fromkeys") { arguments, interpreter in
            let args = try Signature("fromkeys", ["iterable", "value"], required: 1).bind(arguments)
            let dict = DictObject()
            let value = args.value("value")
            try interpreter.forEach(args.value("iterable")) { key in
                dict.set(key, try HashKey(key), value)
                return true
            }
            return .dict(dict)
        })
    }
}
