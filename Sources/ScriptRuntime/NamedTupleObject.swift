import ScriptSyntax

/// An instance of a namedtuple class: a tuple whose items are also named attributes.
/// Prints as `Point(x=1, y=2)`; indexes, slices (giving a plain tuple), unpacks, compares
/// and hashes as the tuple of its items (`Point(1, 2) == (1, 2)`); `_replace(**fields)`,
/// `_asdict()`, `_fields`, `count`, `index`.
final class NamedTupleObject: NativeObject {
    let type: NamedTupleType
    let values: [Value]

    init(_ type: NamedTupleType, _ values: [Value]) {
        self.type = type
        self.values = values
    }

    var typeName: String { type.name }
    var attributeNames: [String] { type.fields + ["_fields", "_replace", "_asdict", "count", "index"] }

    func repr() -> String {
        "\(type.name)(" + zip(type.fields, values).map { "\($0)=\($1.repr())" }.joined(separator: ", ") + ")"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if let i = type.fields.firstIndex(of: name) { return values[i] }
        return name == "_fields" ? type.fieldTuple : nil
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        if type.fields.contains(name) { throw RuntimeError("can't set attribute", id: "attribute-error") }
        throw RuntimeError("'\(type.name)' object has no attribute '\(name)'", id: "attribute-error")
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "_replace":
            guard arguments.positional.isEmpty else {
                throw RuntimeError.type("\(type.name)._replace() takes 1 positional argument but \(arguments.positional.count + 1) were given")
            }
            var replaced = values
            var unknown: [Value] = []
            for (field, value) in arguments.keywords {
                if let i = type.fields.firstIndex(of: field) { replaced[i] = value } else { unknown.append(.str(field)) }
            }
            if !unknown.isEmpty { throw RuntimeError.value("Got unexpected field names: \(Value.list(ListObject(unknown)).repr())") }
            return .native(NamedTupleObject(type, replaced))
        case "_asdict":
            _ = try Signature("_asdict").bind(arguments)
            let dict = DictObject()
            for (field, value) in zip(type.fields, values) { dict.set(.str(field), .str(field), value) }
            return .dict(dict)
        case "index", "count":
            return try BuiltinMethods.call(.tuple(values), name, arguments, interpreter)
        default:
            return nil
        }
    }

    func getItem(_ index: Value) throws -> Value? {
        if case .native(let slice as SliceObject) = index {
            return .tuple(try slice.positions(count: values.count).map { values[$0] })
        }
        var i = try index.asInt("tuple index")
        if i < 0 { i += values.count }
        guard i >= 0, i < values.count else { throw RuntimeError.index("tuple index out of range") }
        return values[i]
    }

    func length() throws -> Int? { values.count }

    func contains(_ other: Value) throws -> Bool? { try Comparison.contains(.tuple(values), other) }

    func makeIterator() throws -> (() throws -> Value?)? {
        var position = 0
        return { [values] in
            guard position < values.count else { return nil }
            position += 1
            return values[position - 1]
        }
    }

    /// The items as a plain tuple, when `value` is a tuple or a namedtuple.
    static func items(_ value: Value) -> [Value]? {
        switch value {
        case .tuple(let items): return items
        case .native(let named as NamedTupleObject): return named.values
        default: return nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let others = NamedTupleObject.items(other) else {
            return op == .equal ? .bool(false) : op == .notEqual ? .bool(true) : nil
        }
        let (left, right) = reflected ? (Value.tuple(others), Value.tuple(values)) : (.tuple(values), .tuple(others))
        return try Comparison.compare(op, left, right)
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .add || op == .multiply else { return nil }
        if op == .add, NamedTupleObject.items(other) == nil { return nil }
        let (left, right) = reflected ? (other, Value.tuple(values)) : (.tuple(values), other)
        return try Arithmetic.binary(op, NamedTupleObject.items(left).map(Value.tuple) ?? left,
                                     NamedTupleObject.items(right).map(Value.tuple) ?? right)
    }
}

extension NamedTupleObject: ValueHashable {
    func hashKey() throws -> HashKey { try HashKey(.tuple(values)) }
    func pythonHash() throws -> Int { try PythonHash.hash(.tuple(values)) }
}

extension NamedTupleObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let type as NamedTupleType) = try copier.copy(.native(type)) else { return self }
        return NamedTupleObject(type, try values.map(copier.copy))
    }
}
