import ScriptSyntax

/// What `dict.keys()`, `dict.values()` and `dict.items()` return: a live view of the dict,
/// shown as Python shows it (`dict_keys(['a', 'b'])`). It iterates (over a snapshot taken
/// when the loop starts), has a `len`, answers `in`, and converts with `list(...)`; it is
/// not subscriptable. Key and item views compare equal as sets when their contents match.
final class DictViewObject: NativeObject {
    /// Which view of the dict this is.
    enum Kind: String {
        case keys = "dict_keys", values = "dict_values", items = "dict_items"
    }

    let dict: DictObject
    let kind: Kind

    init(_ dict: DictObject, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var typeName: String { kind.rawValue }

    func repr() -> String { Value.native(self).repr() }

    /// The view's items now, as a list would hold them.
    var items: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return zip(dict.keys, dict.values).map { .tuple([$0, $1]) }
        }
    }

    func length() throws -> Int? { dict.count }

    func truth() throws -> Bool? { dict.count > 0 }

    func makeIterator() throws -> (() throws -> Value?)? {
        let items = self.items
        var position = 0
        return {
            guard position < items.count else { return nil }
            position += 1
            return items[position - 1]
        }
    }

    func contains(_ other: Value) throws -> Bool? {
        switch kind {
        case .keys:
            return dict.get(try HashKey(other)) != nil
        case .values:
            for value in dict.values where try Comparison.equal(value, other) { return true }
            return false
        case .items:
            guard case .tuple(let pair) = other, pair.count == 2 else { return false }
            guard let value = dict.get(try HashKey(pair[0])) else { return false }
            return try Comparison.equal(value, pair[1])
        }
    }

    /// `==` and `!=` between key views or item views: equal when they hold the same keys
    /// (items) in any order. Value views compare by identity, as in Python.
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual, kind != .values else { return nil }
        guard case .native(let view as DictViewObject) = other, view.kind == kind else {
            return .bool(op == .notEqual)
        }
        var same = view.dict.count == dict.count
        if same {
            for item in view.items where !(try contains(item) ?? false) {
                same = false
                break
            }
        }
        return .bool(same == (op == .equal))
    }
}

extension DictViewObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .dict(let copied) = try copier.copy(.dict(dict)) else { return self }
        return DictViewObject(copied, kind)
    }
}
