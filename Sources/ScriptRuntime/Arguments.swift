import Diagnostics

/// The arguments of a call: positional values, then keyword values in source order.
struct Arguments {
    var positional: [Value]
    var keywords: [(name: String, value: Value)]

    init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
}

/// What a built-in accepts, so that arguments are checked with Python's messages:
/// `plot() got an unexpected keyword argument 'colour' (did you mean 'color'?)`.
struct Signature {
    let name: String
    /// Positional-or-keyword parameters.
    let parameters: [String]
    /// How many of `parameters` are required (the first ones).
    let required: Int
    /// Keyword-only parameters (never required).
    let keywordOnly: [String]
    /// Whether extra positional arguments are collected into `BoundArguments.rest`.
    let variadic: Bool
    /// Whether unknown keywords are collected into `BoundArguments.extraKeywords`.
    let acceptsAnyKeyword: Bool

    init(_ name: String, _ parameters: [String] = [], required: Int? = nil, keywordOnly: [String] = [],
         variadic: Bool = false, acceptsAnyKeyword: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.required = required ?? parameters.count
        self.keywordOnly = keywordOnly
        self.variadic = variadic
        self.acceptsAnyKeyword = acceptsAnyKeyword
    }

    /// Matches arguments to parameters, or throws a type error in Python's words.
    func bind(_ arguments: Arguments) throws -> BoundArguments {
        let all = parameters + keywordOnly
        var values = [Value?](repeating: nil, count: all.count)
        var rest: [Value] = []
        for (i, value) in arguments.positional.enumerated() {
            if i < parameters.count {
                values[i] = value
            } else if variadic {
                rest.append(value)
            } else {
                let takes = required == parameters.count ? "\(parameters.count)" : "from \(required) to \(parameters.count)"
                let plural = parameters.count == 1 && required == 1 ? "argument" : "arguments"
                let given = arguments.positional.count
                throw RuntimeError.type("\(name)() takes \(takes) positional \(plural) but \(given) \(given == 1 ? "was" : "were") given")
            }
        }
        var extra: [(name: String, value: Value)] = []
        for (keyword, value) in arguments.keywords {
            guard let i = all.firstIndex(of: keyword) else {
                if acceptsAnyKeyword {
                    extra.append((keyword, value))
                    continue
                }
                let hint = Suggestion.didYouMean(keyword, in: all)
                throw RuntimeError.type("\(name)() got an unexpected keyword argument '\(keyword)'\(hint)")
            }
            if values[i] != nil {
                throw RuntimeError.type("\(name)() got multiple values for argument '\(keyword)'")
            }
            values[i] = value
        }
        for i in 0..<required where values[i] == nil {
            throw RuntimeError.type("\(name)() missing required argument '\(parameters[i])'")
        }
        return BoundArguments(signature: self, values: values, rest: rest, extraKeywords: extra)
    }
}

/// Arguments matched to a `Signature`, with typed accessors that explain bad values.
struct BoundArguments {
    let signature: Signature
    let values: [Value?]
    /// Extra positional arguments of a variadic signature.
    let rest: [Value]
    /// Unknown keywords, when the signature accepts any.
    let extraKeywords: [(name: String, value: Value)]

    func index(_ name: String) -> Int? {
        (signature.parameters + signature.keywordOnly).firstIndex(of: name)
    }

    /// The argument for `name`, or nil when not given (or not a parameter of the signature).
    subscript(_ name: String) -> Value? {
        guard let i = index(name), i < values.count else { return nil }
        return values[i]
    }

    /// The argument for `name`, or `fallback`.
    func value(_ name: String, _ fallback: Value = .none) -> Value { self[name] ?? fallback }

    func what(_ name: String) -> String { "\(signature.name)() argument '\(name)'" }

    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let value = self[name], !value.isNone else { return fallback }
        return try value.asInt(what(name))
    }

    func double(_ name: String, _ fallback: Double) throws -> Double {
        guard let value = self[name], !value.isNone else { return fallback }
        return try value.asDouble(what(name))
    }

    func string(_ name: String, _ fallback: String) throws -> String {
        guard let value = self[name], !value.isNone else { return fallback }
        if case .native(let path as PathObject) = value { return path.path }
        guard case .str(let text) = value else {
            throw RuntimeError.type("\(what(name)) must be a str, not \(value.typeName)")
        }
        return text
    }

    func bool(_ name: String, _ fallback: Bool) throws -> Bool {
        guard let value = self[name], !value.isNone else { return fallback }
        return try value.truthy()
    }
}

extension Value {
    /// The value as an Int (bools count), or a type error naming `what`.
    func asInt(_ what: String) throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .native(let object as TensorObject) where object.tensor.dtype == .int64 && object.tensor.count == 1:
            // A one-element integer tensor (or numpy integer) converts, as through `__index__`.
            guard let value = try? object.tensor.item(), let whole = Int(exactly: value) else {
                throw RuntimeError.type("\(what) must be an int, not \(typeName)")
            }
            return whole
        case .native(let object as TensorObject) where object.tensor.count == 1:
            throw RuntimeError.type("\(what) must be an int: only integer tensors of a single element can be converted "
                                    + "to an index, not a \(object.tensor.dtype) tensor")
        default: throw RuntimeError.type("\(what) must be an int, not \(typeName)")
        }
    }

    /// The value as a Double (ints and bools count), or a type error naming `what`.
    func asDouble(_ what: String) throws -> Double {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw RuntimeError.type("\(what) must be a number, not \(typeName)")
        }
    }
}
