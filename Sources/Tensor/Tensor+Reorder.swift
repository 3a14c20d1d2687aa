/// Reordering and picking elements: `flip`, `roll`, `gather`, `chunk`, `split`. Results
/// are copies (PyTorch gives views for `chunk` and `split`); gradients flow through all.
extension Tensor {
    /// The elements in reverse order along each of `dims` (PyTorch's `flip`).
    public func flip(_ dims: [Int]) throws -> Tensor {
        let normalized = try ReductionKernels.normalize(dims, rank: ndim, op: "flip")
        var result = self
        for d in normalized where ndim > 0 {
            let n = shape[d]
            result = try result.along(d, positions: (0..<n).map { n - 1 - $0 })
        }
        return (result === self ? try clone() : result).labelled("FlipBackward0", inputs: [self])
    }

    /// The elements shifted by `shifts[i]` along `dims[i]`, wrapping around; with no
    /// `dims`, the flattened tensor is shifted and the shape restored (PyTorch's `roll`).
    public func roll(_ shifts: [Int], dims: [Int] = []) throws -> Tensor {
        if dims.isEmpty {
            guard shifts.count == 1 else {
                throw TensorError("roll: shifts and dimensions must align. shifts: \(shifts.count), dims: 0")
            }
            return try reshape([-1]).roll(shifts, dims: [0]).reshape(shape).labelled("RollBackward0", inputs: [self])
        }
        guard shifts.count == dims.count else {
            throw TensorError("roll: shifts and dimensions must align. shifts: \(shifts.count), dims: \(dims.count)")
        }
        var result = self
        for (shift, dim) in zip(shifts, dims) {
            let d = try Shape.normalize(dim: dim, rank: ndim, op: "roll")
            let n = ndim == 0 ? 1 : shape[d]
            guard n > 0, ndim > 0 else { continue }
            let s = ((shift % n) + n) % n
            result = try result.along(d, positions: (0..<n).map { ($0 - s + n) % n })
        }
        return (result === self ? try clone() : result).labelled("RollBackward0", inputs: [self])
    }

    /// The elements at `positions` along dimension `d` (recorded as indexing).
    func along(_ d: Int, positions: [Int]) throws -> Tensor {
        let index = try Tensor(ints: positions)
        return try self.index(Array(repeating: TensorIndex.all, count: d) + [.tensor(index)])
    }

    /// `out[i][j][k] = self[index[i][j][k]][j][k]` for `dim` 0, and so on (PyTorch's
    /// `gather`): `index` is int64 with this tensor's rank, and no larger than it in the
    /// other dimensions. The gradient is added back at the gathered positions.
    public func gather(dim: Int, index: Tensor) throws -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "gather")
        guard index.dtype == .int64 else { throw TensorError("gather: expected an int64 index tensor, got \(index.dtype)") }
        let rank = Swift.max(ndim, 1)
        let source = ndim == 0 ? [1] : shape
        let indexShape = index.ndim == 0 ? [1] : index.shape
        guard indexShape.count == rank else {
            throw TensorError("gather: index tensor must have the same number of dimensions as input tensor")
        }
        for k in 0..<rank where k != d && indexShape[k] > source[k] {
            throw TensorError(
                "gather: size does not match at dimension \(k): index \(describeShape(index.shape)) "
                    + "and input \(describeShape(shape)) (expected index.size(\(k)) <= input.size(\(k)))")
        }
        let offsets = try gatherOffsets(dim: d, index: index, source: source, indexShape: indexShape)
        let out = try Tensor(uninitialized: index.shape, dtype: dtype, op: "gather")
        for (i, offset) in offsets.enumerated() { out.data[i] = data[offset] }
        guard Tensor.needsGraph(self) else { return out }
        let inputShape = shape
        return Tensor.custom("GatherBackward0", output: out, inputs: [self]) { g in
            let grad = try Tensor.zeros(inputShape)
            for (i, offset) in offsets.enumerated() { grad.data[offset] += g.data[i] }
            return [grad]
        }
    }

    /// The flat offsets into this tensor that `gather` reads, checking every index.
    private func gatherOffsets(dim d: Int, index: Tensor, source: [Int], indexShape: [Int]) throws -> [Int] {
        let strides = Shape.strides(source)
        var offsets = [Int](repeating: 0, count: index.count)
        var coordinate = [Int](repeating: 0, count: indexShape.count)
        for i in 0..<index.count {
            let position = DType.integer(index.data[i])
            guard position >= 0, position < source[d] else {
                throw TensorError("gather: index \(position) is out of bounds for dimension \(d) with size \(source[d])")
            }
            var offset = 0
            for k in 0..<indexShape.count {
                offset += (k == d ? position : coordinate[k]) * strides[k]
            }
            offsets[i] = offset
            var k = indexShape.count - 1
            while k >= 0 {
                coordinate[k] += 1
                if coordinate[k] < indexShape[k] { break }
                coordinate[k] = 0
                k -= 1
            }
        }
        return offsets
    }

    /// The tensor cut along `dim` into pieces of `sizes` (which must add up to its extent).
    public func split(sizes: [Int], dim: Int = 0) throws -> [Tensor] {
        guard ndim > 0 else { throw TensorError("split: a 0-dimensional tensor cannot be split") }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "split")
        // Each size is checked first, so their sum cannot overflow.
        guard sizes.allSatisfy({ $0 >= 0 && $0 <= shape[d] }), sizes.reduce(0, +) == shape[d] else {
            throw TensorError(
                "split_with_sizes expects split_sizes to sum exactly to \(shape[d]) (input tensor's size at "
                    + "dimension \(d)), but got split_sizes=\(sizes)")
        }
        var start = 0
        return try sizes.map { size in
            defer { start += size }
            return try narrow(dim: d, start: start, length: size).labelled("SplitWithSizesBackward0", inputs: [self])
        }
    }

    /// The tensor cut along `dim` into pieces of `size` elements, the last one smaller
    /// when the extent is not a multiple (PyTorch's `split` with an int).
    public func split(size: Int, dim: Int = 0) throws -> [Tensor] {
        guard ndim > 0 else { throw TensorError("split: a 0-dimensional tensor cannot be split") }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "split")
        let n = shape[d]
        guard size > 0 || (size == 0 && n == 0) else {
            throw TensorError("split: split_size can only be 0 if dimension size is 0, but got dimension size of \(n)")
        }
        if n == 0 { return [self] }
        let pieces = n / size + (n % size == 0 ? 0 : 1)
        return try split(sizes: (0..<pieces).map { Swift.min(size, n - $0 * size) }, dim: d).map {
            $0.labelled("SplitBackward0", inputs: [self])
        }
    }

    /// The tensor cut along `dim` into at most `chunks` pieces of ⌈n / chunks⌉ elements
    /// (PyTorch's `chunk`: fewer pieces when the extent runs out).
    public func chunk(_ chunks: Int, dim: Int = 0) throws -> [Tensor] {
        guard chunks > 0 else { throw TensorError("chunk: chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        guard ndim > 0 else { throw TensorError("chunk: a 0-dimensional tensor cannot be chunked") }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "chunk")
        let n = shape[d]
        return try split(size: n / chunks + (n % chunks == 0 ? 0 : 1), dim: d)
    }
}
