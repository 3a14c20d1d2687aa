/// Shape changes. `reshape`, `view`, `flatten`, `squeeze` and `unsqueeze` share storage;
/// `transpose`, `permute`, `T` and `expand` copy (storage is always contiguous).
extension Tensor {
    /// This tensor with another shape of the same element count; one dimension may be -1.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        let resolved = try resolve(newShape, op: "reshape")
        if resolved == shape { return self }
        let out = Tensor(storage: storage, shape: resolved, dtype: dtype)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .reshape, self) : out
    }

    /// The same as `reshape` (storage is always contiguous, so every view is possible).
    public func view(_ newShape: [Int]) throws -> Tensor { try reshape(newShape) }

    /// The dimensions `startDim...endDim` merged into one.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if ndim == 0 { return try reshape([1]) }
        let s = try Shape.normalize(dim: startDim, rank: ndim, op: "flatten")
        let e = try Shape.normalize(dim: endDim, rank: ndim, op: "flatten")
        guard s <= e else { throw TensorError("flatten: start_dim cannot come after end_dim") }
        let merged = Shape.product(Array(shape[s...e]))
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// A new dimension of size 1 inserted at `dim` (which may be `ndim`, or negative).
    public func unsqueeze(_ dim: Int) throws -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: ndim + 1, op: "unsqueeze")
        var newShape = shape
        newShape.insert(1, at: d)
        return try reshape(newShape)
    }

    /// The dimension `dim` removed if it has size 1, or every size-1 dimension when nil.
    public func squeeze(_ dim: Int? = nil) throws -> Tensor {
        guard let dim else { return try reshape(shape.filter { $0 != 1 }) }
        if ndim == 0 { return self }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "squeeze")
        guard shape[d] == 1 else { return self }
        var newShape = shape
        newShape.remove(at: d)
        return try reshape(newShape)
    }

    /// A copy with dimensions `a` and `b` swapped.
    public func transpose(_ a: Int, _ b: Int) throws -> Tensor {
        if ndim < 2 && (a == 0 || a == -1) && (b == 0 || b == -1) { return self }
        let da = try Shape.normalize(dim: a, rank: ndim, op: "transpose")
        let db = try Shape.normalize(dim: b, rank: ndim, op: "transpose")
        if da == db { return self }
        var order = Array(0..<ndim)
        order.swapAt(da, db)
        let out = try permuted(order)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .transpose(da, db), self) : out
    }

    /// The matrix transpose: the last two dimensions swapped (1-D and 0-D unchanged),
    /// PyTorch's `x.T` for matrices and `x.mT` for batches of them.
    public var T: Tensor {
        get throws { ndim < 2 ? self : try transpose(-2, -1) }
    }

    /// A copy with the dimensions reordered: dimension `i` of the result is `order[i]` of this.
    public func permute(_ order: [Int]) throws -> Tensor {
        let normalized = try order.map { try Shape.normalize(dim: $0, rank: ndim, op: "permute") }
        guard normalized.count == ndim, Set(normalized).count == ndim else {
            throw TensorError("permute: \(order) is not a permutation of the \(ndim) dimensions of \(describeShape(shape))")
        }
        var result = self
        var current = Array(0..<ndim)
        for i in 0..<ndim where current[i] != normalized[i] {
            guard let j = current.firstIndex(of: normalized[i]) else { continue }
            result = try result.transpose(i, j)
            current.swapAt(i, j)
        }
        return result
    }

    /// A copy repeated along size-1 dimensions (and new leading ones) to `newShape`;
    /// -1 keeps a dimension (PyTorch's `expand`, which copies here).
    public func expand(_ newShape: [Int]) throws -> Tensor {
        let offset = newShape.count - ndim
        guard offset >= 0 else {
            throw TensorError("expand: the shape \(describeShape(shape)) cannot be expanded to \(describeShape(newShape))")
        }
        let resolved = newShape.enumerated().map { i, d in d == -1 && i >= offset ? shape[i - offset] : d }
        let out = try materialized(to: resolved, op: "expand")
        if out === self { return self }
        return Tensor.needsGraph(self) ? Tensor.attach(out, .expand, self) : out
    }

    /// `newShape` with a -1 replaced by the size that keeps the element count.
    func resolve(_ newShape: [Int], op: String) throws -> [Int] {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        let known = newShape.filter { $0 != -1 }
        let message = "\(op): shape \(describeShape(newShape)) is invalid for input of size \(count)"
        guard unknown.count <= 1, known.allSatisfy({ $0 >= 0 }) else { throw TensorError(message) }
        let product = try Shape.count(known, op: op)
        var resolved = newShape
        if let i = unknown.first {
            guard product > 0, count % product == 0 else { throw TensorError(message) }
            resolved[i] = count / product
        } else if product != count {
            throw TensorError(message)
        }
        return resolved
    }

    /// A contiguous copy whose dimension `i` is this tensor's dimension `order[i]` (not recorded).
    func permuted(_ order: [Int]) throws -> Tensor {
        let newShape = order.map { shape[$0] }
        let out = try Tensor(uninitialized: newShape, dtype: dtype, op: "permute")
        if ndim >= 2 && order == Array(0..<(ndim - 2)) + [ndim - 1, ndim - 2] {
            Tensor.transposeMatrices(data, out.data, rows: shape[ndim - 2], cols: shape[ndim - 1],
                                     count: Shape.product(Array(shape.dropLast(2))))
            return out
        }
        let strides = Shape.strides(shape)
        let srcStrides = order.map { strides[$0] }
        let layout = BroadcastLayout(shape: newShape, strides: srcStrides)
        let (src, dst) = (data, out.data)
        let (n, s) = (layout.inner, layout.innerStrideA)
        layout.forEachRow { offset, _, outOffset in
            let from = src + offset
            let to = dst + outOffset
            for i in 0..<n { to[i] = from[i &* s] }
        }
        return out
    }

    /// Transposes `count` row-major `rows × cols` matrices in 32 × 32 tiles, so that both
    /// the reads and the writes stay within a few cache lines.
    public static func transposeMatrices(
        _ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, rows: Int, cols: Int, count: Int
    ) {
        let tile = 32
        for m in 0..<count {
            let a = src + m * rows * cols
            let b = dst + m * rows * cols
            for i0 in stride(from: 0, to: rows, by: tile) {
                let i1 = Swift.min(i0 + tile, rows)
                for j0 in stride(from: 0, to: cols, by: tile) {
                    let j1 = Swift.min(j0 + tile, cols)
                    for i in i0..<i1 {
                        let row = a + (i &* cols)
                        var target = b + (j0 &* rows &+ i)
                        for j in j0..<j1 {
                            target.pointee = row[j]
                            target += rows
                        }
                    }
                }
            }
        }
    }
}
