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
        let close = (0..<x.count).map { i -> Bool in
            let (u, v) = (Double(x[i]), Double(y[i]))
            if u == v { return true }
            if u.isNaN || v.isNaN { return equalNaN && u.isNaN && v.isNaN }
            if u.isInfinite || v.isInfinite { return false }
            return Swift.abs(u - v) <= atol + rtol * Swift.abs(v)
        }
        return try Tensor(bools: close, shape: shape)
    }
}
