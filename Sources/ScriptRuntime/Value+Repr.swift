/// Python's `repr` and `str` of values.
extension Value {
    /// The display form: `[1, 2.5, 'a']`, `(1,)`, `{'a': 1}`, `True`, `1e-05`.
    func repr() -> String {
        var visiting: [ObjectIdentifier] = []
        var out = ""
        Value.write(self, into: &out, visiting: &visiting)
        return out
    }

    /// The `str` form: strings unquoted, everything else as `repr`.
    func str() -> String {
        switch self {
        case .str(let s): return s
        case .native(let object): return object.str()
        default: return repr()
        }
    }

    /// The built-ins that are types in Python, shown as `<class 'list'>`.
    static let typeConstructors: Set<String> = ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset"]

    static func formatFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description
    }

    static func quote(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let delimiter: Character = useDouble ? "\"" : "'"
        var out = String(delimiter)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "'" where !useDouble: out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(delimiter)
        return out
    }

    static func write(_ value: Value, into out: inout String, visiting: inout [ObjectIdentifier]) {
        switch value {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .float(let d): out += formatFloat(d)
        case .str(let s): out += quote(s)
        case .list(let list):
            writeList(list.items, of: ObjectIdentifier(list), into: &out, visiting: &visiting)
        case .tuple(let items):
            if visiting.count > 200 {
                out += "(...)"
                return
            }
            out += "("
            writeItems(items, into: &out, visiting: &visiting)
            out += items.count == 1 ? ",)" : ")"
        case .dict(let dict):
            let id = ObjectIdentifier(dict)
            if visiting.contains(id) || visiting.count > 200 {
                out += "{...}"
                return
            }
            visiting.append(id)
            writeDict(dict, into: &out, visiting: &visiting)
            visiting.removeLast()
        case .function(let function):
            out += function.code.name == "<lambda>" ? "<function <lambda>>" : "<function \(function.code.name)>"
        case .builtin(let function):
            out += typeConstructors.contains(function.name) ? "<class '\(function.name)'>" : "<built-in function \(function.name)>"
        case .native(let view as DictViewObject):
            // Through `visiting`, so that a dict holding a view of itself shows `[...]`.
            out += view.typeName + "("
            writeList(view.items, of: ObjectIdentifier(view.dict), into: &out, visiting: &visiting)
            out += ")"
        case .native(let object): out += object.repr()
        }
    }

    /// `{k: v}`, or a `collections` dict as Python shows it: `defaultdict(<class 'list'>, {…})`,
    /// `Counter({…})` by count, `OrderedDict([(k, v)])`.
    static func writeDict(_ dict: DictObject, into out: inout String, visiting: inout [ObjectIdentifier]) {
        func entries(_ pairs: [(key: Value, value: Value)]) {
            out += "{"
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                write(key, into: &out, visiting: &visiting)
                out += ": "
                write(item, into: &out, visiting: &visiting)
            }
            out += "}"
        }
        let pairs: [(key: Value, value: Value)] = zip(dict.keys, dict.values).map { ($0, $1) }
        switch dict.flavor {
        case .plain:
            entries(pairs)
        case .defaultdict(let factory):
            out += "defaultdict("
            write(factory, into: &out, visiting: &visiting)
            out += ", "
            entries(pairs)
            out += ")"
        case .counter:
            out += "Counter("
            if !pairs.isEmpty { entries((try? dict.byCount()) ?? pairs) }
            out += ")"
        case .ordered:
            out += "OrderedDict("
            if !pairs.isEmpty { writeItems([.list(ListObject(pairs.map { .tuple([$0.key, $0.value]) }))], into: &out, visiting: &visiting) }
            out += ")"
        }
    }

    /// `[a, b]`, or `[...]` when the container `id` is already being written (a cycle) or
    /// the nesting is too deep.
    static func writeList(_ items: [Value], of id: ObjectIdentifier, into out: inout String,
                          visiting: inout [ObjectIdentifier]) {
        if visiting.contains(id) || visiting.count > 200 {
            out += "[...]"
            return
        }
        visiting.append(id)
        out += "["
        writeItems(items, into: &out, visiting: &visiting)
        out += "]"
        visiting.removeLast()
    }

    static func writeItems(_ items: [Value], into out: inout String, visiting: inout [ObjectIdentifier]) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            write(item, into: &out, visiting: &visiting)
        }
    }
}
