import Foundation

/// Python's `io`, for what checkpoints need: `io.BytesIO()`, an in-memory file that
/// `torch.save(obj, buffer)` writes to and `torch.load(buffer)` reads from, so that a lab can
/// save and restore weights without touching the disk. The language has no `bytes` type,
/// so the buffer's contents stay inside it: `getvalue()`, `read()` and `write()` are refused.
enum IOModule {
    static func build(_ io: Namespace) {
        io.function("BytesIO", Signature("BytesIO", ["initial_bytes"], required: 0)) { args, _ in
            if let initial = args["initial_bytes"], !initial.isNone {
                throw RuntimeError.type("io.BytesIO(initial_bytes) is not supported (there is no bytes type); "
                                        + "make an empty io.BytesIO() and torch.save into it")
            }
            return .native(BytesIOObject(Data()))
        }
        for name in ["StringIO", "TextIOWrapper", "open"] {
            io.function(name, Signature(name, acceptsAnyKeyword: true)) { _, _ in
                throw RuntimeError.type("io.\(name) is not supported; io.BytesIO() holds what torch.save writes")
            }
        }
    }
}

/// An `io.BytesIO` buffer: bytes and a position, as Python's. `torch.save` writes at the
/// position (replacing what follows) and leaves the position at the end; `torch.load` reads
/// from the position, so a `seek(0)` comes between them, as in Python.
final class BytesIOObject: NativeObject, SnapshotCopyable {
    private(set) var data: Data
    private(set) var position = 0
    private(set) var closed = false

    init(_ data: Data, position: Int = 0) {
        self.data = data
        self.position = position
    }

    var typeName: String { "BytesIO" }
    var attributeNames: [String] { ["seek", "tell", "truncate", "close", "closed", "getbuffer", "getvalue", "read", "write"] }
    func repr() -> String { "<_io.BytesIO object>" }

    /// Writes `bytes` at the position, replacing and extending, and moves past them.
    func write(_ bytes: Data) throws {
        try checkOpen()
        if position > data.count { data.append(Data(count: position - data.count)) }
        let end = min(data.count, position + bytes.count)
        data.replaceSubrange(position..<end, with: bytes)
        position += bytes.count
    }

    /// The bytes from the position to the end; the position moves to the end.
    func readToEnd() throws -> Data {
        try checkOpen()
        let start = min(position, data.count)
        position = max(position, data.count)
        return data.subdata(in: start..<data.count)
    }

    func checkOpen() throws {
        if closed { throw RuntimeError.value("I/O operation on closed file.") }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "closed" ? .bool(closed) : nil
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "seek":
            let args = try Signature("seek", ["pos", "whence"], required: 1).bind(arguments)
            try checkOpen()
            let offset = try args.int("pos", 0)
            let base: Int
            switch try args.int("whence", 0) {
            case 0: base = 0
            case 1: base = position
            case 2: base = data.count
            case let whence: throw RuntimeError.value("invalid whence (\(whence), should be 0, 1 or 2)")
            }
            let (target, overflow) = base.addingReportingOverflow(offset)
            guard !overflow, target >= 0 else { throw RuntimeError.value("negative seek value \(offset)") }
            position = target
            return .int(position)
        case "tell":
            _ = try Signature("tell").bind(arguments)
            try checkOpen()
            return .int(position)
        case "truncate":
            let args = try Signature("truncate", ["size"], required: 0).bind(arguments)
            try checkOpen()
            let size = try args["size"].flatMap { $0.isNone ? nil : try args.int("size", 0) } ?? position
            guard size >= 0 else { throw RuntimeError.value("negative size value \(size)") }
            if size < data.count { data.removeSubrange(size..<data.count) }
            return .int(size)
        case "close":
            _ = try Signature("close").bind(arguments)
            closed = true
            return Value.none
        case "getbuffer":
            _ = try Signature("getbuffer").bind(arguments)
            try checkOpen()
            return .native(BufferView(count: data.count))
        case "getvalue", "read", "write":
            throw RuntimeError.type("BytesIO.\(name)() is not supported (there is no bytes type); the buffer is for "
                                    + "torch.save(obj, buffer) and torch.load(buffer); its size is buffer.getbuffer().nbytes")
        default:
            return nil
        }
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copy = BytesIOObject(data, position: position)
        copy.closed = closed
        return copy
    }
}

/// What `BytesIO.getbuffer()` gives here: a view that tells its size, `nbytes` and `len`.
final class BufferView: NativeObject {
    let count: Int
    init(count: Int) { self.count = count }
    var typeName: String { "memoryview" }
    var attributeNames: [String] { ["nbytes"] }
    func repr() -> String { "<memory of \(count) bytes>" }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "nbytes" ? .int(count) : nil
    }
    func length() throws -> Int? { count }
}

extension BytesIOObject {
    /// `value` when it is a buffer.
    static func from(_ value: Value) -> BytesIOObject? {
        if case .native(let buffer as BytesIOObject) = value { return buffer }
        return nil
    }
}
