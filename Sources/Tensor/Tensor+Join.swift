/// Joining tensors, choosing between them, and one-hot encoding.
extension Tensor {
    /// The tensors joined along an existing dimension `dim`; all other dimensions must agree.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("cat: expected a non-empty list of tensors") }
        guard first.ndim > 0 else { throw TensorError("cat: zero-dimensional tensor cannot be concatenated") }
        let d = try Shape.normalize(dim: dim, rank: first.ndim, op: "cat")
        var shape = first.shape
        shape[d] = 0
        var dtype = first.dtype
        for (i, t) in tensors.enumerated() {
            var expected = first.shape
            expected[d] = t.ndim == first.ndim ? t.shape[d] : -1
            guard t.shape == expected else {
                throw TensorError(
                    "cat: tensor 0 has shape \(describeShape(first.shape)) but tensor \(i) has shape "
                        + "\(describeShape(t.shape)); they must agree except in dimension \(d)")
            }
            shape[d] += t.shape[d]
            dtype = Swift.max(dtype, t.dtype)
        }
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: "cat")
        let outer = Shape.product(Array(shape[..<d]))
        let inner = Shape.product(Array(shape[(d + 1)...]))
        let rowOut = shape[d] * inner
        var column = 0
        for t in tensors {
            let width = t.shape[d] * inner
            for o in 0..<outer {
                (out.data + o * rowOut + column).update(from: t.data + o * width, count: width)
            }
            column += width
        }
        return record(out, .cat(dim: d), tensors)
    }

    /// The tensors, all of one shape, stacked along a new dimension `dim`.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("stack: expected a non-empty list of tensors") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError(
                "stack: tensor 0 has shape \(describeShape(first.shape)) but tensor \(i) has shape "
                    + "\(describeShape(t.shape)); stack expects each tensor to be equal size")
        }
        let d = try Shape.normalize(dim: dim, rank: first.ndim + 1, op: "stack")
        return try cat(tensors.map { try $0.unsqueeze(d) }, dim: d).labelled("StackBackward0", inputs: tensors)
    }

    /// `a` where `condition` is true, else `b`; all three broadcast together.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let ab = try Shape.broadcast(a.shape, b.shape, op: "where", symbol: "and")
        let shape = try Shape.broadcast(condition.shape, ab, op: "where", symbol: "and")
        let c = try condition.materialized(to: shape, op: "where")
        let x = try a.materialized(to: shape, op: "where")
        let y = try b.materialized(to: shape, op: "where")
        let out = try Tensor(uninitialized: shape, dtype: DType.promote(a.dtype, b.dtype), op: "where")
        let (pc, px, py, po) = (c.data, x.data, y.data, out.data)
        for i in 0..<out.count { po[i] = pc[i] != 0 ? px[i] : py[i] }
        return needsGraph(a, b) ? attach(out, .whereSelect(condition: c.saved), a, b) : out
    }

    /// An int64 tensor with a new last dimension of `classes`, 1 at each index and 0 elsewhere.
    public static func oneHot(_ indices: Tensor, classes: Int) throws -> Tensor {
        guard indices.dtype == .int64 else {
            throw TensorError("one_hot: expected an int64 tensor of class indices, got \(indices.dtype)")
        }
        let out = try Tensor(storage: TensorStorage(repeating: 0, count: try Shape.count(indices.shape + [classes], op: "one_hot"),
                                                    shape: indices.shape + [classes], op: "one_hot"),
                             shape: indices.shape + [classes], dtype: .int64)
        for i in 0..<indices.count {
            let c = DType.integer(indices.data[i])
            guard c >= 0, c < classes else {
                throw TensorError("one_hot: class index \(c) is out of range for \(classes) classes")
            }
            out.data[i * classes + c] = 1
        }
        return out
    }
}
