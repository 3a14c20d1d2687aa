import Tensor

/// The fixed points a `FixedPointFinder` kept: x* with F(x*, u) ≈ x*, their residual q, and
/// their linear stability.
public struct FixedPoints {
    /// The states, one per row (k, N).
    public let xstar: Matrix
    /// The input each was found under, one per row (k, I).
    public let inputs: Matrix
    /// q = ½‖F(x*, u) − x*‖² of each, as measured on the last iteration.
    public let qstar: [Double]
    /// The iterations the joint optimisation ran (the same for every candidate).
    public let iterations: Int
    /// How many candidates the optimisation started from.
    public let candidateCount: Int
    /// ∂F/∂x at each point (N×N), empty unless Jacobians were computed.
    public let jacobians: [Matrix]
    /// The eigenvalues of each Jacobian as (re, im), largest magnitude first; empty unless
    /// Jacobians were computed.
    public let eigenvalues: [[(re: Double, im: Double)]]

    /// How many fixed points there are.
    public var count: Int { xstar.rows }

    /// Whether each point is stable for the discrete-time map: every eigenvalue of its
    /// Jacobian lies inside the unit circle (max |λ| < 1). Empty without Jacobians.
    public var isStable: [Bool] {
        eigenvalues.map { values in
            let largest = values.map { ($0.re * $0.re + $0.im * $0.im).squareRoot() }.max() ?? 0
            return largest < 1
        }
    }
}
