import Foundation

/// A file opened for reading text with `open(path)` / `open(path, "r")`, as Python's
/// `io.TextIOWrapper`: `read(size)`, `readline()`, `readlines()`, iteration by lines,
/// `close()`, `closed`, `name`, `mode`, and `with open(...) as f`.
///
/// The whole file is read (UTF-8, universal newlines as Python's default `newline=None`)
/// when it is opened, through the session's `FileAccessPolicy`: the notebook's folder and
/// `--allow-files`, nothing while grading. Writing modes are refused (`TextFileObject.open`).
final class TextFileObject: NativeObject, SnapshotCopyable {
    /// The largest file `open` reads, in bytes.
    static let sizeLimit = 64 << 20

    let name: String
    /// The text's code points: sizes and positions count code points, as Python's do.
    let text: [Unicode.Scalar]
    private(set) var position = 0
    private(set) var closed = false

    init(name: String, text: [Unicode.Scalar], position: Int = 0, closed: Bool = false) {
        self.name = name
        self.text = text
        self.position = position
        self.closed = closed
    }

    var typeName: String { "TextIOWrapper" }
    var attributeNames: [String] { ["close", "closed", "mode", "name", "read", "readline", "readlines", "encoding"] }
    func repr() -> String { "<_io.TextIOWrapper name=\(Value.str(name).repr()) mode='r' encoding='UTF-8'>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "closed": return .bool(closed)
        case "name": return .str(self.name)
        case "mode": return .str("r")
        case "encoding": return .str("UTF-8")
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "read":
            let args = try Signature("read", ["size"], required: 0).bind(arguments)
            let size = try limit(args, "size")
            try checkOpen()
            let end = size.map { position + min(text.count - position, $0) } ?? text.count
            defer { position = end }
            return .str(String(codePoints: text[position..<end]))
        case "readline":
            let args = try Signature("readline", ["size"], required: 0).bind(arguments)
            let size = try limit(args, "size")
            try checkOpen()
            return .str(readLine(limit: size) ?? "")
        case "readlines":
            let args = try Signature("readlines", ["hint"], required: 0).bind(arguments)
            // Python reads every line when the hint is 0 or less.
            let hint = try limit(args, "hint").flatMap { $0 > 0 ? $0 : nil }
            try checkOpen()
            var lines: [Value] = []
            var total = 0
            while let line = readLine(limit: nil) {
                lines.append(.str(line))
                total += line.count
                if let hint, total >= hint { break }
            }
            return .list(ListObject(lines))
        case "close":
            _ = try Signature("close").bind(arguments)
            closed = true
            return Value.none
        case "write", "writelines", "truncate":
            throw RuntimeError("\(name)(): the file is open for reading only (io.UnsupportedOperation: not writable)",
                               id: "file-access")
        default:
            return nil
        }
    }

    /// A size argument: nil for all (None or negative).
    private func limit(_ args: BoundArguments, _ name: String) throws -> Int? {
        guard let value = args[name], !value.isNone else { return nil }
        let size = try args.int(name, -1)
        return size < 0 ? nil : size
    }

    /// The next line with its `\n`, or nil at the end of the file.
    private func readLine(limit: Int?) -> String? {
        guard position < text.count else { return nil }
        var end = position
        let stop = limit.map { position + min(text.count - position, $0) } ?? text.count
        while end < stop {
            end += 1
            if text[end - 1] == "\n" { break }
        }
        defer { position = end }
        return String(codePoints: text[position..<end])
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        try checkOpen()
        return { [self] in
            try checkOpen()
            return readLine(limit: nil).map { .str($0) }
        }
    }

    func enter(_ interpreter: Interpreter) throws -> Value? {
        try checkOpen()
        return .native(self)
    }

    func exit(_ interpreter: Interpreter) throws {
        closed = true
    }

    /// The text from the position to the end (what `yaml.safe_load(f)` reads).
    func readRest() throws -> String {
        try checkOpen()
        defer { position = text.count }
        return String(codePoints: text[position...])
    }

    func checkOpen() throws {
        if closed { throw RuntimeError.value("I/O operation on closed file.") }
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        TextFileObject(name: name, text: text, position: position, closed: closed)
    }
}
