/// Python's `collections`: `defaultdict`, `OrderedDict` and `Counter` are dicts with a
/// flavor (`DictFlavor`), usable wherever a dict is; `namedtuple` makes a `NamedTupleType`;
/// `deque` a `DequeObject`.
enum CollectionsModule {
    static func build(_ collections: Namespace) {
        collections.function("defaultdict", Signature("defaultdict", ["default_factory", "iterable"], required: 0,
                                                      acceptsAnyKeyword: true)) { args, interpreter in
            let factory = args.value("default_factory")
            switch factory {
            case .none, .function, .builtin: break
            case .native(let object) where object is Callable: break
            default: throw RuntimeError.type("first argument must be callable or None")
            }
            return try filled(.defaultdict(factory), args, interpreter)
        }
        collections.function("OrderedDict", Signature("OrderedDict", ["iterable"], required: 0,
                                                      acceptsAnyKeyword: true)) { args, interpreter in
            try filled(.ordered, args, interpreter)
        }
        collections.function("Counter", Signature("Counter", ["iterable"], required: 0,
                                                  acceptsAnyKeyword: true)) { args, interpreter in
            let dict = DictObject()
            dict.flavor = .counter
            if let source = args["iterable"], !source.isNone { try CollectionsMethods.count(source, into: dict, .add, interpreter) }
            for (key, value) in args.extraKeywords { try CollectionsMethods.add(.str(key), value, into: dict, .add) }
            return .dict(dict)
        }
        collections.function("deque", Signature("deque", ["iterable", "maxlen"], required: 0)) { args, interpreter in
            let maxlen = args["maxlen"].flatMap { $0.isNone ? nil : $0 }
            let limit = try maxlen.map { try $0.asInt("an integer is required") }
            if let limit, limit < 0 { throw RuntimeError.value("maxlen must be non-negative") }
            let items = try args["iterable"].map { try interpreter.collect($0) } ?? []
            return .native(DequeObject(items, maxlen: limit))
        }
        collections.function("namedtuple", Signature("namedtuple", ["typename", "field_names"],
                                                     keywordOnly: ["rename", "defaults", "module"])) { args, interpreter in
            try NamedTupleType.make(args, interpreter)
        }
    }

    /// A dict of `flavor` filled as `dict(iterable, **keywords)` would be (every keyword
    /// becomes an entry, as in Python, so none is ignored).
    static func filled(_ flavor: DictFlavor, _ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let dict = DictObject()
        dict.flavor = flavor
        if let source = args["iterable"], !source.isNone { try Conversions.fillDict(dict, from: source, interpreter) }
        for (key, value) in args.extraKeywords { dict.set(.str(key), .str(key), value) }
        return .dict(dict)
    }
}
