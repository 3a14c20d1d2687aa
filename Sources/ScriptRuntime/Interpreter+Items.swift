/// Indexing, slicing and iteration of built-in values, and their hand-off to native objects.
extension Interpreter {
    /// A Python index into a sequence of `count` items (negative counts from the end). Out
    /// of range, the error says the index and the length, while its `str()` is Python's
    /// (`list index out of range`; `list assignment index out of range` for an `assignment`).
    func position(_ index: Value, _ count: Int, _ kind: String, assignment: Bool = false) throws -> Int {
        let raw: Int
        switch index {
        case .int(let i): raw = i
        case .bool(let b): raw = b ? 1 : 0
        default: throw RuntimeError.type("\(kind) indices must be integers or slices, not \(index.typeName)")
        }
        let resolved = raw < 0 ? raw + count : raw
        guard resolved >= 0, resolved < count else {
            throw RuntimeError.index("\(kind) index \(raw) out of range (length \(count))",
                                     python: "\(kind)\(assignment ? " assignment" : "") index out of range")
        }
        return resolved
    }

    /// `container[index]`.
    func item(_ container: Value, _ index: Value) throws -> Value {
        switch container {
        case .list(let list):
            if case .native(let object) = index, let slice = object as? SliceObject {
                return .list(ListObject(try slice.positions(count: list.items.count).map { list.items[$0] }))
            }
            return list.items[try position(index, list.items.count, "list")]
        case .tuple(let items):
            if case .native(let object) = index, let slice = object as? SliceObject {
                return .tuple(try slice.positions(count: items.count).map { items[$0] })
            }
            return items[try position(index, items.count, "tuple")]
        case .str(let text):
            // Python indexes code points, not the grapheme clusters Swift counts.
            let points = text.codePoints
            if case .native(let object) = index, let slice = object as? SliceObject {
                return .str(String(codePoints: try slice.positions(count: points.count).map { points[$0] }))
            }
            return .str(String(codePoints: [points[try position(index, points.count, "string")]]))
        case .dict(let dict):
            guard let value = dict.get(try HashKey(index)) else {
                if !dict.flavor.isPlain, let made = try dict.missing(index, self) { return made }
                throw RuntimeError.keyError(index, message: "key \(index.repr()) not found in dict")
            }
            return value
        case .native(let object):
            if let value = try object.getItem(index) { return value }
        default: break
        }
        throw RuntimeError.type("'\(container.typeName)' object is not subscriptable")
    }

    /// `container[index] = value`.
    func setItem(_ container: Value, _ index: Value, _ value: Value) throws {
        switch container {
        case .list(let list):
            if case .native(let object) = index, let slice = object as? SliceObject {
                var replacement: [Value] = []
                try forEach(value) { replacement.append($0); return true }
                let (start, stop, step) = try slice.indices(count: list.items.count)
                if step == 1 {
                    list.items.replaceSubrange(start..<Swift.max(start, stop), with: replacement)
                    return
                }
                let positions = try slice.positions(count: list.items.count)
                guard positions.count == replacement.count else {
                    throw RuntimeError.value("attempt to assign a sequence of size \(replacement.count) to an extended slice of size \(positions.count)")
                }
                for (p, v) in zip(positions, replacement) { list.items[p] = v }
                return
            }
            list.items[try position(index, list.items.count, "list", assignment: true)] = value
        case .dict(let dict):
            dict.set(index, try HashKey(index), value)
        case .native(let object):
            if try object.setItem(index, value) { return }
            throw RuntimeError.type("'\(object.typeName)' object does not support item assignment")
        default:
            throw RuntimeError.type("'\(container.typeName)' object does not support item assignment")
        }
    }

    /// `del container[index]`.
    func deleteItem(_ container: Value, _ index: Value) throws {
        switch container {
        case .list(let list):
            if case .native(let object) = index, let slice = object as? SliceObject {
                let doomed = Set(try slice.positions(count: list.items.count))
                list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            list.items.remove(at: try position(index, list.items.count, "list", assignment: true))
        case .dict(let dict):
            guard dict.remove(try HashKey(index)) != nil else {
                throw RuntimeError.keyError(index, message: "key \(index.repr()) not found in dict")
            }
        default:
            throw RuntimeError.type("'\(container.typeName)' object does not support item deletion")
        }
    }

    /// Calls `body` with each item of an iterable until it returns false. Each item counts
    /// as an operation, so built-ins that loop stay within the budget.
    func forEach(_ iterable: Value, _ body: (Value) throws -> Bool) throws {
        switch iterable {
        case .list(let list):
            var i = 0
            while i < list.items.count {
                try meter.tick()
                if !(try body(list.items[i])) { return }
                i += 1
            }
        case .tuple(let items):
            for item in items {
                try meter.tick()
                if !(try body(item)) { return }
            }
        case .str(let text):
            for point in text.unicodeScalars {
                try meter.tick()
                if !(try body(.str(String(codePoints: [point])))) { return }
            }
        case .dict(let dict):
            for key in dict.keys {
                try meter.tick()
                if !(try body(key)) { return }
            }
        case .native(let object):
            if let numbers = object as? RangeObject {
                var i = numbers.start
                while numbers.step > 0 ? i < numbers.stop : i > numbers.stop {
                    try meter.tick()
                    if !(try body(.int(i))) { return }
                    let (next, overflow) = i.addingReportingOverflow(numbers.step)
                    if overflow { return }
                    i = next
                }
                return
            }
            guard let next = try object.makeIterator() else {
                throw RuntimeError.type("'\(iterable.typeName)' object is not iterable")
            }
            while let value = try next() {
                try meter.tick()
                if !(try body(value)) { return }
            }
        default:
            throw RuntimeError.type("'\(iterable.typeName)' object is not iterable")
        }
    }

    /// All items of an iterable, as an array.
    func collect(_ iterable: Value) throws -> [Value] {
        switch iterable {
        case .list(let list): return list.items
        case .tuple(let items): return items
        default:
            var values: [Value] = []
            try forEach(iterable) { values.append($0); return true }
            return values
        }
    }

    /// `len(value)`.
    func length(_ value: Value) throws -> Int {
        switch value {
        case .list(let list): return list.items.count
        case .tuple(let items): return items.count
        case .str(let text): return text.codePointCount
        case .dict(let dict): return dict.count
        case .native(let object):
            if let count = try object.length() { return count }
        default: break
        }
        throw RuntimeError.type("object of type '\(value.typeName)' has no len()")
    }
}
