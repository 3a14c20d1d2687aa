/// PyTorch's `isclose`, elementwise and broadcast.
extension Tensor {
    /// Whether each pair of elements satisfies `|a - b| <= atol + rtol * |b|` (PyTorch's
    /// `torch.isclose`; `b` is `other`, so not symmetric), as a bool tensor of the broadcast
    /// shape. Equal values (infinities included) are close; NaN is close to NaN only with
    /// `equalNaN`. Never recorded.
    public func isClose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws -> Tensor {
        guard rtol >= 0 else { throw TensorError("isclose: rtol must be greater than or equal to zero, but got \(rtol)") }
        guard atol >= 0 else { throw TensorError("isclose: atol must be greater than or equal to zero, but got \(atol)") }
        let shape = try Shape.broadcast(self.shape, other.shape, op: "isclose", symbol: "vs")
        let (a, b) = try GradMode.withNoGrad { (try expand(shape), try other.expand(shape)) }
        let (x, y) = (a.scalars, b.scalars)
        let close = (0..<x.count).map {
            Tensor.isClose(Double(x[$0]), Double(y[$0]), rtol: rtol, atol: atol, equalNaN: equalNaN)
        }
        return try Tensor(bools: close, shape: shape)
    }

    /// The closeness of two numbers that PyTorch's `isclose`/`assert_close` and numpy's
    /// `isclose` share: `|a - b| <= atol + rtol * |b|`; equal values (infinities included)
    /// are close, an infinity is close to nothing else (the formula alone would call 1
    /// close to ∞), and NaN is close to NaN only with `equalNaN`.
    public static func isClose(_ a: Double, _ b: Double, rtol: Double, atol: Double, equalNaN: Bool) -> Bool {
        if a == b { return true }
        if a.isNaN || b.isNaN { return equalNaN && a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return false }
        return Swift.abs(a - b) <= atol + rtol * Swift.abs(b)
    }
}
