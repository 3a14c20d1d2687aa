import Tensor

/// Elementwise loops over contiguous Float runs, kept simple (one array written, no
/// branches but selects) so that the compiler vectorizes them, FastMath included.
/// The fused kernels split each time step's work into such loops rather than one loop
/// doing everything, which the compiler would leave scalar.
enum VectorLoops {
    /// p[i] = σ(p[i]).
    @inline(__always)
    static func sigmoid(_ p: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { p[i] = FastMath.sigmoid(p[i]) }
    }

    /// p[i] = tanh(p[i]).
    @inline(__always)
    static func tanh(_ p: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { p[i] = FastMath.tanh(p[i]) }
    }

    /// p[i] = max(p[i], 0).
    @inline(__always)
    static func relu(_ p: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { p[i] = p[i] > 0 ? p[i] : 0 }
    }

    /// p[i] = f(p[i]) for an Elman activation.
    @inline(__always)
    static func apply(_ f: Activation, _ p: UnsafeMutablePointer<Float>, _ n: Int) {
        switch f {
        case .tanh: tanh(p, n)
        case .relu: relu(p, n)
        }
    }

    /// out[i] = a[i] + b[i].
    @inline(__always)
    static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { out[i] = a[i] + b[i] }
    }

    /// out[i] += s·a[i].
    @inline(__always)
    static func addScaled(_ s: Float, _ a: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { out[i] += s * a[i] }
    }

    /// out[i] = keep·a[i] + mix·b[i].
    @inline(__always)
    static func blend(
        _ keep: Float, _ a: UnsafePointer<Float>, _ mix: Float, _ b: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        for i in 0..<n { out[i] = keep * a[i] + mix * b[i] }
    }
}
