/// `ParameterValue`s as language values (front matter parameters, `yaml.safe_load`), and
/// their repr-like text for messages and cache keys.
extension ParameterValue {
    /// The language value: mappings become dicts and sequences lists, new objects each time.
    var value: Value {
        switch self {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .list(let items): return .list(ListObject(items.map(\.value)))
        case .mapping(let entries):
            let dict = DictObject()
            for entry in entries {
                let key = entry.key.value
                // Keys are scalars (YAMLData refuses lists and mappings), so they hash.
                if let hash = try? HashKey(key) { dict.set(key, hash, entry.value.value) }
            }
            return .dict(dict)
        }
    }

    /// Python's repr of the value (`{'a': 1, 'b': [True, None]}`), for messages and keys.
    public var pythonRepr: String {
        switch self {
        case .int(let i): return String(i)
        case .float(let d): return Value.float(d).repr()
        case .string(let s): return Value.str(s).repr()
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key.pythonRepr): \($0.value.pythonRepr)" }.joined(separator: ", ") + "}"
        }
    }
}
