import Tensor

/// `torch.linalg.det` and `torch.linalg.inv` (also `torch.det`, `torch.inverse`, `x.det()`,
/// `x.inverse()`) on a float32 tensor of shape (…, n, n): each matrix of the batch is
/// factored by LAPACK's `sgetrf` in single precision, transposed (its row-major entries read
/// as column-major), as PyTorch does, and the results have PyTorch's gradients and errors.
///
/// Gradients (`LinalgDetBackward0`, `LinalgInvExBackward0`):
/// - det: ∂/∂A = g·det(A)·A⁻ᵀ, found as PyTorch finds it, by solving Aᵀ X = g·det(A)·I on
///   the LU factors. For a matrix with an exact zero pivot det is 0 and so is the gradient
///   (as in PyTorch, though the adjugate would not be 0 for rank n − 1);
/// - inv: ∂/∂A = −A⁻ᵀ·G·A⁻ᵀ, where G is the gradient of A⁻¹.
extension Tensor {
    /// The determinant of each matrix: shape (…).
    public func det() throws -> Tensor {
        let (batchShape, batchCount, n) = try squareBatch("linalg.det")
        let size = n * n
        let values = scalars
        var factorizations: [LUFactorization<Float>] = []
        factorizations.reserveCapacity(batchCount)
        var dets = [Float](repeating: 1, count: batchCount)
        for b in 0..<dets.count {
            let lu = LUFactorization(transposeOf: Array(values[(b * size)..<((b + 1) * size)]), n: n)
            dets[b] = lu.determinant
            factorizations.append(lu)
        }
        let out = try Tensor(dets, shape: batchShape)
        let matrixShape = shape
        return Tensor.custom("LinalgDetBackward0", output: out, inputs: [self]) { g in
            let upstream = g.scalars
            var gradient = [Float](repeating: 0, count: dets.count * size)
            for (b, lu) in factorizations.enumerated() {
                let d = upstream[b] * dets[b]
                var scaled = [Float](repeating: 0, count: size)
                for i in 0..<n { scaled[i * n + i] = d }
                let solved = lu.zeroPivot == 0 ? lu.solve(scaled, columns: n) : lu.pivotedRows(scaled)
                gradient.replaceSubrange((b * size)..<((b + 1) * size), with: solved)
            }
            return [try Tensor(gradient, shape: matrixShape)]
        }
    }

    /// The inverse of each matrix: the input's shape. A singular matrix (an exact zero on
    /// U's diagonal) is PyTorch's error, naming the element and, in a batch, the matrix.
    public func inverse() throws -> Tensor {
        let (_, batchCount, n) = try squareBatch("linalg.inv")
        let size = n * n
        let values = scalars
        var inverses = [Float](repeating: 0, count: values.count)
        for b in 0..<batchCount {
            let lu = LUFactorization(transposeOf: Array(values[(b * size)..<((b + 1) * size)]), n: n)
            if lu.zeroPivot > 0 {
                let which = ndim > 2 ? "(Batch element \(b)): " : ""
                throw TensorError(
                    "linalg.inv: \(which)The diagonal element \(lu.zeroPivot) is zero, the inversion could not be completed "
                        + "because the input matrix is singular.")
            }
            inverses.replaceSubrange((b * size)..<((b + 1) * size), with: lu.inverse(transposed: true))
        }
        let out = try Tensor(inverses, shape: shape)
        let saved = out.detach()
        return Tensor.custom("LinalgInvExBackward0", output: out, inputs: [self], savesOutput: true) { g in
            let inverseT = try saved.transpose(-2, -1)
            return [try inverseT.matmul(g.matmul(inverseT)).neg()]
        }
    }

    /// The batch shape and the order n of a (…, n, n) float tensor, or PyTorch's errors
    /// (in PyTorch's order: dimensions, squareness, dtype).
    private func squareBatch(_ op: String) throws -> (shape: [Int], count: Int, n: Int) {
        guard ndim >= 2 else { throw TensorError("\(op): The input tensor A must have at least 2 dimensions.") }
        let (rows, columns) = (shape[ndim - 2], shape[ndim - 1])
        guard rows == columns else {
            throw TensorError("\(op): A must be batches of square matrices, but they are \(rows) by \(columns) matrices")
        }
        guard dtype == .float32 else {
            throw TensorError("\(op): Expected a floating point or complex tensor as input. Got \(dtype == .bool ? "Bool" : "Long")")
        }
        let batch = Array(shape.dropLast(2))
        return (batch, batch.reduce(1, *), rows)
    }
}
