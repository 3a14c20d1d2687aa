/// Sums, means, standard deviations, maxima and minima, over all or some dimensions.
extension Tensor {
    /// The sum over `dims` (all when nil); int64 for int64 and bool tensors.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        let whole = dims == nil
        let dims = try ReductionKernels.normalize(dims, rank: ndim, op: "sum")
        let out = try rawSum(dims: dims, keepdim: keepdim)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .sum(dims: dims, keepdim: keepdim, whole: whole), self) : out
    }

    /// The sum over one dimension.
    public func sum(dim: Int, keepdim: Bool = false) throws -> Tensor { try sum(dims: [dim], keepdim: keepdim) }

    /// The mean over `dims` (all when nil), as float32 (int64 and bool tensors are averaged
    /// too, where PyTorch refuses them).
    public func mean(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        let whole = dims == nil
        let dims = try ReductionKernels.normalize(dims, rank: ndim, op: "mean")
        let total = try rawSum(dims: dims, keepdim: keepdim)
        let n = dims.reduce(1) { $0 * shape[$1] }
        let out = try Tensor(uninitialized: total.shape, op: "mean")
        let scale = n == 0 ? Float.nan : 1 / Float(n)
        for i in 0..<out.count { out.data[i] = total.data[i] * scale }
        return Tensor.needsGraph(self) ? Tensor.attach(out, .mean(dims: dims, keepdim: keepdim, whole: whole), self) : out
    }

    /// The mean over one dimension.
    public func mean(dim: Int, keepdim: Bool = false) throws -> Tensor { try mean(dims: [dim], keepdim: keepdim) }

    /// The variance over `dims` with Bessel's `correction` (1: unbiased, PyTorch's default).
    public func variance(dims: [Int]? = nil, correction: Int = 1, keepdim: Bool = false) throws -> Tensor {
        let normalized = try ReductionKernels.normalize(dims, rank: ndim, op: "var")
        let n = normalized.reduce(1) { $0 * shape[$1] }
        let centered = try sub(try mean(dims: normalized, keepdim: true))
        let squares = try centered.mul(centered).sum(dims: normalized, keepdim: keepdim)
        return try squares.div(Tensor.number(Float(Swift.max(n - correction, 0)))).labelled("VarBackward0", inputs: [self])
    }

    /// The standard deviation over `dims` with Bessel's `correction` (PyTorch's `std`).
    public func std(dims: [Int]? = nil, correction: Int = 1, keepdim: Bool = false) throws -> Tensor {
        try variance(dims: dims, correction: correction, keepdim: keepdim).sqrt().labelled("StdBackward0", inputs: [self])
    }

    /// The standard deviation over one dimension.
    public func std(dim: Int, correction: Int = 1, keepdim: Bool = false) throws -> Tensor {
        try std(dims: [dim], correction: correction, keepdim: keepdim)
    }

    /// The largest element, as a 0-dimensional tensor.
    public func max() throws -> Tensor { try extreme(largest: true, op: "max") }

    /// The smallest element, as a 0-dimensional tensor.
    public func min() throws -> Tensor { try extreme(largest: false, op: "min").labelled("MinBackward1", inputs: [self]) }

    /// The largest elements along `dim` and their int64 indices (PyTorch's `x.max(dim)`).
    public func max(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extreme(dim: dim, keepdim: keepdim, largest: true, op: "max")
    }

    /// The smallest elements along `dim` and their int64 indices (PyTorch's `x.min(dim)`).
    public func min(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let (values, indices) = try extreme(dim: dim, keepdim: keepdim, largest: false, op: "min")
        return (values.labelled("MinBackward0", inputs: [self]), indices)
    }

    /// The int64 indices of the largest elements along `dim`, or the flat index of the
    /// largest element when `dim` is nil.
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        guard let dim else { return try reshape([-1]).argmax(dim: 0) }
        return try GradMode.withNoGrad { try extreme(dim: dim, keepdim: keepdim, largest: true, op: "argmax").indices }
    }

    /// The int64 indices of the smallest elements along `dim` (flat when `dim` is nil).
    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        guard let dim else { return try reshape([-1]).argmin(dim: 0) }
        return try GradMode.withNoGrad { try extreme(dim: dim, keepdim: keepdim, largest: false, op: "argmin").indices }
    }

    /// The sum over sorted, normalized `dims`, not recorded.
    func rawSum(dims: [Int], keepdim: Bool) throws -> Tensor {
        let outDtype: DType = dtype == .float32 ? .float32 : .int64
        var current = self
        var runEnd = dims.count - 1
        while runEnd >= 0 {
            var runStart = runEnd
            while runStart > 0 && dims[runStart - 1] == dims[runStart] - 1 { runStart -= 1 }
            let (first, last) = (dims[runStart], dims[runEnd])
            let split = ReductionKernels.split(current.shape, first, last)
            var kept = current.shape
            kept.replaceSubrange(first...last, with: repeatElement(1, count: last - first + 1))
            let next = try Tensor(uninitialized: kept, dtype: outDtype, op: "sum")
            ReductionKernels.sum(current.data, outer: split.outer, n: split.n, inner: split.inner, into: next.data)
            current = next
            runEnd = runStart - 1
        }
        let finalShape = ReductionKernels.reducedShape(shape, dims, keepdim: keepdim)
        if current === self { return try current.copied(shape: finalShape, dtype: outDtype) }
        return Tensor(storage: current.storage, shape: finalShape, dtype: outDtype)
    }

    /// A copy of the elements with another shape of the same count and possibly dtype.
    func copied(shape: [Int], dtype: DType) throws -> Tensor {
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: "copy")
        out.data.update(from: data, count: count)
        return out
    }

    private func extreme(largest: Bool, op: String) throws -> Tensor {
        guard count > 0 else {
            throw TensorError("\(op): reduction of an empty tensor has no identity; specify a dim")
        }
        let values = try Tensor(uninitialized: [], dtype: dtype, op: op)
        let index = try Tensor(uninitialized: [], dtype: .int64, op: op)
        ReductionKernels.extreme(data, outer: 1, n: count, inner: 1, largest: largest, values: values.data, indices: index.data)
        let flat = Int(index.data[0])
        return Tensor.needsGraph(self) ? Tensor.attach(values, .selectFlat(index: flat), self) : values
    }

    private func extreme(dim: Int, keepdim: Bool, largest: Bool, op: String) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: op)
        let shape = ndim == 0 ? [1] : self.shape
        guard shape[d] > 0 else {
            throw TensorError("\(op): expected a non-empty dimension \(d) in a tensor of shape \(describeShape(self.shape))")
        }
        let split = ReductionKernels.split(shape, d, d)
        let outShape = ndim == 0 ? [] : ReductionKernels.reducedShape(shape, [d], keepdim: keepdim)
        let values = try Tensor(uninitialized: outShape, dtype: dtype, op: op)
        let indices = try Tensor(uninitialized: outShape, dtype: .int64, op: op)
        ReductionKernels.extreme(
            data, outer: split.outer, n: split.n, inner: split.inner, largest: largest,
            values: values.data, indices: indices.data)
        if Tensor.needsGraph(self) {
            _ = Tensor.attach(values, .maxAlong(dim: d, keepdim: keepdim, indices: indices.saved), self)
        }
        return (values, indices)
    }
}
