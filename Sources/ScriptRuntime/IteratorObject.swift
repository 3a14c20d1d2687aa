/// What `iter(x)` returns: a one-pass iterator that `next(it)` advances and that `for`,
/// `list(...)` and the other built-ins consume, as in Python. Over a list it reads the list
/// as it is at each step (items appended meanwhile are seen), like Python's list iterator.
final class IteratorObject: NativeObject {
    let kind: String
    private let advance: () throws -> Value?
    private var finished = false

    init(kind: String, _ advance: @escaping () throws -> Value?) {
        self.kind = kind
        self.advance = advance
    }

    var typeName: String { kind }
    func repr() -> String { "<\(kind) object>" }

    /// The next item, or nil once the iterator is exhausted (and from then on).
    func next() throws -> Value? {
        if finished { return nil }
        guard let value = try advance() else {
            finished = true
            return nil
        }
        return value
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        { [self] in try next() }
    }

    /// `iter(value)`: an iterator itself is returned as is.
    static func make(_ value: Value, _ interpreter: Interpreter) throws -> IteratorObject {
        switch value {
        case .list(let list):
            var position = 0
            return IteratorObject(kind: "list_iterator") {
                guard position < list.items.count else { return nil }
                position += 1
                return list.items[position - 1]
            }
        case .native(let iterator as IteratorObject):
            return iterator
        case .native(let range as RangeObject):
            var current = range.start
            var done = false
            return IteratorObject(kind: "range_iterator") {
                guard !done, range.step > 0 ? current < range.stop : current > range.stop else { return nil }
                let value = current
                let (next, overflow) = current.addingReportingOverflow(range.step)
                if overflow { done = true } else { current = next }
                return .int(value)
            }
        case .native(let object):
            guard let next = try object.makeIterator() else {
                throw RuntimeError.type("'\(value.typeName)' object is not iterable")
            }
            return IteratorObject(kind: "\(object.typeName)_iterator", next)
        default:
            let items = try interpreter.collect(value)
            var position = 0
            let kind = value.typeName == "dict" ? "dict_keyiterator" : "\(value.typeName)_iterator"
            return IteratorObject(kind: kind) {
                guard position < items.count else { return nil }
                position += 1
                return items[position - 1]
            }
        }
    }
}
