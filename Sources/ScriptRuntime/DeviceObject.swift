import ScriptSyntax

/// `torch.device('cpu')`: the one device there is. It shows as PyTorch shows it
/// (`device(type='cpu')`, `str` gives `cpu`), has `.type` and `.index`, and compares equal
/// to a cpu device of the same index. Asking for a GPU is an error that says
/// so: ported code should use `'cpu'` or `torch.cuda.is_available()` (always False).
final class DeviceObject: NativeObject {
    /// The device index (`torch.device('cpu', 0)`, `'cpu:0'`), or nil.
    let index: Int?

    init(index: Int? = nil) {
        self.index = index
    }

    var typeName: String { "device" }
    func repr() -> String { index.map { "device(type='cpu', index=\($0))" } ?? "device(type='cpu')" }
    func str() -> String { index.map { "cpu:\($0)" } ?? "cpu" }
    var attributeNames: [String] { ["type", "index"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "type": .str("cpu")
        case "index": index.map { Value.int($0) } ?? Value.none
        default: nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        switch other {
        case .native(let device as DeviceObject): same = device.index == index
        default: same = false
        }
        return .bool(same == (op == .equal))
    }

    /// The device a `device=` / `.to(…)` argument names: a device object or a string such
    /// as `'cpu'`, `'cpu:0'`; GPUs are refused.
    static func parse(_ value: Value, _ what: String) throws -> DeviceObject {
        switch value {
        case .native(let device as DeviceObject): return device
        case .str(let text): return try parse(text)
        default: throw RuntimeError.type("\(what) must be a device or a string such as 'cpu', not \(value.typeName)")
        }
    }

    /// A device string: `cpu` or `cpu:N`.
    static func parse(_ text: String) throws -> DeviceObject {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let kind = parts[0]
        guard kind == "cpu" else {
            if ["cuda", "mps", "xpu", "meta", "hip", "xla"].contains(kind) { throw noGPU(text) }
            throw RuntimeError("expected one of cpu, cuda, mps device type at start of device string: \(text)", id: "runtime-error")
        }
        guard parts.count == 2 else { return DeviceObject() }
        guard let index = Int(parts[1]), index >= 0 else {
            throw RuntimeError("invalid device string: '\(text)'", id: "runtime-error")
        }
        return DeviceObject(index: index)
    }

    /// The error for a GPU device.
    static func noGPU(_ what: String) -> RuntimeError {
        RuntimeError("no GPU here: '\(what)' is not available, rnnbook runs on the CPU; use torch.device('cpu') "
                     + "(torch.cuda.is_available() is False)", id: "runtime-error")
    }
}

extension DeviceObject: SnapshotCopyable {
    /// Devices are immutable: a snapshot shares them.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}
