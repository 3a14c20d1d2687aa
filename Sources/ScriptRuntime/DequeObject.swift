import ScriptSyntax

/// `collections.deque(iterable=(), maxlen=None)`: a double-ended queue, as replay buffers use
/// it. Appending to a full deque drops an item from the other end. Indexing (no slices, as in
/// Python), `len`, `in`, iteration (an error if the deque changes meanwhile), `==` between
/// deques, `+`; prints as `deque([1, 2], maxlen=3)`.
final class DequeObject: NativeObject {
    private(set) var items: [Value]
    let maxlen: Int?
    /// Bumped by every change, so that an iteration can tell it was disturbed.
    private var version = 0

    init(_ items: [Value], maxlen: Int?) {
        self.items = maxlen.map { Array(items.suffix($0)) } ?? items
        self.maxlen = maxlen
    }

    var typeName: String { "deque" }
    var attributeNames: [String] {
        ["append", "appendleft", "pop", "popleft", "extend", "extendleft", "clear", "copy", "count", "index", "remove",
         "rotate", "reverse", "maxlen"]
    }

    func repr() -> String {
        let list = Value.list(ListObject(items)).repr()
        return maxlen.map { "deque(\(list), maxlen=\($0))" } ?? "deque(\(list))"
    }

    func append(_ value: Value, left: Bool) throws {
        version &+= 1
        if maxlen == 0 { return }
        try SizeLimit.check(items.count, plus: 1, "the deque")
        if left { items.insert(value, at: 0) } else { items.append(value) }
        if let maxlen, items.count > maxlen {
            if left { items.removeLast() } else { items.removeFirst() }
        }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "maxlen" ? maxlen.map(Value.int) ?? Value.none : nil
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        func one(_ parameter: String) throws -> Value { try Signature(name, [parameter]).bind(arguments).value(parameter) }
        switch name {
        case "append", "appendleft":
            try append(try one("x"), left: name == "appendleft")
        case "extend", "extendleft":
            for item in try interpreter.collect(try one("iterable")) { try append(item, left: name == "extendleft") }
        case "pop", "popleft":
            _ = try Signature(name).bind(arguments)
            guard !items.isEmpty else { throw RuntimeError.index("pop from an empty deque") }
            version &+= 1
            return name == "pop" ? items.removeLast() : items.removeFirst()
        case "clear":
            _ = try Signature(name).bind(arguments)
            version &+= 1
            items.removeAll()
        case "copy":
            _ = try Signature(name).bind(arguments)
            return .native(DequeObject(items, maxlen: maxlen))
        case "count", "index":
            return try BuiltinMethods.call(.tuple(items), name, arguments, interpreter)
        case "remove":
            let target = try one("value")
            guard let i = try items.firstIndex(where: { try Comparison.equal($0, target) }) else {
                throw RuntimeError.value("deque.remove(x): x not in deque")
            }
            version &+= 1
            items.remove(at: i)
        case "rotate":
            let n = try Signature(name, ["n"], required: 0).bind(arguments).int("n", 1)
            version &+= 1
            if !items.isEmpty {
                let shift = ((n % items.count) + items.count) % items.count
                items = Array(items.suffix(shift) + items.dropLast(shift))
            }
        case "reverse":
            _ = try Signature(name).bind(arguments)
            version &+= 1
            items.reverse()
        default:
            return nil
        }
        return Value.none
    }

    func position(_ index: Value) throws -> Int {
        guard case .int(var i) = index.intLike else {
            throw RuntimeError.type("sequence index must be integer, not '\(index.typeName)'")
        }
        if i < 0 { i += items.count }
        guard i >= 0, i < items.count else { throw RuntimeError.index("deque index out of range") }
        return i
    }

    func getItem(_ index: Value) throws -> Value? { items[try position(index)] }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        items[try position(index)] = value
        return true
    }

    func length() throws -> Int? { items.count }

    func contains(_ other: Value) throws -> Bool? { try items.contains { try Comparison.equal($0, other) } }

    func makeIterator() throws -> (() throws -> Value?)? {
        let expected = version
        var position = 0
        return { [self] in
            guard version == expected else { throw RuntimeError("deque mutated during iteration") }
            guard position < items.count else { return nil }
            position += 1
            return items[position - 1]
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .native(let deque as DequeObject) = other else {
            return op == .equal ? .bool(false) : op == .notEqual ? .bool(true) : nil
        }
        let (left, right) = reflected ? (deque.items, items) : (items, deque.items)
        return try Comparison.compare(op, .list(ListObject(left)), .list(ListObject(right)))
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .add, case .native(let deque as DequeObject) = other else { return nil }
        let (left, right) = reflected ? (deque, self) : (self, deque)
        return .native(DequeObject(left.items + right.items, maxlen: left.maxlen))
    }
}

extension DequeObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        DequeObject(try items.map(copier.copy), maxlen: maxlen)
    }
}
