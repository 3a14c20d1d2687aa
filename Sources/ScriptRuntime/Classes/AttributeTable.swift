/// Names and values in insertion order: an instance's attributes, a class's namespace.
///
/// Small tables are searched linearly: most names are short, and Swift compares short
/// strings by their inline bits, which is several times faster than hashing them (string
/// hashing dominated attribute access when this was a `Dictionary`). Past
/// `indexThreshold` entries a hash index is kept as well.
struct AttributeTable {
    private(set) var keys: [String] = []
    private(set) var values: [Value] = []
    private var index: [String: Int]?
    static let indexThreshold = 24

    var count: Int { keys.count }

    /// Where `key` is, if present.
    @inline(__always)
    func position(_ key: String) -> Int? {
        if let index { return index[key] }
        // Lengths first: telling two different strings apart costs more than comparing
        // their lengths, and most names differ in length.
        let length = key.utf8.count
        var i = 0
        while i < keys.count {
            if keys[i].utf8.count == length, keys[i] == key { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    subscript(_ key: String) -> Value? {
        guard let i = position(key) else { return nil }
        return values[i]
    }

    /// Sets `key`; returns whether it was new.
    @discardableResult
    mutating func set(_ key: String, _ value: Value) -> Bool {
        if let i = position(key) {
            values[i] = value
            return false
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        }
        return true
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    mutating func remove(_ key: String) -> Bool {
        guard let i = position(key) else { return false }
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil { index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }) }
        return true
    }

    /// The entries in order.
    var entries: [(String, Value)] { Array(zip(keys, values)) }
}
