import Testing
@testable import Tensor

/// Checks autograd against central finite differences.
///
/// The function's output is projected onto fixed random weights `w`, so every output
/// element's gradient is checked: L = Σ f(x)·w, accumulated in Double. For each input
/// element, dL/dx ≈ (L(x+ε) − L(x−ε)) / 2ε, with the perturbed Float inputs run through the
/// engine under `withNoGrad`, and compared with what `backward()` put in `grad`.
enum GradCheck {
    static func check(
        _ inputs: [Tensor], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
        sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) throws -> Tensor
    ) throws {
        for x in inputs { try x.requiresGrad_() }
        let out = try f(inputs)
        let weights = try Tensor.randn(out.shape, generator: Generator(seed: 99))
        try out.mul(weights).sum().backward()
        func loss() throws -> Double {
            let y = try withNoGrad { try f(inputs) }
            return zip(y.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        for (n, x) in inputs.enumerated() {
            let analytic = try #require(x.grad, "input \(n) got no gradient", sourceLocation: sourceLocation)
            #expect(analytic.shape == x.shape, "gradient shape of input \(n)", sourceLocation: sourceLocation)
            for i in 0..<x.count {
                let original = x.withUnsafeBufferPointer { $0[i] }
                x.withUnsafeMutableBufferPointer { $0[i] = original + eps }
                let up = try loss()
                x.withUnsafeMutableBufferPointer { $0[i] = original - eps }
                let down = try loss()
                x.withUnsafeMutableBufferPointer { $0[i] = original }
                let numeric = (up - down) / (2 * Double(eps))
                let value = Double(analytic.scalars[i])
                #expect(
                    abs(numeric - value) <= atol + rtol * abs(numeric),
                    "input \(n) \(x.shape) element \(i): autograd \(value), finite differences \(numeric)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Random normal inputs of `shape` from a seeded generator.
    static func random(_ shape: [Int], seed: UInt64 = 1) throws -> Tensor {
        try Tensor.randn(shape, generator: Generator(seed: seed))
    }

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
