/// The hash table of a `set`, laid out as CPython's (`Objects/setobject.c`): open addressing
/// with 9 linear probes then perturbed jumps, dummies for deleted entries, resizing at 60%
/// fill. Elements hash with `PythonHash`, so a set of ints, floats or tuples iterates (and
/// prints) in the order CPython gives, e.g. `{3, 1, 2}` shows `{1, 2, 3}`.
struct SetTable {
    /// One slot: never used, deleted (a dummy, which keeps probe chains intact), or an element.
    enum Slot {
        case empty
        case dummy
        case active(Value, HashKey, Int)
    }

    static let minimumSize = 8
    static let linearProbes = 9

    private(set) var slots = [Slot](repeating: .empty, count: SetTable.minimumSize)
    /// Active plus dummy slots.
    private(set) var fill = 0
    /// Active slots: the number of elements.
    private(set) var used = 0
    /// Where `pop` starts looking.
    private var finger = 0

    var mask: Int { slots.count - 1 }

    /// The elements in table order (the order of iteration and of `repr`).
    var elements: [Value] {
        slots.compactMap { if case .active(let value, _, _) = $0 { return value } else { return nil } }
    }

    /// The active entries in table order.
    var entries: [(value: Value, key: HashKey, hash: Int)] {
        slots.compactMap { if case .active(let value, let key, let hash) = $0 { return (value, key, hash) } else { return nil } }
    }

    /// The probe sequence of CPython: `i`, up to 9 neighbours, then `i = 5i + 1 + perturb`.
    private static func probe(_ hash: Int, _ mask: Int, _ visit: (Int) -> Bool) {
        var perturb = UInt(bitPattern: hash)
        let umask = UInt(mask)
        var i = perturb & umask
        while true {
            let probes = i + UInt(linearProbes) <= umask ? linearProbes : 0
            for k in 0...probes where !visit(Int(i) + k) { return }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & umask
        }
    }

    /// The slot holding `key`, if any.
    func find(_ key: HashKey, _ hash: Int) -> Int? {
        var found: Int?
        SetTable.probe(hash, mask) { position in
            switch slots[position] {
            case .empty: return false
            case .dummy: return true
            case .active(_, let other, let otherHash):
                if otherHash == hash && other == key {
                    found = position
                    return false
                }
                return true
            }
        }
        return found
    }

    func contains(_ key: HashKey, _ hash: Int) -> Bool { find(key, hash) != nil }

    /// Adds an element (nothing happens when an equal one is there), as `set_add_entry`.
    mutating func add(_ value: Value, _ key: HashKey, _ hash: Int) {
        var freeSlot: Int?
        var target: Int?
        var present = false
        SetTable.probe(hash, mask) { position in
            switch slots[position] {
            case .empty:
                target = position
                return false
            case .dummy:
                freeSlot = position
                return true
            case .active(_, let other, let otherHash):
                if otherHash == hash && other == key {
                    present = true
                    return false
                }
                return true
            }
        }
        if present { return }
        if let freeSlot {
            slots[freeSlot] = .active(value, key, hash)
            used += 1
            return
        }
        guard let target else { return }
        slots[target] = .active(value, key, hash)
        fill += 1
        used += 1
        if fill * 5 < mask * 3 { return }
        resize(minimumUsed: used > 50_000 ? used * 2 : used * 4)
    }

    /// Removes an element; false when it was not there.
    @discardableResult
    mutating func discard(_ key: HashKey, _ hash: Int) -> Bool {
        guard let position = find(key, hash) else { return false }
        slots[position] = .dummy
        used -= 1
        return true
    }

    /// Removes and returns the element `pop` gives in CPython (the next from the finger).
    mutating func pop() -> Value? {
        guard used > 0 else { return nil }
        var position = finger & mask
        while true {
            if case .active(let value, _, _) = slots[position] {
                slots[position] = .dummy
                used -= 1
                finger = position + 1
                return value
            }
            position = position == mask ? 0 : position + 1
        }
    }

    mutating func removeAll() {
        self = SetTable()
    }

    /// Rebuilds the table with the smallest power-of-two size above `minimumUsed`.
    mutating func resize(minimumUsed: Int) {
        var size = SetTable.minimumSize
        while size <= minimumUsed { size <<= 1 }
        if size == slots.count && size == SetTable.minimumSize && fill == used { return }
        let old = slots
        slots = [Slot](repeating: .empty, count: size)
        fill = used
        for slot in old {
            if case .active(let value, let key, let hash) = slot { insertClean(value, key, hash) }
        }
    }

    /// Puts an element known to be absent into a table without dummies (`set_insert_clean`).
    private mutating func insertClean(_ value: Value, _ key: HashKey, _ hash: Int) {
        var target = 0
        SetTable.probe(hash, mask) { position in
            if case .empty = slots[position] {
                target = position
                return false
            }
            return true
        }
        slots[target] = .active(value, key, hash)
    }

    /// Adds every element of `other` (`set_merge`: one resize first, then a copy or inserts).
    mutating func merge(_ other: SetTable) {
        guard other.used > 0 else { return }
        if (fill + other.used) * 5 >= mask * 3 { resize(minimumUsed: (used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            self = other
            finger = 0
            return
        }
        if fill == 0 {
            fill = other.used
            used = other.used
            for (value, key, hash) in other.entries { insertClean(value, key, hash) }
            return
        }
        for (value, key, hash) in other.entries { add(value, key, hash) }
    }

    /// After removals, drops the dummies when more than a quarter of the table holds them.
    mutating func compactAfterRemovals() {
        if fill - used <= mask / 4 { return }
        resize(minimumUsed: used > 50_000 ? used * 2 : used * 4)
    }
}

extension SetTable {
    /// The same layout with every element replaced by `transform(element)` (for snapshots:
    /// the hashes stay, the keys are recomputed, as copies of objects have new identities).
    func mapElements(_ transform: (Value) throws -> Value) throws -> SetTable {
        var copy = self
        for (position, slot) in slots.enumerated() {
            if case .active(let value, _, let hash) = slot {
                let copied = try transform(value)
                copy.slots[position] = .active(copied, try HashKey(copied), hash)
            }
        }
        return copy
    }
}
