/// Index normalization and the copy loops of an `IndexPlan`.
extension IndexPlan {
    /// Copies the picked elements of `source` into `out`, in result order.
    func gather(from source: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if run == 1 {
            for (i, o) in offsets.enumerated() { out[i] = source[o] }
        } else {
            for (i, o) in offsets.enumerated() { (out + i * run).update(from: source + o, count: run) }
        }
    }

    /// Writes (or with `accumulate`, adds) `values`, in result order, to the picked elements
    /// of `target`. Positions picked twice get the last value, or the sum.
    func scatter(from values: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, accumulate: Bool) {
        for (i, o) in offsets.enumerated() {
            let src = values + i * run
            let dst = target + o
            if accumulate {
                for j in 0..<run { dst[j] += src[j] }
            } else {
                dst.update(from: src, count: run)
            }
        }
    }

    /// `i` as a position in a dimension of `size`, counting negatives from the end.
    static func position(_ i: Int, size: Int, dim: Int) throws -> Int {
        guard i >= -size, i < size else {
            throw TensorError("index: index \(i) is out of bounds for dimension \(dim) with size \(size)")
        }
        return i < 0 ? i + size : i
    }

    /// A slice bound clamped into `0...size`, counting negatives from the end (Python's rule).
    static func clampBound(_ b: Int, size: Int) -> Int {
        b < 0 ? Swift.max(b + size, 0) : Swift.min(b, size)
    }

    /// The positions an index tensor picks in the source dimensions from `dim` on: one
    /// (dimension, positions, shape) per dimension it indexes. A bool mask over k
    /// dimensions gives k int lists of the coordinates of its true elements.
    static func advancedIndices(
        _ t: TensorIndexTensor, shape: [Int], dim: Int
    ) throws -> [(dim: Int, positions: [Int], shape: [Int])] {
        switch t.dtype {
        case .int64:
            guard dim < shape.count else {
                throw TensorError("index: too many indices for tensor of dimension \(shape.count)")
            }
            let positions = try t.values.map { try position(DType.integer($0), size: shape[dim], dim: dim) }
            return [(dim, positions, t.shape)]
        case .bool:
            let k = t.shape.count
            let covered = Array(shape[dim..<(dim + k)])
            guard covered == t.shape else {
                throw TensorError(
                    "index: the shape of the mask \(describeShape(t.shape)) at index \(dim) does not match "
                        + "the shape of the indexed tensor \(describeShape(shape)) at index \(dim)")
            }
            let maskStrides = Shape.strides(t.shape)
            var coordinates = [[Int]](repeating: [], count: k)
            for (flat, v) in t.values.enumerated() where v != 0 {
                for d in 0..<k { coordinates[d].append(flat / maskStrides[d] % t.shape[d]) }
            }
            let n = coordinates.first?.count ?? (t.values.first.map { $0 != 0 ? 1 : 0 } ?? 0)
            if k == 0 { return [] }
            return (0..<k).map { (dim + $0, coordinates[$0], [n]) }
        case .float32:
            throw TensorError("index: tensors used as indices must be long or bool tensors, got float")
        }
    }
}
