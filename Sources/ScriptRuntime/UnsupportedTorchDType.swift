import ScriptSyntax

/// A PyTorch dtype the engine does not have (`torch.float64`, `torch.int32`, `torch.uint8`,
/// …): the name exists, prints as PyTorch prints it and compares by name (no tensor has it,
/// so `x.dtype == torch.float64` is False), but using it as a dtype (`dtype=`, `x.to(…)`)
/// is refused with the dtype to write instead, never silently replaced.
final class UnsupportedTorchDType: NativeObject, SnapshotCopyable {
    /// PyTorch's name without `torch.` (`float64`, `double`, …).
    let name: String

    /// The refused dtypes, by their `torch.` names (aliases print as PyTorch's canonical name).
    static let canonical: [String: String] = [
        "float64": "float64", "double": "float64", "float16": "float16", "half": "float16", "bfloat16": "bfloat16",
        "int32": "int32", "int16": "int16", "short": "int16", "int8": "int8", "uint8": "uint8",
    ]

    init(_ name: String) {
        self.name = Self.canonical[name] ?? name
    }

    var typeName: String { "dtype" }
    func repr() -> String { "torch.\(name)" }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        var same = false
        if case .native(let object as UnsupportedTorchDType) = other { same = object.name == name }
        return .bool(same == (op == .equal))
    }

    /// The error for using this dtype, naming what to write instead.
    func refusal(_ what: String) -> RuntimeError {
        let instead = switch name {
        case "float64", "float16", "bfloat16":
            "the engine computes in float32: write torch.float32 (or leave the dtype out)"
        case "uint8":
            "integer tensors are int64 here: write torch.int64 (torch.long), or torch.bool for a mask"
        default:
            "integer tensors are int64 here: write torch.int64 (torch.long)"
        }
        return RuntimeError.type("\(what): torch.\(name) is not supported, \(instead)")
    }
}

extension Value {
    /// Whether this value is a refused torch dtype (`torch.float64`, …).
    var isUnsupportedTorchDType: Bool {
        if case .native(is UnsupportedTorchDType) = self { return true }
        return false
    }
}
