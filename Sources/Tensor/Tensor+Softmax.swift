import Foundation

/// Softmax and log-softmax along a dimension, computed stably (the maximum subtracted).
extension Tensor {
    /// `exp(x) / sum(exp(x))` along `dim`.
    public func softmax(dim: Int) throws -> Tensor {
        let (out, d) = try softmaxKernel(dim: dim, log: false, op: "softmax")
        return Tensor.needsGraph(self) ? Tensor.attach(out, .softmax(dim: d, output: out.saved), self) : out
    }

    /// `x - log(sum(exp(x)))` along `dim`.
    public func logSoftmax(dim: Int) throws -> Tensor {
        let (out, d) = try softmaxKernel(dim: dim, log: true, op: "log_softmax")
        return Tensor.needsGraph(self) ? Tensor.attach(out, .logSoftmax(dim: d, output: out.saved), self) : out
    }

    /// `log(sum(exp(x)))` along `dim`, computed stably (recorded through its parts).
    public func logSumExp(dim: Int, keepdim: Bool = false) throws -> Tensor {
        let peak = try GradMode.withNoGrad { try max(dim: dim, keepdim: true).values }
        let result = try sub(peak).exp().sum(dim: dim, keepdim: true).log().add(peak)
        return keepdim ? result : try result.squeeze(dim)
    }

    /// Softmax (or log-softmax) of one contiguous row of `n` elements.
    @inline(__always)
    private static func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int, log: Bool) {
        var peak = Loops.max(x, n)
        if peak == -.infinity { peak = 0 }
        for j in 0..<n { y[j] = FastMath.exp(x[j] - peak) }
        let total = Loops.sum(y, n)
        if log {
            let shift = peak + Foundation.log(total)
            for j in 0..<n { y[j] = x[j] - shift }
        } else {
            let scale = 1 / total
            for j in 0..<n { y[j] *= scale }
        }
    }

    private func softmaxKernel(dim: Int, log: Bool, op: String) throws -> (Tensor, Int) {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: op)
        let out = try Tensor(uninitialized: shape, op: op)
        let split = ndim == 0 ? (outer: 1, n: 1, inner: 1) : ReductionKernels.split(shape, d, d)
        let (x, y) = (data, out.data)
        let (n, inner) = (split.n, split.inner)
        if inner == 1 {
            for o in 0..<split.outer {
                Tensor.softmaxRow(x + o * n, y + o * n, n, log: log)
            }
            return (out, d)
        }
        for o in 0..<split.outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                var peak = -Float.infinity
                for j in 0..<n { peak = Swift.max(peak, x[base + j * inner]) }
                if peak == -.infinity { peak = 0 }
                var total: Float = 0
                for j in 0..<n {
                    let e = FastMath.exp(x[base + j * inner] - peak)
                    y[base + j * inner] = e
                    total += e
                }
                if log {
                    let shift = peak + Foundation.log(total)
                    for j in 0..<n { y[base + j * inner] = x[base + j * inner] - shift }
                } else {
                    let scale = 1 / total
                    for j in 0..<n { y[base + j * inner] *= scale }
                }
            }
        }
        return (out, d)
    }
}

/// `x.softmax(dim:)`.
public func softmax(_ x: Tensor, dim: Int) throws -> Tensor { try x.softmax(dim: dim) }

/// `x.logSoftmax(dim:)`.
public func logSoftmax(_ x: Tensor, dim: Int) throws -> Tensor { try x.logSoftmax(dim: dim) }

/// `x.relu()`.
public func relu(_ x: Tensor) throws -> Tensor { try x.relu() }

/// `x.sigmoid()`.
public func sigmoid(_ x: Tensor) throws -> Tensor { try x.sigmoid() }
