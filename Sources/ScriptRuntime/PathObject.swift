import ScriptSyntax

/// `pathlib.Path`: a POSIX path as a value, with pathlib's normalization (`a//b` and `./a`
/// collapse, a trailing `/` goes) and its string parts: `/`, `name`, `stem`, `suffix`,
/// `suffixes`, `parent`, `parts`, `with_suffix`, `with_name`, `joinpath`, `is_absolute`,
/// `as_posix`. Anything that would touch the file system (`exists`, `mkdir`, `open`, …) is
/// refused. Built-ins that take a file name take a Path too.
final class PathObject: NativeObject {
    /// The normalized path, as `str(path)` gives it.
    let path: String

    init(_ pieces: [String]) {
        var parts: [String] = []
        for piece in pieces {
            if piece.hasPrefix("/") { parts = ["/"] }
            parts += piece.split(separator: "/").map(String.init).filter { $0 != "." }
        }
        let absolute = parts.first == "/"
        let body = (absolute ? Array(parts.dropFirst()) : parts).joined(separator: "/")
        path = absolute ? "/" + body : body.isEmpty ? "." : body
    }

    var typeName: String { "PosixPath" }
    func repr() -> String { "PosixPath(\(Value.quote(path)))" }
    func str() -> String { path }

    static let fileSystemMethods = ["exists", "is_file", "is_dir", "mkdir", "open", "read_text", "write_text",
                                    "read_bytes", "write_bytes", "iterdir", "glob", "unlink", "resolve", "stat", "touch"]
    var attributeNames: [String] {
        ["name", "stem", "suffix", "suffixes", "parent", "parts", "with_suffix", "with_name", "joinpath", "is_absolute", "as_posix"]
    }

    var parts: [String] {
        let pieces = path.split(separator: "/").map(String.init)
        return path.hasPrefix("/") ? ["/"] + pieces : path == "." ? [] : pieces
    }

    var name: String { path == "/" || path == "." ? "" : parts.last ?? "" }

    var suffixes: [String] {
        guard !name.hasSuffix(".") else { return [] }
        let pieces = name.drop { $0 == "." }.split(separator: ".", omittingEmptySubsequences: false)
        return pieces.dropFirst().map { "." + $0 }
    }

    var parent: PathObject {
        let all = parts
        if all.count <= 1 { return PathObject([path.hasPrefix("/") ? "/" : "."]) }
        return PathObject(Array(all.dropLast()))
    }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "name": return .str(name)
        case "suffix": return .str(suffixes.last ?? "")
        case "suffixes": return .list(ListObject(suffixes.map { .str($0) }))
        case "stem": return .str(String(name.dropLast((suffixes.last ?? "").count)))
        case "parent": return .native(parent)
        case "parts": return .tuple(parts.map { .str($0) })
        default: return nil
        }
    }

    func callMethod(_ member: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if PathObject.fileSystemMethods.contains(member) {
            throw RuntimeError.type("Path.\(member)() is not supported: notebooks do not use the file system "
                                    + "(paths here are names, for plt.savefig, torch.save and net.save)")
        }
        switch member {
        case "joinpath":
            let pieces = try Signature(member, variadic: true).bind(arguments).rest.map(PathObject.text)
            return .native(PathObject([path] + pieces))
        case "with_suffix":
            let suffix = try Signature(member, ["suffix"]).bind(arguments).string("suffix", "")
            if !suffix.isEmpty && (!suffix.hasPrefix(".") || suffix == ".") { throw RuntimeError.value("Invalid suffix \(Value.quote(suffix))") }
            guard !name.isEmpty else { throw RuntimeError.value("\(repr()) has an empty name") }
            let stem = String(name.dropLast((suffixes.last ?? "").count))
            return .native(PathObject([parent.path, stem + suffix]))
        case "with_name":
            let newName = try Signature(member, ["name"]).bind(arguments).string("name", "")
            guard !name.isEmpty else { throw RuntimeError.value("\(repr()) has an empty name") }
            return .native(PathObject([parent.path, newName]))
        case "is_absolute":
            _ = try Signature(member).bind(arguments)
            return .bool(path.hasPrefix("/"))
        case "as_posix":
            _ = try Signature(member).bind(arguments)
            return .str(path)
        default:
            return nil
        }
    }

    /// A path piece: a str or a Path.
    static func text(_ value: Value) throws -> String {
        switch value {
        case .str(let text): return text
        case .native(let other as PathObject): return other.path
        default: throw RuntimeError.type("expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .divide, let piece = try? PathObject.text(other) else { return nil }
        return .native(PathObject(reflected ? [piece, path] : [path, piece]))
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .native(let path as PathObject) = other else {
            return op == .equal ? .bool(false) : op == .notEqual ? .bool(true) : nil
        }
        let (left, right) = reflected ? (path.parts, parts) : (parts, path.parts)
        return try Comparison.compare(op, .tuple(left.map { .str($0) }), .tuple(right.map { .str($0) }))
    }
}

extension PathObject: ValueHashable {
    func hashKey() throws -> HashKey { .tuple([.str("pathlib.Path"), .str(path)]) }
    func pythonHash() throws -> Int { PythonHash.string(path) }
}

extension PathObject: SnapshotCopyable {
    /// Immutable: shared, not copied.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}
