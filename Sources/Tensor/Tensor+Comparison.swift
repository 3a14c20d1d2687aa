/// Comparisons and logical operations; results are bool tensors and are never recorded.
extension Tensor {
    /// `self == other` elementwise, broadcast.
    public func eq(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(EqualKernel.self, self, other, op: "eq", symbol: "==", dtype: .bool)
    }

    /// `self != other` elementwise, broadcast.
    public func ne(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(NotEqualKernel.self, self, other, op: "ne", symbol: "!=", dtype: .bool)
    }

    /// `self < other` elementwise, broadcast.
    public func lt(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(LessKernel.self, self, other, op: "lt", symbol: "<", dtype: .bool)
    }

    /// `self <= other` elementwise, broadcast.
    public func le(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(LessEqualKernel.self, self, other, op: "le", symbol: "<=", dtype: .bool)
    }

    /// `self > other` elementwise, broadcast.
    public func gt(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(GreaterKernel.self, self, other, op: "gt", symbol: ">", dtype: .bool)
    }

    /// `self >= other` elementwise, broadcast.
    public func ge(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(GreaterEqualKernel.self, self, other, op: "ge", symbol: ">=", dtype: .bool)
    }

    /// `self == s` elementwise.
    public func eq(_ s: Float) throws -> Tensor { try eq(Tensor.number(s)) }
    /// `self != s` elementwise.
    public func ne(_ s: Float) throws -> Tensor { try ne(Tensor.number(s)) }
    /// `self < s` elementwise.
    public func lt(_ s: Float) throws -> Tensor { try lt(Tensor.number(s)) }
    /// `self <= s` elementwise.
    public func le(_ s: Float) throws -> Tensor { try le(Tensor.number(s)) }
    /// `self > s` elementwise.
    public func gt(_ s: Float) throws -> Tensor { try gt(Tensor.number(s)) }
    /// `self >= s` elementwise.
    public func ge(_ s: Float) throws -> Tensor { try ge(Tensor.number(s)) }

    /// Elementwise `and` of truth values (nonzero is true), broadcast.
    public func logicalAnd(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(AndKernel.self, self, other, op: "logical_and", symbol: "&", dtype: .bool)
    }

    /// Elementwise `or` of truth values (nonzero is true), broadcast.
    public func logicalOr(_ other: Tensor) throws -> Tensor {
        try Tensor.broadcasting(OrKernel.self, self, other, op: "logical_or", symbol: "|", dtype: .bool)
    }

    /// Elementwise `not` of truth values (nonzero is true).
    public func logicalNot() throws -> Tensor {
        try Tensor.mapping(NotKernel.self, self, op: "logical_not", dtype: .bool)
    }

    /// Whether the two tensors have the same shape and every pair of elements satisfies
    /// `|a - b| <= atol + rtol * |b|` (not symmetric, not transitive). Stricter than PyTorch's
    /// `allclose`, which broadcasts: the language's `torch.allclose` is `isClose(…)` all true.
    public func allClose(_ other: Tensor, rtol: Float = 1e-5, atol: Float = 1e-8) -> Bool {
        guard shape == other.shape else { return false }
        let (a, b) = (data, other.data)
        for i in 0..<count {
            if a[i] == b[i] { continue }
            if !(Swift.abs(a[i] - b[i]) <= atol + rtol * Swift.abs(b[i])) { return false }
        }
        return true
    }

    /// Whether the two tensors have the same shape and equal elements.
    public func equal(_ other: Tensor) -> Bool {
        shape == other.shape && (0..<count).allSatisfy { data[$0] == other.data[$0] }
    }
}
