import Tensor

/// PyTorch's dropout in training mode: each element zeroed with probability p, the others
/// scaled by 1/(1 − p), so the expected value is unchanged. The mask is drawn from the
/// given generator; gradients flow through the kept elements (times the same scale).
public enum Dropout {
    /// `x` with dropout `p` (0 ≤ p ≤ 1) applied.
    public static func apply(_ x: Tensor, p: Double, generator: Generator) throws -> Tensor {
        guard p > 0 else { return x }
        guard p < 1 else { return try x.mul(0) }
        let scale = Float(1 / (1 - p))
        let draws = try Tensor.rand(x.shape, generator: generator).scalars
        let mask = try Tensor(draws.map { Double($0) < p ? 0 : scale }, shape: x.shape)
        return try x.mul(mask)
    }
}
