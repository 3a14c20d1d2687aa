/// Where a tensor is non-zero, and normal samples with given means and deviations.
extension Tensor {
    /// The int64 coordinates of the non-zero elements, one row each, in row-major order:
    /// shape (count, ndim) (PyTorch's `nonzero`).
    public func nonzero() throws -> Tensor {
        let strides = Shape.strides(shape)
        var found = 0
        for i in 0..<count where data[i] != 0 { found += 1 }
        // Counted first, so the result goes through the size budget before it is filled.
        let out = try Tensor(uninitialized: [found, ndim], dtype: .int64, op: "nonzero")
        var row = 0
        for i in 0..<count where data[i] != 0 {
            for k in 0..<ndim { out.data[row * ndim + k] = Float((i / strides[k]) % shape[k]) }
            row += 1
        }
        return out
    }

    /// The coordinates of the non-zero elements as one int64 tensor per dimension
    /// (PyTorch's `nonzero(as_tuple=True)` and one-argument `where`); a 0-dimensional
    /// tensor counts as 1-dimensional.
    public func nonzeroTuple() throws -> [Tensor] {
        let x = ndim == 0 ? try reshape([1]) : self
        let coordinates = try x.nonzero()
        return try (0..<x.ndim).map { k in
            try coordinates.index([.all, .at(k)])
        }
    }

    /// Normal samples with means `mean` and standard deviations `std`, broadcast together
    /// (PyTorch's `normal(mean, std)`); every deviation must be ≥ 0.
    public static func normal(mean: Tensor, std: Tensor, generator: Generator) throws -> Tensor {
        let shape = try Shape.broadcast(mean.shape, std.shape, op: "normal", symbol: "and")
        let m = try mean.materialized(to: shape, op: "normal")
        let s = try std.materialized(to: shape, op: "normal")
        for i in 0..<s.count where !(s.data[i] >= 0) {
            throw TensorError("normal: normal expects all elements of std >= 0.0")
        }
        let out = try Tensor(uninitialized: shape, op: "normal")
        for i in 0..<out.count { out.data[i] = m.data[i] + s.data[i] * Float(generator.nextNormal()) }
        return out
    }
}
