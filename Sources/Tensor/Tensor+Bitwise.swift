/// Bitwise operations, as PyTorch defines them: on bool tensors they are the logical
/// operations (`(x > 0) & (x < 1)` combines masks), on int64 tensors they act on the
/// two's-complement bits, and float tensors have none. Results are never recorded.
extension Tensor {
    /// `self & other` elementwise, broadcast.
    public func bitwiseAnd(_ other: Tensor) throws -> Tensor {
        try Tensor.bitwise(BitAndKernel.self, self, other, op: "bitwise_and", symbol: "&", bool: true)
    }

    /// `self | other` elementwise, broadcast.
    public func bitwiseOr(_ other: Tensor) throws -> Tensor {
        try Tensor.bitwise(BitOrKernel.self, self, other, op: "bitwise_or", symbol: "|", bool: true)
    }

    /// `self ^ other` elementwise, broadcast.
    public func bitwiseXor(_ other: Tensor) throws -> Tensor {
        try Tensor.bitwise(BitXorKernel.self, self, other, op: "bitwise_xor", symbol: "^", bool: true)
    }

    /// `self << other` elementwise, broadcast (int64 only). A count that is negative or at
    /// least 64 gives 0, and bits shifted past the 64th are lost, as in PyTorch.
    public func leftShift(_ other: Tensor) throws -> Tensor {
        try Tensor.bitwise(LeftShiftKernel.self, self, other, op: "lshift", symbol: "<<", bool: false)
    }

    /// `self >> other` elementwise, broadcast (int64 only); arithmetic, so the sign is kept.
    /// A count that is negative or at least 64 shifts by 63, as in PyTorch.
    public func rightShift(_ other: Tensor) throws -> Tensor {
        try Tensor.bitwise(RightShiftKernel.self, self, other, op: "rshift", symbol: ">>", bool: false)
    }

    /// `~self`: logical `not` of a bool tensor, `-x - 1` of an int64 tensor.
    public func bitwiseNot() throws -> Tensor {
        switch dtype {
        case .bool: return try Tensor.mapping(NotKernel.self, self, op: "bitwise_not")
        case .int64: return try Tensor.mapping(BitNotKernel.self, self, op: "bitwise_not")
        case .float32: throw Tensor.notImplemented("bitwise_not", for: dtype)
        }
    }

    /// Applies a bitwise kernel in the promoted dtype, which must be int64 (or bool when
    /// the operation has a bool form).
    static func bitwise<K: BinaryKernel>(
        _: K.Type, _ a: Tensor, _ b: Tensor, op: String, symbol: String, bool: Bool
    ) throws -> Tensor {
        let dtype = Swift.max(a.dtype, b.dtype)
        guard dtype == .int64 || (bool && dtype == .bool) else { throw notImplemented(op, for: dtype) }
        return try broadcasting(K.self, a, b, op: op, symbol: symbol, dtype: dtype)
    }

    /// PyTorch's error for a kernel that has no version for a dtype.
    static func notImplemented(_ op: String, for dtype: DType) -> TensorError {
        TensorError("\"\(op)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    }
}
