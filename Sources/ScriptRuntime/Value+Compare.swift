import ScriptSyntax

/// Python's comparisons, equality, membership and truthiness.
enum Comparison {
    @inline(__always)
    static func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Value {
        guard op.isOrdering else { return try slowCompare(op, left, right) }
        switch (left, right) {
        case (.int(let a), .int(let b)): return .bool(ordered(op, a, b))
        case (.float(let a), .float(let b)): return .bool(ordered(op, a, b))
        case (.int(let a), .float(let b)): return .bool(ordered(op, Double(a), b))
        case (.float(let a), .int(let b)): return .bool(ordered(op, a, Double(b)))
        default: return try slowCompare(op, left, right)
        }
    }

    /// `a op b` for an ordering or equality operator (`isOrdering`); callers send `in` and
    /// `is` elsewhere.
    @inline(__always)
    static func ordered<T: Comparable>(_ op: CompareOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal, .identical: return a == b
        case .notEqual, .notIdentical: return a != b
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        case .greaterEqual: return a >= b
        case .contains, .notContains: return false
        }
    }

    static func slowCompare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Value {
        switch op {
        case .contains: return .bool(try contains(right, left))
        case .notContains: return .bool(!(try contains(right, left)))
        case .identical: return .bool(identical(left, right))
        case .notIdentical: return .bool(!identical(left, right))
        default: break
        }
        if case .native(let object) = left, let result = try object.compare(op, right, reflected: false) {
            return result
        }
        if case .native(let object) = right, let result = try object.compare(op, left, reflected: true) {
            return result
        }
        switch op {
        case .equal: return .bool(try equal(left, right))
        case .notEqual: return .bool(!(try equal(left, right)))
        default: return .bool(try order(op, left, right))
        }
    }

    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.str(let x), .str(let y)): return x.sameCodePoints(y)
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.native(let x), .native(let y)): return x === y
        default: return false
        }
    }

    /// Python's `==`, deep for lists, tuples and dicts.
    static func equal(_ a: Value, _ b: Value, depth: Int = 0) throws -> Bool {
        if depth > 400 { throw RuntimeError("maximum recursion depth exceeded in comparison", id: "recursion") }
        switch (a, b) {
        case (.none, .none): return true
        case (.int, _), (.float, _), (.bool, _):
            guard let x = a.number, let y = b.number else { return false }
            return x == y
        case (.str(let x), .str(let y)): return x.sameCodePoints(y)
        case (.list(let x), .list(let y)): return try x === y || sequenceEqual(x.items, y.items, depth)
        case (.tuple(let x), .tuple(let y)): return try sequenceEqual(x, y, depth)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            if x.flavor.isCounter && y.flavor.isCounter { return try CollectionsMethods.countersEqual(x, y) }
            guard x.count == y.count else { return false }
            if case .ordered = x.flavor, case .ordered = y.flavor {
                // Two OrderedDicts are equal only with their keys in the same order.
                for (p, q) in zip(x.keys, y.keys) where try HashKey(p) != HashKey(q) { return false }
            }
            for (key, value) in zip(x.keys, x.values) {
                guard let other = y.get(try HashKey(key)), try equal(value, other, depth: depth + 1) else { return false }
            }
            return true
        // A namedtuple or a torch.Size equals the plain tuple of its items.
        case (.native, .tuple(let y)): return try a.tupleItems.map { try sequenceEqual($0, y, depth) } ?? false
        case (.tuple(let x), .native): return try b.tupleItems.map { try sequenceEqual(x, $0, depth) } ?? false
        case (.native(let x), .native(let y)):
            if let result = try x.compare(.equal, b, reflected: false) { return try result.truthy() }
            return x === y
        default: return identical(a, b)
        }
    }

    static func sequenceEqual(_ x: [Value], _ y: [Value], _ depth: Int) throws -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !(try equal(p, q, depth: depth + 1)) { return false }
        return true
    }

    /// Python's ordering for numbers, strings, lists and tuples (lexicographic).
    static func order(_ op: CompareOperator, _ a: Value, _ b: Value, depth: Int = 0) throws -> Bool {
        if depth > 400 { throw RuntimeError("maximum recursion depth exceeded in comparison", id: "recursion") }
        if let x = a.number, let y = b.number { return ordered(op, x, y) }
        switch (a, b) {
        case (.str(let x), .str(let y)): return ordered(op, CodePointString(text: x), CodePointString(text: y))
        case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items, depth)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y, depth)
        case (.native(let x), _):
            if let result = try x.compare(op, b, reflected: false) { return try result.truthy() }
            if case .native(let y) = b, let result = try y.compare(op, a, reflected: true) { return try result.truthy() }
            fallthrough
        default:
            if case .native(let object) = a, let result = try object.compare(op, b, reflected: false) { return try result.truthy() }
            if case .native(let object) = b, let result = try object.compare(op, a, reflected: true) { return try result.truthy() }
            throw RuntimeError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    static func sequenceOrder(_ op: CompareOperator, _ x: [Value], _ y: [Value], _ depth: Int) throws -> Bool {
        for (p, q) in zip(x, y) where !(try equal(p, q, depth: depth + 1)) {
            return try order(op, p, q, depth: depth + 1)
        }
        return ordered(op, x.count, y.count)
    }

    /// `item in container`.
    static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .list(let list): return try list.items.contains { try equal($0, item) }
        case .tuple(let items): return try items.contains { try equal($0, item) }
        case .dict(let dict): return dict.get(try HashKey(item)) != nil
        case .str(let text):
            guard case .str(let part) = item else {
                throw RuntimeError.type("'in <string>' requires a str as left operand, not \(item.typeName)")
            }
            return TextSearch(text, part).first() != nil
        case .native(let object):
            if let result = try object.contains(item) { return result }
            if let next = try object.makeIterator() {
                while let value = try next() {
                    if try equal(value, item) { return true }
                }
                return false
            }
        default: break
        }
        throw RuntimeError.type("argument of type '\(container.typeName)' is not iterable")
    }
}

extension Value {
    /// The value as a number, for mixed int/float/bool comparisons.
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Python truthiness.
    @inline(__always)
    func truthy() throws -> Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .none: return false
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .function, .builtin: return true
        case .native(let object):
            if let truth = try object.truth() { return truth }
            if let count = try object.length() { return count != 0 }
            return true
        }
    }
}
