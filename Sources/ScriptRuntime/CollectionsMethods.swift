import ScriptSyntax

/// The methods that `Counter` and `OrderedDict` add to (or change in) a dict, `Counter`'s
/// operators and equality, and `dict.popitem`.
enum CollectionsMethods {
    static let counterMethods = ["most_common", "elements", "total", "subtract"]
    static let orderedMethods = ["move_to_end"]

    static func names(_ flavor: DictFlavor) -> [String] {
        switch flavor {
        case .counter: return counterMethods
        case .ordered: return orderedMethods
        default: return []
        }
    }

    /// A method of a `collections` dict, or nil to fall back to the dict's own methods.
    static func call(_ dict: DictObject, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch (dict.flavor, name) {
        case (.counter, "most_common"):
            let bound = try Signature(name, ["n"], required: 0).bind(arguments)
            var entries = try dict.byCount()
            if let limit = bound["n"], !limit.isNone { entries = Array(entries.prefix(Swift.max(0, try limit.asInt("most_common() argument 'n'")))) }
            return .list(ListObject(entries.map { .tuple([$0.key, $0.value]) }))
        case (.counter, "elements"):
            _ = try Signature(name).bind(arguments)
            var out: [Value] = []
            for (key, count) in zip(dict.keys, dict.values) {
                let n = try count.asInt("a Counter's count")
                if n > 0 {
                    try SizeLimit.check(out.count, plus: n, "the elements")
                    out.append(contentsOf: repeatElement(key, count: n))
                }
            }
            return .list(ListObject(out))
        case (.counter, "total"):
            _ = try Signature(name).bind(arguments)
            return try dict.values.reduce(Value.int(0)) { try Arithmetic.binary(.add, $0, $1) }
        case (.counter, "update"), (.counter, "subtract"):
            let bound = try Signature(name, ["iterable"], required: 0, acceptsAnyKeyword: true).bind(arguments)
            let op: BinaryOperator = name == "update" ? .add : .subtract
            if let source = bound["iterable"], !source.isNone { try count(source, into: dict, op, interpreter) }
            for (key, value) in bound.extraKeywords { try add(.str(key), value, into: dict, op) }
            return Value.none
        case (.ordered, "move_to_end"):
            let bound = try Signature(name, ["key", "last"], required: 1).bind(arguments)
            let key = bound.value("key")
            guard let value = dict.remove(try HashKey(key)) else { throw RuntimeError.keyError(key) }
            if try bound.bool("last", true) {
                dict.set(key, try HashKey(key), value)
            } else {
                let rest = Array(zip(dict.keys, dict.values))
                dict.removeAll()
                dict.set(key, try HashKey(key), value)
                for (k, v) in rest { dict.set(k, try HashKey(k), v) }
            }
            return Value.none
        case (.ordered, "popitem"):
            let last = try Signature(name, ["last"], required: 0).bind(arguments).bool("last", true)
            return try popItem(dict, last: last)
        default:
            return nil
        }
    }

    /// `dict.popitem()`: removes and returns the last (or first) entry as a pair.
    static func popItem(_ dict: DictObject, last: Bool) throws -> Value {
        guard let key = last ? dict.keys.last : dict.keys.first else {
            throw RuntimeError.keyError(.str(dict.flavor.isPlain ? "popitem(): dictionary is empty" : "dictionary is empty"))
        }
        let value = dict.remove(try HashKey(key)) ?? Value.none
        return .tuple([key, value])
    }

    /// Counts the items of an iterable (or adds a mapping's counts) into a Counter.
    static func count(_ source: Value, into dict: DictObject, _ op: BinaryOperator, _ interpreter: Interpreter) throws {
        if case .dict(let other) = source {
            for (key, value) in zip(other.keys, other.values) { try add(key, value, into: dict, op) }
            return
        }
        try interpreter.forEach(source) { item in
            try add(item, .int(1), into: dict, op)
            return true
        }
    }

    static func add(_ key: Value, _ amount: Value, into dict: DictObject, _ op: BinaryOperator) throws {
        let hash = try HashKey(key)
        dict.set(key, hash, try Arithmetic.binary(op, dict.get(hash) ?? .int(0), amount))
    }

    /// `Counter op Counter` for `+ - | &`: each key's count combined (sum, difference,
    /// larger, smaller; a missing count is 0), keeping the positive results, in the order
    /// Python gives (the left's keys, then the right's new ones).
    static func combine(_ op: BinaryOperator, _ left: DictObject, _ right: DictObject) throws -> DictObject {
        func merged(_ a: Value, _ b: Value) throws -> Value {
            switch op {
            case .bitOr: return try Comparison.order(.less, a, b) ? b : a
            case .bitAnd: return try Comparison.order(.less, a, b) ? a : b
            default: return try Arithmetic.binary(op, a, b)
            }
        }
        let result = DictObject()
        result.flavor = .counter
        for (key, count) in zip(left.keys, left.values) {
            let hash = try HashKey(key)
            let combined = try merged(count, right.get(hash) ?? .int(0))
            if try Comparison.order(.greater, combined, .int(0)) { result.set(key, hash, combined) }
        }
        for (key, count) in zip(right.keys, right.values) {
            let hash = try HashKey(key)
            if left.get(hash) != nil { continue }
            let combined = try merged(.int(0), count)
            if try Comparison.order(.greater, combined, .int(0)) { result.set(key, hash, combined) }
        }
        return result
    }

    /// `counter op= other` for `+= -= |= &=` between Counters: the Counter itself changes (names
    /// bound to it see it), as Python's in-place operators do. False for other dicts.
    static func updateInPlace(_ op: BinaryOperator, _ dict: DictObject, _ other: DictObject) throws -> Bool {
        guard dict.flavor.isCounter, other.flavor.isCounter, [.add, .subtract, .bitOr, .bitAnd].contains(op) else { return false }
        let result = try combine(op, dict, other)
        dict.removeAll()
        try dict.update(from: result)
        return true
    }

    /// Counters are equal when every key has the same count, a missing key counting 0.
    static func countersEqual(_ left: DictObject, _ right: DictObject) throws -> Bool {
        for (a, b) in [(left, right), (right, left)] {
            for (key, count) in zip(a.keys, a.values) where !(try Comparison.equal(count, b.get(try HashKey(key)) ?? .int(0))) {
                return false
            }
        }
        return true
    }
}
