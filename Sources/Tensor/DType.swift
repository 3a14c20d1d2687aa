/// The element type a tensor stands for.
///
/// Every tensor stores its elements as `Float`; the dtype says how to read them. `int64`
/// tensors (PyTorch's `long`: labels, indices, `argmax` results) hold whole numbers, exact
/// up to 2^24 = 16,777,216 in magnitude, which covers every index and label of a lab. `bool`
/// tensors (comparison results, masks) hold 0 and 1. Only `float32` tensors can require grad.
public enum DType: Int, Sendable, Comparable, CustomStringConvertible {
    /// Booleans stored as 0 and 1.
    case bool = 0
    /// Whole numbers (PyTorch's `long`), stored exactly as Float up to 2^24.
    case int64 = 1
    /// 32-bit floating point numbers.
    case float32 = 2

    /// PyTorch's name: `torch.bool`, `torch.int64`, `torch.float32`.
    public var description: String {
        switch self {
        case .bool: "torch.bool"
        case .int64: "torch.int64"
        case .float32: "torch.float32"
        }
    }

    /// The C++ scalar type name PyTorch's kernel errors use: `Bool`, `Long`, `Float`.
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .int64: "Long"
        case .float32: "Float"
        }
    }

    /// Whether the type is a floating point type.
    public var isFloatingPoint: Bool { self == .float32 }

    /// Orders dtypes by promotion: bool < int64 < float32.
    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }

    /// The whole number a stored element stands for: rounded toward zero, NaN as `Int.min`
    /// and out-of-range values clamped (the conversion never traps).
    static func integer(_ v: Float) -> Int {
        if v.isNaN { return Int.min }
        if v >= 9.2e18 { return Int.max }
        if v <= -9.2e18 { return Int.min }
        return Int(v)
    }

    /// The result type of arithmetic on `a` and `b` (bool arithmetic gives int64).
    static func promote(_ a: DType, _ b: DType) -> DType {
        let m = max(a, b)
        return m == .bool ? .int64 : m
    }
}
