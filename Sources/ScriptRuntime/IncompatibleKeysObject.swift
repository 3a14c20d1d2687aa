/// What `load_state_dict` returns: PyTorch's `_IncompatibleKeys(missing_keys, unexpected_keys)`,
/// a named pair (`missing, unexpected = model.load_state_dict(sd, strict=False)`).
final class IncompatibleKeysObject: NativeObject {
    let missing: [String]
    let unexpected: [String]

    init(missing: [String], unexpected: [String]) {
        self.missing = missing
        self.unexpected = unexpected
    }

    var typeName: String { "_IncompatibleKeys" }
    var attributeNames: [String] { ["missing_keys", "unexpected_keys"] }

    private var fields: [Value] {
        [.list(ListObject(missing.map { .str($0) })), .list(ListObject(unexpected.map { .str($0) }))]
    }

    func repr() -> String {
        if missing.isEmpty, unexpected.isEmpty { return "<All keys matched successfully>" }
        return "_IncompatibleKeys(missing_keys=\(fields[0].repr()), unexpected_keys=\(fields[1].repr()))"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "missing_keys": fields[0]
        case "unexpected_keys": fields[1]
        default: nil
        }
    }

    func length() throws -> Int? { 2 }

    func getItem(_ index: Value) throws -> Value? {
        guard case .int(let i) = index else { return nil }
        guard (-2..<2).contains(i) else { throw RuntimeError.index("tuple index out of range") }
        return fields[(i + 2) % 2]
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        var items = fields.makeIterator()
        return { items.next() }
    }
}
