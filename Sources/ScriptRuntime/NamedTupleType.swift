/// What `collections.namedtuple('Point', ['x', 'y'])` returns: a class whose instances
/// (`NamedTupleObject`) are tuples with named fields. Calling it makes an instance with
/// the fields given by position or by name; `Point._fields`, `Point._make(iterable)` and
/// `Point._field_defaults` are there as in Python.
final class NamedTupleType: NativeObject, Callable {
    let name: String
    let module: String
    let fields: [String]
    /// The defaults of the last `defaults.count` fields.
    let defaults: [Value]

    init(name: String, module: String, fields: [String], defaults: [Value]) {
        self.name = name
        self.module = module
        self.fields = fields
        self.defaults = defaults
    }

    var typeName: String { "type" }
    func repr() -> String { "<class '\(module).\(name)'>" }
    var attributeNames: [String] { ["_fields", "_field_defaults", "_make", "__name__"] }

    var fieldTuple: Value { .tuple(fields.map { .str($0) }) }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "_fields": return fieldTuple
        case "__name__": return .str(name)
        case "_field_defaults":
            let dict = DictObject()
            for (field, value) in zip(fields.suffix(defaults.count), defaults) { dict.set(.str(field), .str(field), value) }
            return .dict(dict)
        default: return nil
        }
    }

    func callMethod(_ member: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard member == "_make" else { return nil }
        let values = try interpreter.collect(try Signature("_make", ["iterable"]).bind(arguments).value("iterable"))
        guard values.count == fields.count else {
            throw RuntimeError.type("Expected \(fields.count) arguments, got \(values.count)")
        }
        return .native(NamedTupleObject(self, values))
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let signature = Signature("\(name).__new__", fields, required: fields.count - defaults.count)
        let bound = try signature.bind(arguments)
        let firstDefault = fields.count - defaults.count
        let values = fields.enumerated().map { i, field in bound[field] ?? defaults[i - firstDefault] }
        return .native(NamedTupleObject(self, values))
    }

    /// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
    static func make(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let typename = try args.string("typename", "")
        var names: [String]
        switch args.value("field_names") {
        case .str(let text):
            names = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        case let other:
            names = try interpreter.collect(other).map { item in
                guard case .str(let text) = item else { throw RuntimeError.type("field names must be strings, not \(item.typeName)") }
                return text
            }
        }
        let rename = try args.bool("rename", false)
        if rename {
            var seen = Set<String>()
            for (i, field) in names.enumerated() {
                if !isIdentifier(field) || pythonKeywords.contains(field) || field.hasPrefix("_") || seen.contains(field) {
                    names[i] = "_\(i)"
                }
                seen.insert(names[i])
            }
        }
        for candidate in [typename] + names {
            if !isIdentifier(candidate) {
                throw RuntimeError.value("Type names and field names must be valid identifiers: \(Value.quote(candidate))")
            }
            if pythonKeywords.contains(candidate) {
                throw RuntimeError.value("Type names and field names cannot be a keyword: \(Value.quote(candidate))")
            }
        }
        var seen = Set<String>()
        for field in names {
            if field.hasPrefix("_") && !rename { throw RuntimeError.value("Field names cannot start with an underscore: \(Value.quote(field))") }
            if !seen.insert(field).inserted { throw RuntimeError.value("Encountered duplicate field name: \(Value.quote(field))") }
        }
        let defaults = try args["defaults"].map { $0.isNone ? [] : try interpreter.collect($0) } ?? []
        guard defaults.count <= names.count else { throw RuntimeError.type("Got more default values than field names") }
        let module = try args.string("module", "__main__")
        return .native(NamedTupleType(name: typename, module: module, fields: names, defaults: defaults))
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    static let pythonKeywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}

extension NamedTupleType: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        NamedTupleType(name: name, module: module, fields: fields, defaults: try defaults.map(copier.copy))
    }
}
