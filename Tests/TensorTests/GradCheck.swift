@testable import Tensor
import EngineTestSupport

/// Inputs shaped for the gradient checks of operations with kinks or ties.
extension GradCheck {
    /// Random inputs at least `margin` away from 0 (for kinks at 0, like relu and abs).
    static func awayFromZero(_ shape: [Int], seed: UInt64 = 1, margin: Float = 0.1) throws -> Tensor {
        let r = try random(shape, seed: seed)
        return try Tensor(r.scalars.map { $0 >= 0 ? $0 + margin : $0 - margin }, shape: shape)
    }

    /// Distinct inputs at least 0.1 apart in shuffled order (for max and min, whose
    /// gradient jumps where two elements tie).
    static func distinct(_ shape: [Int], seed: UInt64 = 1) throws -> Tensor {
        let n = shape.reduce(1, *)
        let order = try Tensor.randperm(n, generator: Generator(seed: seed))
        return try order.float().sub(Float(n / 2)).mul(0.1).reshape(shape)
    }

    /// Random positive inputs in `[low, low + 1)` (for log, sqrt, division).
    static func positive(_ shape: [Int], seed: UInt64 = 1, low: Float = 0.5) throws -> Tensor {
        try Tensor.rand(shape, low: low, high: low + 1, generator: Generator(seed: seed))
    }
}
