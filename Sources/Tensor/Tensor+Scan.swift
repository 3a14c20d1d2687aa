/// Running sums and products, differences and products along a dimension.
extension Tensor {
    /// The running sum along `dim` (PyTorch's `cumsum`); int64 for int64 and bool tensors.
    /// The gradient is the running sum of the output gradient taken from the far end.
    public func cumsum(dim: Int) throws -> Tensor {
        let (out, d) = try scan(dim: dim, op: "cumsum", product: false)
        guard Tensor.needsGraph(self) else { return out }
        return recordAlongLines("CumsumBackward0", out, dim: d) { g, grad, base, step, n in
            var total: Float = 0
            for j in stride(from: n - 1, through: 0, by: -1) {
                total += g[base + j * step]
                grad[base + j * step] = total
            }
        }
    }

    /// The running product along `dim` (PyTorch's `cumprod`). The gradient is exact with
    /// zeros too: dL/dx_k = (x_0⋯x_{k−1}) · S_k with S_k = g_k + x_{k+1}·S_{k+1}.
    public func cumprod(dim: Int) throws -> Tensor {
        let (out, d) = try scan(dim: dim, op: "cumprod", product: true)
        guard Tensor.needsGraph(self) else { return out }
        let x = detach()
        return recordAlongLines("CumprodBackward0", out, dim: d) { g, grad, base, step, n in
            var s: Float = 0
            for j in stride(from: n - 1, through: 0, by: -1) {
                s = g[base + j * step] + (j + 1 < n ? x.data[base + (j + 1) * step] * s : 0)
                grad[base + j * step] = s
            }
            var prefix: Float = 1
            for j in 0..<n {
                grad[base + j * step] *= prefix
                prefix *= x.data[base + j * step]
            }
        }
    }

    /// The product of the elements over `dim` (all when nil), PyTorch's `prod`; int64 for
    /// int64 and bool tensors. The gradient at x_k is the product of the others (exact
    /// with zeros).
    public func prod(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        guard let dim else {
            let flat = try reshape([-1])
            return try flat.count == 0 ? Tensor(scalar: 1, dtype: outputDtype) : flat.prod(dim: 0).labelled("ProdBackward0", inputs: [self])
        }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "prod")
        let lines = ReductionKernels.split(ndim == 0 ? [1] : shape, d, d)
        let outShape = ndim == 0 ? [] : ReductionKernels.reducedShape(shape, [d], keepdim: keepdim)
        let out = try Tensor(uninitialized: outShape, dtype: outputDtype, op: "prod")
        var line = 0
        Tensor.forEachLine(lines) { base, step, n in
            var p: Float = 1
            for j in 0..<n { p *= data[base + j * step] }
            out.data[line] = p
            line += 1
        }
        guard Tensor.needsGraph(self) else { return out }
        let x = detach()
        let inputShape = shape
        return Tensor.custom("ProdBackward1", output: out, inputs: [self]) { g in
            let grad = try Tensor(uninitialized: inputShape, op: "prod_backward")
            var line = 0
            Tensor.forEachLine(lines) { base, step, n in
                var prefix: Float = 1
                for j in 0..<n {
                    grad.data[base + j * step] = prefix
                    prefix *= x.data[base + j * step]
                }
                var suffix = g.data[line]
                for j in stride(from: n - 1, through: 0, by: -1) {
                    grad.data[base + j * step] *= suffix
                    suffix *= x.data[base + j * step]
                }
                line += 1
            }
            return [grad]
        }
    }

    /// The `n`-th forward difference along `dim`: `x[1:] - x[:-1]`, `n` times (PyTorch's
    /// `diff`; bool tensors give `x[1:] != x[:-1]`). `prepend`/`append` are joined first.
    public func diff(n: Int = 1, dim: Int = -1, prepend: Tensor? = nil, append: Tensor? = nil) throws -> Tensor {
        guard ndim > 0 else { throw TensorError("diff: diff expects input to be at least one-dimensional") }
        guard n >= 0 else { throw TensorError("diff: order must be non-negative but got \(n)") }
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "diff")
        var x = self
        if prepend != nil || append != nil {
            x = try Tensor.cat([prepend, self, append].compactMap { $0 }, dim: d)
        }
        for _ in 0..<n {
            let length = x.shape[d]
            guard length > 0 else { break }
            let later = try x.narrow(dim: d, start: 1, length: length - 1)
            let earlier = try x.narrow(dim: d, start: 0, length: length - 1)
            x = x.dtype == .bool ? try later.ne(earlier) : try later.sub(earlier)
        }
        return x
    }

    /// The dtype of sums and products: int64 for int64 and bool tensors.
    var outputDtype: DType { dtype == .float32 ? .float32 : .int64 }

    /// The running sum or product along `dim`, not recorded; returns the normalized dim.
    private func scan(dim: Int, op: String, product: Bool) throws -> (Tensor, Int) {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: op)
        let out = try Tensor(uninitialized: shape, dtype: outputDtype, op: op)
        Tensor.forEachLine(ReductionKernels.split(ndim == 0 ? [1] : shape, d, d)) { base, step, n in
            var acc: Float = product ? 1 : 0
            for j in 0..<n {
                acc = product ? acc * data[base + j * step] : acc + data[base + j * step]
                out.data[base + j * step] = acc
            }
        }
        return (out, d)
    }

    /// Records `out` (this tensor's scan along `dim`) with a gradient computed line by line:
    /// `body(g, grad, base, step, n)` fills the input gradient's line from the output's.
    private func recordAlongLines(
        _ name: String, _ out: Tensor, dim d: Int,
        _ body: @escaping (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int, Int, Int) -> Void
    ) -> Tensor {
        Tensor.custom(name, output: out, inputs: [self]) { g in
            let grad = try Tensor(uninitialized: g.shape, op: "\(name)")
            Tensor.forEachLine(ReductionKernels.split(g.ndim == 0 ? [1] : g.shape, d, d)) { base, step, n in
                body(g.data, grad.data, base, step, n)
            }
            return [grad]
        }
    }

    /// Calls `body(base, stride, n)` for each line of a tensor split as (outer, n, inner):
    /// the line's elements are at `base + j * stride` for `j` in `0..<n`.
    static func forEachLine(_ split: (outer: Int, n: Int, inner: Int), _ body: (Int, Int, Int) -> Void) {
        for o in 0..<split.outer {
            for i in 0..<split.inner { body(o * split.n * split.inner + i, split.inner, split.n) }
        }
    }
}
