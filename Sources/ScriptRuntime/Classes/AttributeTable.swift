/// Names and values in insertion order: an instance's attributes, a class's namespace.
///
/// A reference type over manually managed storage, so that reading an attribute copies
/// nothing but the value found (a struct of arrays held by an object is copied, and its
/// buffers retained and released, on every read). Small tables are searched linearly:
/// most names are short, and Swift compares short strings by their inline bits, several
/// times faster than hashing them. Past `indexThreshold` entries a hash index is kept too.
final class AttributeTable {
    private var keyStorage: UnsafeMutablePointer<String>
    private var valueStorage: UnsafeMutablePointer<Value>
    private(set) var count = 0
    private var capacity: Int
    private var index: [String: Int]?
    static let indexThreshold = 24

    init(capacity: Int = 4) {
        self.capacity = Swift.max(capacity, 1)
        keyStorage = .allocate(capacity: self.capacity)
        valueStorage = .allocate(capacity: self.capacity)
    }

    deinit {
        keyStorage.deinitialize(count: count)
        valueStorage.deinitialize(count: count)
        keyStorage.deallocate()
        valueStorage.deallocate()
    }

    /// Where `key` is, if present.
    @inline(__always)
    func position(_ key: String) -> Int? {
        if let index { return index[key] }
        // Lengths first: telling two different strings apart costs more than comparing
        // their lengths, and most names differ in length.
        let length = key.utf8.count
        var i = 0
        while i < count {
            if keyStorage[i].utf8.count == length, keyStorage[i] == key { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    subscript(_ key: String) -> Value? {
        guard let i = position(key) else { return nil }
        return valueStorage[i]
    }

    /// The value at `position`.
    @inline(__always)
    func value(at position: Int) -> Value { valueStorage[position] }

    /// Replaces the value at `position`.
    @inline(__always)
    func replace(at position: Int, _ value: Value) {
        valueStorage[position] = value
    }

    /// Sets `key`; returns whether it was new.
    @discardableResult
    func set(_ key: String, _ value: Value) -> Bool {
        if let i = position(key) {
            valueStorage[i] = value
            return false
        }
        if count == capacity { grow() }
        (keyStorage + count).initialize(to: key)
        (valueStorage + count).initialize(to: value)
        count += 1
        if index != nil {
            index?[key] = count - 1
        } else if count > Self.indexThreshold {
            rebuildIndex()
        }
        return true
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    func remove(_ key: String) -> Bool {
        guard let i = position(key) else { return false }
        (keyStorage + i).deinitialize(count: 1)
        (valueStorage + i).deinitialize(count: 1)
        let after = count - i - 1
        if after > 0 {
            (keyStorage + i).moveInitialize(from: keyStorage + i + 1, count: after)
            (valueStorage + i).moveInitialize(from: valueStorage + i + 1, count: after)
        }
        count -= 1
        if index != nil { rebuildIndex() }
        return true
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newKeys = UnsafeMutablePointer<String>.allocate(capacity: newCapacity)
        let newValues = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        newKeys.moveInitialize(from: keyStorage, count: count)
        newValues.moveInitialize(from: valueStorage, count: count)
        keyStorage.deallocate()
        valueStorage.deallocate()
        keyStorage = newKeys
        valueStorage = newValues
        capacity = newCapacity
    }

    private func rebuildIndex() {
        var built: [String: Int] = [:]
        for i in 0..<count { built[keyStorage[i]] = i }
        index = built
    }

    /// The names in order.
    var keys: [String] { (0..<count).map { keyStorage[$0] } }
    /// The values in order.
    var values: [Value] { (0..<count).map { valueStorage[$0] } }
    /// The entries in order.
    var entries: [(String, Value)] { (0..<count).map { (keyStorage[$0], valueStorage[$0]) } }
}
