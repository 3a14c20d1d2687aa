import Foundation

/// `int`, `float`, `str`, `bool`, `list`, `tuple`, `set`, `frozenset`, `dict`.
enum ConversionBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("int", Signature("int", ["x", "base"], required: 0)) { args, interpreter in
            guard let x = args["x"] else { return .int(0) }
            return try Conversions.toInt(x, base: try args.int("base", 10), interpreter)
        }
        registry.function("float", Signature("float", ["x"], required: 0)) { args, interpreter in
            guard let x = args["x"] else { return .float(0) }
            return try Conversions.toFloat(x, interpreter)
        }
        registry.function("str", Signature("str", ["object"], required: 0)) { args, _ in
            .str(args["object"]?.str() ?? "")
        }
        registry.function("bool", Signature("bool", ["x"], required: 0)) { args, _ in
            .bool(try args["x"]?.truthy() ?? false)
        }
        registry.function("list", Signature("list", ["iterable"], required: 0)) { args, interpreter in
            .list(try ListObject.charged(try args["iterable"].map { try interpreter.collect($0) } ?? [], "the list"))
        }
        registry.function("tuple", Signature("tuple", ["iterable"], required: 0)) { args, interpreter in
            .tuple(try args["iterable"].map { try interpreter.collect($0) } ?? [])
        }
        for (name, frozen) in [("set", false), ("frozenset", true)] {
            registry.function(name, Signature(name, ["iterable"], required: 0)) { args, interpreter in
                .native(try SetObject.make(args["iterable"], frozen: frozen, interpreter))
            }
        }
        registry.function("dict", Signature("dict", ["iterable"], required: 0, acceptsAnyKeyword: true)) { args, interpreter in
            let dict = DictObject()
            if let source = args["iterable"] { try Conversions.fillDict(dict, from: source, interpreter) }
            for (key, value) in args.extraKeywords { dict.set(.str(key), .str(key), value) }
            return .dict(dict)
        }
        // `type(x)` of a built-in value is its constructor, as in Python: `type(1) is int`,
        // `type(1)(2.5)`, and it prints as `<class 'int'>`.
        let constructors = Dictionary(registry.globals.filter { Value.typeConstructors.contains($0.name) }.map { ($0.name, $0.value) },
                                      uniquingKeysWith: { _, last in last })
        registry.function("type", Signature("type", ["obj"])) { args, _ in
            let value = args.value("obj")
            if case .native(let instance as NamedTupleObject) = value { return .native(instance.type) }
            if case .native(is TorchSizeObject) = value { return .native(TorchSizeType.shared) }
            if case .native(let context as GradModeContext) = value, let type = GradModeType.named(context.name) { return .native(type) }
            if case .native(let instance as InstanceObject) = value { return .native(instance.cls) }
            if case .native(let object) = value, object is ClassObject { return .native(TypeObject("type")) }
            return constructors[value.typeName] ?? .native(TypeObject(value.typeName))
        }
    }
}

/// Conversions between built-in values, with Python's messages.
enum Conversions {
    static func toInt(_ x: Value, base: Int, _ interpreter: Interpreter) throws -> Value {
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            guard d.isFinite else { throw RuntimeError.value("cannot convert float \(Value.formatFloat(d)) to integer") }
            guard Swift.abs(d) < 9.2e18 else { throw RuntimeError.overflow("int") }
            return .int(Int(d))
        case .str(let s):
            let trimmed = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard (2...36).contains(base) else { throw RuntimeError.value("int() base must be >= 2 and <= 36") }
            guard let value = Int(trimmed, radix: base) else {
                throw RuntimeError.value("invalid literal for int() with base \(base): \(Value.quote(s))")
            }
            return .int(value)
        case .native:
            return try interpreter.callMethod(x, "item", Arguments()).asIntValue()
        default:
            throw RuntimeError.type("int() argument must be a string or a number, not '\(x.typeName)'")
        }
    }

    static func toFloat(_ x: Value, _ interpreter: Interpreter) throws -> Value {
        switch x {
        case .float: return x
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let s):
            let trimmed = s.trimmingCharacters(in: .whitespaces).lowercased()
            let special: [String: Double] = ["inf": .infinity, "+inf": .infinity, "-inf": -.infinity,
                                             "infinity": .infinity, "-infinity": -.infinity, "nan": .nan]
            if let value = special[trimmed] ?? Double(trimmed) { return .float(value) }
            throw RuntimeError.value("could not convert string to float: \(Value.quote(s))")
        case .native:
            let item = try interpreter.callMethod(x, "item", Arguments())
            return .float(try item.asDouble("float() argument"))
        default:
            throw RuntimeError.type("float() argument must be a string or a number, not '\(x.typeName)'")
        }
    }

    /// Fills a dict from a dict or from an iterable of key/value pairs.
    static func fillDict(_ dict: DictObject, from source: Value, _ interpreter: Interpreter) throws {
        if case .dict(let other) = source {
            for (key, value) in zip(other.keys, other.values) { dict.set(key, try HashKey(key), value) }
            return
        }
        var index = 0
        try interpreter.forEach(source) { pair in
            let items = try interpreter.collect(pair)
            guard items.count == 2 else {
                throw RuntimeError.value("dictionary update sequence element #\(index) has length \(items.count); 2 is required")
            }
            dict.set(items[0], try HashKey(items[0]), items[1])
            index += 1
            return true
        }
    }
}

extension Value {
    func asIntValue() throws -> Value {
        switch self {
        case .int: return self
        case .float(let d):
            guard d.isFinite, Swift.abs(d) < 9.2e18 else { throw RuntimeError.value("cannot convert \(repr()) to integer") }
            return .int(Int(d))
        case .bool(let b): return .int(b ? 1 : 0)
        default: throw RuntimeError.type("int() argument must be a string or a number, not '\(typeName)'")
        }
    }
}
