import ScriptSyntax

/// Python's `set` and `frozenset`: unordered collections of hashable values, with CPython's
/// table layout (see `SetTable`) so that they iterate and print in CPython's order.
///
/// Operators `| & - ^` between sets, `<= < >= >` as subset tests, `==`, `in`, `len`,
/// iteration (an error if the set changes size meanwhile, as in Python), `|= &= -= ^=` in
/// place. A frozenset has no mutating methods and is hashable.
final class SetObject: NativeObject {
    var table: SetTable
    let frozen: Bool

    init(_ table: SetTable = SetTable(), frozen: Bool = false) {
        self.table = table
        self.frozen = frozen
    }

    /// A set of the given elements, added in order.
    convenience init(elements: [Value], frozen: Bool = false) throws {
        self.init(frozen: frozen)
        for element in elements { try add(element) }
    }

    var typeName: String { frozen ? "frozenset" : "set" }
    var count: Int { table.used }

    func repr() -> String {
        let items = table.elements.map { $0.repr() }.joined(separator: ", ")
        if frozen { return items.isEmpty ? "frozenset()" : "frozenset({\(items)})" }
        return items.isEmpty ? "set()" : "{\(items)}"
    }

    func add(_ value: Value) throws {
        table.add(value, try HashKey(value), try PythonHash.hash(value))
    }

    func has(_ value: Value) throws -> Bool {
        table.contains(try HashKey(value), try PythonHash.hash(value))
    }

    /// A new set (of this one's kind) holding the same elements, laid out as CPython's copy.
    func copy(frozen: Bool? = nil) -> SetObject {
        var fresh = SetTable()
        fresh.merge(table)
        return SetObject(fresh, frozen: frozen ?? self.frozen)
    }

    /// Adds the elements of any iterable: a set (merged), a dict (its keys) or anything else.
    func update(from source: Value, _ interpreter: Interpreter) throws {
        if case .native(let other as SetObject) = source {
            if other !== self { table.merge(other.table) }
            return
        }
        if case .dict(let dict) = source, (table.fill + dict.count) * 5 >= table.mask * 3 {
            table.resize(minimumUsed: (table.used + dict.count) * 2)
        }
        try interpreter.forEach(source) { element in
            try add(element)
            return true
        }
    }

    /// `set(iterable)` or `frozenset(iterable)`.
    static func make(_ source: Value?, frozen: Bool, _ interpreter: Interpreter) throws -> SetObject {
        if frozen, case .native(let other as SetObject)? = source, other.frozen { return other }
        let made = SetObject(frozen: frozen)
        if let source { try made.update(from: source, interpreter) }
        return made
    }

    func length() throws -> Int? { count }

    func contains(_ other: Value) throws -> Bool? { try has(other) }

    func makeIterator() throws -> (() throws -> Value?)? {
        let expected = count
        var position = 0
        return { [self] in
            guard table.used == expected else { throw RuntimeError("Set changed size during iteration") }
            let slots = table.slots
            while position < slots.count {
                position += 1
                if case .active(let value, _, _) = slots[position - 1] { return value }
            }
            return nil
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .native(let set as SetObject) = other else { return nil }
        let (left, right) = reflected ? (set, self) : (self, set)
        switch op {
        case .bitOr: return .native(left.union(right))
        case .bitAnd: return .native(left.intersection(right))
        case .subtract: return .native(left.difference(right))
        case .bitXor: return .native(left.symmetricDifference(right))
        default: return nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .native(let set as SetObject) = other else {
            switch op {
            case .equal: return .bool(false)
            case .notEqual: return .bool(true)
            default: return nil
            }
        }
        let (left, right) = reflected ? (set, self) : (self, set)
        switch op {
        case .equal: return .bool(left.count == right.count && left.isSubset(of: right))
        case .notEqual: return .bool(!(left.count == right.count && left.isSubset(of: right)))
        case .lessEqual: return .bool(left.isSubset(of: right))
        case .less: return .bool(left.count < right.count && left.isSubset(of: right))
        case .greaterEqual: return .bool(right.isSubset(of: left))
        case .greater: return .bool(right.count < left.count && right.isSubset(of: left))
        default: return nil
        }
    }

    func isSubset(of other: SetObject) -> Bool {
        count <= other.count && table.entries.allSatisfy { other.table.contains($0.key, $0.hash) }
    }
}

extension SetObject: ValueHashable {
    func hashKey() throws -> HashKey {
        guard frozen else { throw RuntimeError.type("unhashable type: 'set'") }
        return .frozenset(Set(table.entries.map(\.key)))
    }

    /// CPython's frozenset hash: the shuffled hashes of the elements combined by xor (so the
    /// order does not matter), then mixed with the size.
    func pythonHash() throws -> Int {
        guard frozen else { throw RuntimeError.type("unhashable type: 'set'") }
        func shuffle(_ h: UInt64) -> UInt64 { ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167 }
        var hash: UInt64 = 0
        for entry in table.entries { hash ^= shuffle(UInt64(bitPattern: Int64(entry.hash))) }
        hash ^= (UInt64(count) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69_069 &+ 907_133_923
        let result = Int(bitPattern: UInt(hash))
        return result == -1 ? 590_923_713 : result
    }
}

extension SetObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        SetObject(try table.mapElements(copier.copy), frozen: frozen)
    }
}
