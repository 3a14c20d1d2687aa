/// `obj.__dict__` (and `vars(obj)`): the instance's own attributes as a live mapping, so
/// that `self.__dict__.update(config.__dict__)`, as the firefly lab writes its `Env`,
/// sets attributes. Writes go straight into the instance, bypassing `__setattr__`, as in
/// Python.
final class InstanceDictObject: NativeObject {
    let owner: InstanceObject

    init(_ owner: InstanceObject) {
        self.owner = owner
    }

    var typeName: String { "dict" }

    /// A plain dict with the same entries, in order.
    func snapshotDict() -> DictObject {
        let dict = DictObject()
        for (key, value) in owner.ownEntries { dict.set(.str(key), .str(key), value) }
        return dict
    }

    func repr() -> String { Value.dict(snapshotDict()).repr() }

    static let methods = ["update", "get", "keys", "values", "items", "pop", "setdefault", "copy"]
    var attributeNames: [String] { Self.methods }

    func key(_ index: Value) throws -> String {
        guard case .str(let name) = index else {
            throw RuntimeError.type("attribute name must be string, not '\(index.typeName)'")
        }
        return name
    }

    func getItem(_ index: Value) throws -> Value? {
        guard let value = owner.own(try key(index)) else { throw RuntimeError.keyError(index, message: "key \(index.repr()) not found in dict") }
        return value
    }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        owner.setOwn(try key(index), value)
        return true
    }

    func contains(_ other: Value) throws -> Bool? {
        guard case .str(let name) = other else { return false }
        return owner.own(name) != nil
    }

    func length() throws -> Int? { owner.ownEntries.count }

    func makeIterator() throws -> (() throws -> Value?)? {
        var keys = owner.ownEntries.map { Value.str($0.0) }.makeIterator()
        return { keys.next() }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "update":
            guard arguments.positional.count <= 1 else { throw RuntimeError.type("update expected at most 1 argument") }
            if let source = arguments.positional.first {
                for (key, value) in try Self.pairs(source, interpreter) { owner.setOwn(try self.key(key), value) }
            }
            for (key, value) in arguments.keywords { owner.setOwn(key, value) }
            return Value.none
        case "pop":
            guard let first = arguments.positional.first else { throw RuntimeError.type("pop expected at least 1 argument") }
            let name = try key(first)
            if let value = owner.own(name) {
                _ = owner.removeOwn(name)
                return value
            }
            if arguments.positional.count > 1 { return arguments.positional[1] }
            throw RuntimeError.keyError(first, message: "key \(first.repr()) not found in dict")
        case "setdefault":
            guard let first = arguments.positional.first else { throw RuntimeError.type("setdefault expected at least 1 argument") }
            let name = try key(first)
            if let value = owner.own(name) { return value }
            let value = arguments.positional.count > 1 ? arguments.positional[1] : Value.none
            owner.setOwn(name, value)
            return value
        default:
            // Reading methods behave as on a plain dict of the same entries.
            guard Self.methods.contains(name) else { return nil }
            return try interpreter.callMethod(.dict(snapshotDict()), name, arguments)
        }
    }

    /// The (key, value) pairs of a mapping or an iterable of pairs.
    static func pairs(_ source: Value, _ interpreter: Interpreter) throws -> [(Value, Value)] {
        switch source {
        case .dict(let dict): return Array(zip(dict.keys, dict.values))
        case .native(let proxy as InstanceDictObject): return proxy.owner.ownEntries.map { (.str($0.0), $0.1) }
        default:
            return try interpreter.collect(source).map { item in
                let pair = try interpreter.collect(item)
                guard pair.count == 2 else {
                    throw RuntimeError.value("dictionary update sequence element has length \(pair.count); 2 is required")
                }
                return (pair[0], pair[1])
            }
        }
    }
}

extension InstanceDictObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let copied as InstanceObject) = try copier.copy(.native(owner)) else {
            throw SnapshotError(message: "cannot snapshot an instance __dict__")
        }
        return InstanceDictObject(copied)
    }
}
