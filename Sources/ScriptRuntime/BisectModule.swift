/// Python's `bisect`: `bisect_left`, `bisect_right` (`bisect`), `insort_left`, `insort_right`
/// (`insort`), with `lo`, `hi` and `key=` as in Python 3.10+.
enum BisectModule {
    static func build(_ bisect: Namespace) {
        for (name, right) in [("bisect_left", false), ("bisect_right", true), ("bisect", true)] {
            bisect.function(name, signature(name)) { args, interpreter in
                let a = args.value("a")
                return .int(try search(a, args.value("x"), args, right: right, interpreter))
            }
        }
        for (name, right) in [("insort_left", false), ("insort_right", true), ("insort", true)] {
            bisect.function(name, signature(name)) { args, interpreter in
                guard case .list(let list) = args.value("a") else {
                    throw RuntimeError.type("insort() needs a list, not \(args.value("a").typeName)")
                }
                let x = args.value("x")
                let key = args.value("key")
                let probe = key.isNone ? x : try interpreter.call(key, Arguments([x]))
                let position = try search(.list(list), probe, args, right: right, interpreter)
                list.items.insert(x, at: position)
                return .none
            }
        }
    }

    static func signature(_ name: String) -> Signature {
        Signature(name, ["a", "x", "lo", "hi"], required: 2, keywordOnly: ["key"])
    }

    /// The insertion point of `x` in the sorted sequence `a` (left or right of equal items).
    static func search(_ a: Value, _ x: Value, _ args: BoundArguments, right: Bool, _ interpreter: Interpreter) throws -> Int {
        var low = try args.int("lo", 0)
        if low < 0 { throw RuntimeError.value("lo must be non-negative") }
        var high = try args.int("hi", try interpreter.length(a))
        let key = args.value("key")
        while low < high {
            try interpreter.meter.tick()
            let middle = low + (high - low) / 2
            var item = try interpreter.item(a, .int(middle))
            if !key.isNone { item = try interpreter.call(key, Arguments([item])) }
            let goesLeft = right ? try Comparison.order(.less, x, item) : !(try Comparison.order(.less, item, x))
            if goesLeft { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
