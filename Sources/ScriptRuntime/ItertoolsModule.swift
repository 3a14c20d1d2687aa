/// Python's `itertools`, the finite part: `product`, `combinations`, `permutations`, `chain`,
/// `islice`, `zip_longest`, `accumulate`. Like `zip` and `map` here, they return lists (Python
/// returns lazy iterators; `list(...)` and `for` over them give the same items). Results
/// larger than the size limit are an error.
enum ItertoolsModule {
    static func build(_ itertools: Namespace) {
        itertools.function("product", Signature("product", keywordOnly: ["repeat"], variadic: true)) { args, interpreter in
            let repeatCount = try args.int("repeat", 1)
            if repeatCount < 0 { throw RuntimeError.value("repeat argument cannot be negative") }
            let pools = try args.rest.map { try interpreter.collect($0) }
            var rows: [[Value]] = [[]]
            for pool in Array(repeatElement(pools, count: repeatCount).joined()) {
                try SizeLimit.check(rows.count * pool.count, "the product")
                rows = rows.flatMap { row in pool.map { row + [$0] } }
            }
            return .list(ListObject(rows.map(Value.tuple)))
        }
        for name in ["combinations", "permutations"] {
            let required = name == "combinations" ? 2 : 1
            itertools.function(name, Signature(name, ["iterable", "r"], required: required)) { args, interpreter in
                let pool = try interpreter.collect(args.value("iterable"))
                let r = try args.int("r", pool.count)
                if r < 0 { throw RuntimeError.value("r must be non-negative") }
                var out: [Value] = []
                var chosen: [Int] = []
                // Index tuples in lexicographic order, as Python yields them.
                func extend() throws {
                    if chosen.count == r {
                        try SizeLimit.check(out.count, plus: 1, "the \(name)")
                        out.append(.tuple(chosen.map { pool[$0] }))
                        return
                    }
                    let start = name == "combinations" ? (chosen.last.map { $0 + 1 } ?? 0) : 0
                    guard start < pool.count else { return }
                    for i in start..<pool.count where name == "combinations" || !chosen.contains(i) {
                        try interpreter.meter.tick()
                        chosen.append(i)
                        try extend()
                        chosen.removeLast()
                    }
                }
                if r <= pool.count { try extend() }
                return .list(ListObject(out))
            }
        }
        itertools.function("chain", Signature("chain", variadic: true)) { args, interpreter in
            var out: [Value] = []
            for iterable in args.rest {
                let items = try interpreter.collect(iterable)
                try SizeLimit.check(out.count, plus: items.count, "the chain")
                out += items
            }
            return .list(ListObject(out))
        }
        itertools.function("islice", Signature("islice", ["iterable", "start", "stop", "step"], required: 2)) { args, interpreter in
            let items = try interpreter.collect(args.value("iterable"))
            let (start, stop): (Value, Value) = args["stop"] == nil ? (.none, args.value("start")) : (args.value("start"), args.value("stop"))
            for bound in [start, stop, args.value("step")] where !bound.isNone {
                if try bound.asInt("islice() argument") < 0 {
                    throw RuntimeError.value("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                }
            }
            let slice = SliceObject(start: start, stop: stop, step: args.value("step"))
            return .list(ListObject(try slice.positions(count: items.count).map { items[$0] }))
        }
        itertools.function("zip_longest", Signature("zip_longest", keywordOnly: ["fillvalue"], variadic: true)) { args, interpreter in
            let columns = try args.rest.map { try interpreter.collect($0) }
            let count = columns.map(\.count).max() ?? 0
            let fill = args.value("fillvalue")
            return .list(ListObject((0..<count).map { row in .tuple(columns.map { row < $0.count ? $0[row] : fill }) }))
        }
        itertools.function("accumulate", Signature("accumulate", ["iterable", "func"], required: 1, keywordOnly: ["initial"])) {
            args, interpreter in
            var out: [Value] = []
            var total = args["initial"].flatMap { $0.isNone ? nil : $0 }
            if let total { out.append(total) }
            let function = args.value("func")
            try interpreter.forEach(args.value("iterable")) { item in
                if let current = total {
                    total = function.isNone ? try Arithmetic.binary(.add, current, item) : try interpreter.call(function, Arguments([current, item]))
                } else {
                    total = item
                }
                out.append(total ?? item)
                return true
            }
            return .list(ListObject(out))
        }
    }
}
