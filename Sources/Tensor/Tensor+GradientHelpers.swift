/// Shape helpers used by the gradient rules.
extension Tensor {
    /// This gradient summed over the dimensions that broadcasting stretched, back to `target`.
    func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = ndim - target.count
        var dims = Array(0..<Swift.max(lead, 0))
        for i in 0..<target.count where target[i] == 1 && shape[i + lead] != 1 {
            dims.append(i + lead)
        }
        return try rawSum(dims: dims, keepdim: false).reshape(target)
    }

    /// A reduction's output gradient spread back over the reduced dimensions of `shape`.
    func unreduced(to shape: [Int], dims: [Int], keepdim: Bool) throws -> Tensor {
        let kept = ReductionKernels.reducedShape(shape, dims, keepdim: true)
        return try reshape(kept).materialized(to: shape, op: "sum_backward")
    }

    /// The elements `start..<start+length` along `dim` (a copy).
    func narrow(dim: Int, start: Int, length: Int) throws -> Tensor {
        var indices = [TensorIndex](repeating: .all, count: dim)
        indices.append(.slice(start: start, stop: start + length, step: 1))
        return try index(indices)
    }

    /// A zero tensor of `shape` with `values` added at `indices` along `dim`
    /// (PyTorch's `scatter_add`; `indices` and `values` have `shape` except along `dim`).
    static func scatterAlong(dim: Int, indices: Tensor, values: Tensor, shape: [Int]) throws -> Tensor {
        let out = try Tensor.zeros(shape)
        let split = ReductionKernels.split(shape, dim, dim)
        let m = indices.shape[dim]
        for o in 0..<split.outer {
            for j in 0..<m {
                for i in 0..<split.inner {
                    let k = (o * m + j) * split.inner + i
                    let target = Int(indices.data[k])
                    out.data[(o * split.n + target) * split.inner + i] += values.data[k]
                }
            }
        }
        return out
    }
}
