/// A value of the `rnn` language.
///
/// Ints and floats are kept apart as in Python. Lists and dicts are reference types (two
/// names can share one list); tuples and strings are values. Engine objects (tensors,
/// models, figures…) are `.native`, reached through the `NativeObject` protocol.
enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list(ListObject)
    case tuple([Value])
    case dict(DictObject)
    case function(UserFunction)
    case builtin(BuiltinFunction)
    case native(any NativeObject)

    /// The Python type name, as used in messages (`int`, `list`, `Tensor`).
    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict(let dict): return dict.flavor.typeName
        case .function: return "function"
        case .builtin: return "builtin_function_or_method"
        case .native(let object): return object.typeName
        }
    }

    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

/// A mutable list, shared by reference like a Python list.
final class ListObject {
    var items: [Value]
    /// The list's bytes counted against the session's memory budget, if it was made large
    /// in bulk (see `MemoryCharge`).
    var charge: MemoryCharge?

    init(_ items: [Value]) {
        self.items = items
    }
}

/// A mutable dict that keeps insertion order, like a Python dict.
final class DictObject {
    /// Plain, or one of the `collections` dict subclasses (`defaultdict`, `Counter`, …).
    var flavor = DictFlavor.plain
    private(set) var keys: [Value] = []
    private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    init() {}

    var count: Int { keys.count }

    func get(_ key: HashKey) -> Value? {
        index[key].map { values[$0] }
    }

    func set(_ key: Value, _ hash: HashKey, _ value: Value) {
        if let position = index[hash] {
            values[position] = value
        } else {
            index[hash] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    func remove(_ hash: HashKey) -> Value? {
        guard let position = index.removeValue(forKey: hash) else { return nil }
        let value = values.remove(at: position)
        keys.remove(at: position)
        for (key, slot) in index where slot > position { index[key] = slot - 1 }
        return value
    }

    /// Sets every entry of `other` in this dict, in `other`'s order (Python's `update`).
    func update(from other: DictObject) throws {
        for (key, value) in zip(other.keys, other.values) { set(key, try HashKey(key), value) }
    }

    func removeAll() {
        keys = []
        values = []
        index = [:]
    }
}

/// The hashable form of a dict key: Python's `1 == 1.0 == True` hold here too.
enum HashKey: Hashable {
    case none
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([HashKey])
    case frozenset(Set<HashKey>)
    case identity(ObjectIdentifier)

    /// The key for a value, or an error for unhashable values (lists, dicts).
    init(_ value: Value) throws {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { self = .int(Int(d)) } else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .tuple(let items): self = .tuple(try items.map(HashKey.init))
        case .function(let f): self = .identity(ObjectIdentifier(f))
        case .builtin(let f): self = .identity(ObjectIdentifier(f))
        case .native(let object as ValueHashable): self = try object.hashKey()
        case .native(let object): self = .identity(ObjectIdentifier(object))
        case .list, .dict:
            throw RuntimeError("unhashable type: '\(value.typeName)'", id: "type-error")
        }
    }
}
