public import Testing
public import Tensor

/// Checks autograd against central finite differences; shared by the engine's test targets.
///
/// The function's output is projected onto fixed random weights `w`: L = Σ f(x)·w,
/// accumulated in Double. For each input element, dL/dx ≈ (L(x+ε) − L(x−ε)) / 2ε, with
/// the perturbed inputs run under `withNoGrad`, compared with the `grad` that
/// `backward()` left. Inputs that already require grad (layer parameters) are used as they
/// are; their old gradients are cleared first.
public enum GradCheck {
    public static func check(
        _ inputs: [Tensor], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
        sourceLocation: SourceLocation = #_sourceLocation, _ f: () throws -> Tensor
    ) throws {
        for x in inputs {
            if !x.requiresGrad { try x.requiresGrad_() }
            x.zeroGrad()
        }
        let out = try f()
        let weights = try Tensor.randn(out.shape, generator: Generator(seed: 99))
        try out.mul(weights).sum().backward()
        func loss() throws -> Double {
            let y = try withNoGrad { try f() }
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

    /// The same check for a function of the inputs themselves.
    public static func check(
        _ inputs: [Tensor], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
        sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) throws -> Tensor
    ) throws {
        try check(inputs, eps: eps, rtol: rtol, atol: atol, sourceLocation: sourceLocation) { try f(inputs) }
    }

    /// Random normal values of `shape` from a seeded generator.
    public static func random(_ shape: [Int], seed: UInt64 = 1, scale: Float = 1) throws -> Tensor {
        try Tensor.randn(shape, generator: Generator(seed: seed)).mul(scale)
    }

    /// Expects `a` and `b` to agree elementwise within `rtol` relative (plus a tiny
    /// absolute floor for values near zero).
    public static func expectClose(
        _ a: Tensor?, _ b: Tensor?, rtol: Float = 1e-5, atol: Float = 1e-6, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let a, let b else {
            Issue.record("\(what): a tensor is missing", sourceLocation: sourceLocation)
            return
        }
        #expect(a.shape == b.shape, "\(what): shapes \(a.shape) and \(b.shape)", sourceLocation: sourceLocation)
        let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) - rtol * max(abs($0), abs($1)) }.max() ?? 0
        #expect(worst <= atol, "\(what): largest excess error \(worst)", sourceLocation: sourceLocation)
    }
}
