import ScriptSyntax

/// `enumerate`, `zip`, `reversed`, `sorted`, `min`, `max`, `sum`, `any`, `all`, `map`, `filter`.
///
/// Where Python returns a lazy iterator, these return lists: the notebook shows them, and
/// `list(...)` of them works the same.
enum SequenceBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("enumerate", Signature("enumerate", ["iterable", "start"], required: 1)) { args, interpreter in
            var i = try args.int("start", 0)
            var out: [Value] = []
            try interpreter.forEach(args.value("iterable")) { item in
                out.append(.tuple([.int(i), item]))
                i &+= 1
                return true
            }
            return .list(ListObject(out))
        }
        registry.function("zip", Signature("zip", keywordOnly: ["strict"], variadic: true)) { args, interpreter in
            let columns = try args.rest.map { try interpreter.collect($0) }
            let count = columns.map(\.count).min() ?? 0
            if try args.bool("strict", false), let first = columns.first {
                // Python stops at the first exhausted argument, then checks the others.
                let longer = first.count == count
                for (i, column) in columns.enumerated().dropFirst() where (column.count > count) == longer {
                    let others = i == 1 ? "argument 1" : "arguments 1-\(i)"
                    throw RuntimeError.value("zip() argument \(i + 1) is \(longer ? "longer" : "shorter") than \(others)")
                }
            }
            return .list(ListObject((0..<count).map { row in .tuple(columns.map { $0[row] }) }))
        }
        registry.function("reversed", Signature("reversed", ["sequence"])) { args, interpreter in
            .list(ListObject(try interpreter.collect(args.value("sequence")).reversed()))
        }
        registry.function("sorted", Signature("sorted", ["iterable"], keywordOnly: ["key", "reverse"])) { args, interpreter in
            let items = try interpreter.collect(args.value("iterable"))
            return .list(ListObject(try Sorting.sorted(items, key: args.value("key"),
                                                       reverse: try args.bool("reverse", false), interpreter)))
        }
        for name in ["min", "max"] {
            registry.function(name, Signature(name, keywordOnly: ["key", "default"], variadic: true)) { args, interpreter in
                try extreme(name, args, interpreter)
            }
        }
        registry.function("sum", Signature("sum", ["iterable", "start"], required: 1)) { args, interpreter in
            var total = args.value("start", .int(0))
            try interpreter.forEach(args.value("iterable")) { item in
                total = try Arithmetic.binary(.add, total, item)
                return true
            }
            return total
        }
        registry.function("any", Signature("any", ["iterable"])) { args, interpreter in
            var found = false
            try interpreter.forEach(args.value("iterable")) { item in
                found = try item.truthy()
                return !found
            }
            return .bool(found)
        }
        registry.function("all", Signature("all", ["iterable"])) { args, interpreter in
            var every = true
            try interpreter.forEach(args.value("iterable")) { item in
                every = try item.truthy()
                return every
            }
            return .bool(every)
        }
        registry.function("map", Signature("map", ["function", "iterable"], variadic: true)) { args, interpreter in
            let columns = try ([args.value("iterable")] + args.rest).map { try interpreter.collect($0) }
            let count = columns.map(\.count).min() ?? 0
            let function = args.value("function")
            return .list(ListObject(try (0..<count).map { row in
                try interpreter.call(function, Arguments(columns.map { $0[row] }))
            }))
        }
        registry.function("filter", Signature("filter", ["function", "iterable"])) { args, interpreter in
            let function = args.value("function")
            let items = try interpreter.collect(args.value("iterable"))
            return .list(ListObject(try items.filter { item in
                try (function.isNone ? item : try interpreter.call(function, Arguments([item]))).truthy()
            }))
        }
    }

    static func extreme(_ name: String, _ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let items: [Value]
        if args.rest.count == 1 {
            items = try interpreter.collect(args.rest[0])
        } else if args.rest.isEmpty {
            throw RuntimeError.type("\(name) expected at least 1 argument, got 0")
        } else {
            if args["default"] != nil {
                throw RuntimeError.type("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args.rest
        }
        guard var best = items.first else {
            if let fallback = args["default"] { return fallback }
            throw RuntimeError.value("\(name)() arg is an empty sequence")
        }
        let key = args.value("key")
        func keyOf(_ value: Value) throws -> Value {
            key.isNone ? value : try interpreter.call(key, Arguments([value]))
        }
        var bestKey = try keyOf(best)
        let op: CompareOperator = name == "min" ? .less : .greater
        for item in items.dropFirst() {
            let itemKey = try keyOf(item)
            if try Comparison.compare(op, itemKey, bestKey).truthy() {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }
}
