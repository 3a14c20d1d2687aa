/// Which `collections` dict subclass a `DictObject` is. They are dicts everywhere a dict is
/// accepted; they differ in how a missing key is read, how they print, and a few methods
/// (see `CollectionsMethods`).
enum DictFlavor {
    case plain
    /// `defaultdict(factory)`: reading a missing key stores and returns `factory()`; a
    /// factory of None gives a `KeyError`, as in Python.
    case defaultdict(Value)
    /// `OrderedDict`: prints as a list of pairs; `==` between two of them checks the order.
    case ordered
    /// `Counter`: a missing key reads as 0 (without being stored); prints by count.
    case counter

    var typeName: String {
        switch self {
        case .plain: return "dict"
        case .defaultdict: return "defaultdict"
        case .ordered: return "OrderedDict"
        case .counter: return "Counter"
        }
    }

    var isCounter: Bool {
        if case .counter = self { return true }
        return false
    }

    var isPlain: Bool {
        if case .plain = self { return true }
        return false
    }

    /// The flavor for a copy of the dict made by `copier` (the factory is copied along).
    func copied(_ copier: SnapshotCopier) throws -> DictFlavor {
        guard case .defaultdict(let factory) = self else { return self }
        return .defaultdict(try copier.copy(factory))
    }
}

extension DictObject {
    /// The value of a missing `key` read as `d[key]`: made by a defaultdict's factory
    /// (and stored), 0 for a Counter, else nil (a `KeyError`).
    func missing(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        switch flavor {
        case .defaultdict(let factory) where !factory.isNone:
            let made = try interpreter.call(factory, Arguments())
            set(key, try HashKey(key), made)
            return made
        case .counter:
            return .int(0)
        default:
            return nil
        }
    }

    /// A new dict of the same flavor with the same entries (`d.copy()`, `copy.copy(d)`).
    func shallowCopy() -> DictObject {
        let copy = DictObject()
        copy.flavor = flavor
        // The keys are already known to be hashable.
        for (key, value) in zip(keys, values) { if let hash = try? HashKey(key) { copy.set(key, hash, value) } }
        return copy
    }

    /// The entries in the order a Counter shows them: by count, largest first, ties in
    /// insertion order (`most_common()`).
    func byCount() throws -> [(key: Value, value: Value)] {
        try Sorting.order(values, reverse: true).map { (keys[$0], values[$0]) }
    }
}
