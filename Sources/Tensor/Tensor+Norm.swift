/// Vector and matrix norms (PyTorch's `norm`, `linalg.vector_norm`, `linalg.norm`) and
/// `amax`/`amin`.
///
/// Where PyTorch's gradient is defined by convention it is matched: the 2-norm's gradient
/// is x/‖x‖ and 0 at the zero vector; the ∞-norm's (and `amax`'s) is shared evenly by the
/// elements that tie for the extreme.
extension Tensor {
    /// The `p`-norm over `dims` (all when nil): (Σ|x|^p)^(1/p); `p` may be ±∞ (the largest
    /// or smallest |x|) or 0 (the number of non-zero elements).
    public func norm(p: Float = 2, dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        let x = try float()
        let dims = try ReductionKernels.normalize(dims, rank: ndim, op: "norm")
        let result: Tensor
        switch p {
        case 2: result = try x.euclideanNorm(dims: dims, keepdim: keepdim)
        case .infinity: result = try x.abs().amax(dims: dims, keepdim: keepdim)
        case -.infinity: result = try x.abs().amin(dims: dims, keepdim: keepdim)
        case 0: result = try x.ne(Tensor.number(0)).float().sum(dims: dims, keepdim: keepdim)
        case 1: result = try x.abs().sum(dims: dims, keepdim: keepdim)
        default: result = try x.abs().pow(Tensor(scalar: p)).sum(dims: dims, keepdim: keepdim).pow(Tensor(scalar: 1 / p))
        }
        // PyTorch computes every order in `linalg.vector_norm`, one node.
        return result.labelled("LinalgVectorNormBackward0", inputs: [self])
    }

    /// √(Σx²) over `dims`, with the gradient g·x/‖x‖ (0 where the norm is 0).
    private func euclideanNorm(dims: [Int], keepdim: Bool) throws -> Tensor {
        let squares = try GradMode.withNoGrad { try mul(self).sum(dims: dims, keepdim: keepdim) }
        let out = try squares.sqrt()
        guard Tensor.needsGraph(self) else { return out }
        let (x, norm, inputShape) = (detach(), out.detach(), shape)
        return Tensor.custom("LinalgVectorNormBackward0", output: out, inputs: [self]) { g in
            let safe = try Tensor.where(norm.eq(Tensor.number(0)), Tensor.number(1), norm)
            let scale = try g.div(safe).mul(norm.ne(Tensor.number(0)).float())
            let spread = try scale.unreduced(to: inputShape, dims: dims, keepdim: keepdim)
            return [try x.mul(spread)]
        }
    }

    /// The largest element over `dims` (all when nil); the gradient is shared evenly by
    /// the elements equal to it (PyTorch's `amax`).
    public func amax(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeOver(dims: dims, keepdim: keepdim, largest: true)
    }

    /// The smallest element over `dims` (all when nil), as `amax`.
    public func amin(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeOver(dims: dims, keepdim: keepdim, largest: false)
    }

    private func extremeOver(dims: [Int]?, keepdim: Bool, largest: Bool) throws -> Tensor {
        let op = largest ? "amax" : "amin"
        let dims = try ReductionKernels.normalize(dims, rank: ndim, op: op)
        for d in dims where shape[d] == 0 {
            throw TensorError("\(op): expected reduction dim \(d) to have non-zero size")
        }
        guard count > 0 || !dims.isEmpty else { throw TensorError("\(op): reduction of an empty tensor") }
        var extreme = detach()
        try GradMode.withNoGrad {
            for d in dims {
                extreme = largest ? try extreme.max(dim: d, keepdim: true).values : try extreme.min(dim: d, keepdim: true).values
            }
        }
        let out = try extreme.reshape(ReductionKernels.reducedShape(shape, dims, keepdim: keepdim))
            .copied(shape: ReductionKernels.reducedShape(shape, dims, keepdim: keepdim), dtype: dtype)
        guard Tensor.needsGraph(self) else { return out }
        let (x, kept, inputShape) = (detach(), extreme, shape)
        return Tensor.custom(largest ? "AmaxBackward0" : "AminBackward0", output: out, inputs: [self]) { g in
            let mask = try x.eq(kept).float()
            let count = try mask.sum(dims: dims, keepdim: true)
            let spread = try g.unreduced(to: inputShape, dims: dims, keepdim: keepdim)
            return [try spread.mul(mask).div(count)]
        }
    }

    /// A matrix norm over the two dimensions `dims` (PyTorch's `linalg.matrix_norm`):
    /// "fro", or `ord` 1 / −1 (largest / smallest column sum of |a|), ∞ / −∞ (row sums).
    /// The spectral and nuclear norms need a singular value decomposition and are refused.
    public func matrixNorm(ord: String, dims: (Int, Int) = (-2, -1), keepdim: Bool = false) throws -> Tensor {
        guard ndim >= 2 else {
            throw TensorError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
        }
        let rows = try Shape.normalize(dim: dims.0, rank: ndim, op: "linalg.matrix_norm")
        let cols = try Shape.normalize(dim: dims.1, rank: ndim, op: "linalg.matrix_norm")
        guard rows != cols else { throw TensorError("linalg.matrix_norm: dims must be different. Got (\(rows), \(cols))") }
        let x = try float()
        let result: Tensor
        switch ord {
        case "fro":
            result = try x.norm(p: 2, dims: [rows, cols], keepdim: true)
        case "1", "-1":
            result = try x.abs().sum(dim: rows, keepdim: true).extremeOver(dims: [cols], keepdim: true, largest: ord == "1")
        case "inf", "-inf":
            result = try x.abs().sum(dim: cols, keepdim: true).extremeOver(dims: [rows], keepdim: true, largest: ord == "inf")
        case "2", "-2", "nuc":
            throw TensorError(
                "linalg.norm: ord=\(ord == "nuc" ? "'nuc'" : ord) on a matrix needs singular values, which rnnbook does not "
                    + "compute; use ord='fro', 1, -1, inf or -inf, or the vector norm of the flattened matrix")
        default:
            throw TensorError("linalg.matrix_norm: Order \(ord) not supported.")
        }
        let shaped = keepdim ? result : try result.squeeze(Swift.max(rows, cols)).squeeze(Swift.min(rows, cols))
        // PyTorch's Frobenius norm is a vector norm over the two dimensions.
        return ord == "fro" ? shaped.labelled("LinalgVectorNormBackward0", inputs: [self]) : shaped
    }
}
