import Tensor

/// The normalised force curves of MotorNet's `MujocoHillMuscle` (motornet/muscle.py,
/// `MujocoHillMuscle._integrate` and `_bump`), after MuJoCo's muscle model: active
/// force–length (two quadratic-spline bumps), passive force–length (cubic then linear) and
/// force–velocity (quadratic, saturating at `fvmax`).
///
/// Each curve is a piecewise function of one variable; `apply` evaluates it on every
/// element and records its derivative for autograd, so the muscle costs one recorded
/// operation per curve instead of a chain of `where`s. At a breakpoint the derivative is
/// the one of the piece the forward pass took (the curves are C¹ there except at the
/// `fvmax` saturation and the ends of the bumps).
public struct MuscleCurves: Sendable {
    /// Lower end of the active force–length range (normalised length).
    public let lmin: Float
    /// Upper end of the active force–length range.
    public let lmax: Float
    /// Force at maximal lengthening velocity, relative to isometric force.
    public let fvmax: Float
    /// Normalised slack length of the passive element (`normalized_slack_muscle_length`).
    public let slackLength: Float

    /// The curves for the given MuJoCo parameters (MotorNet's defaults 0.5, 1.6, 1.2, 1.3).
    public init(lmin: Float = 0.5, lmax: Float = 1.6, fvmax: Float = 1.2, slackLength: Float = 1.3) {
        self.lmin = lmin
        self.lmax = lmax
        self.fvmax = fvmax
        self.slackLength = slackLength
    }

    /// MuJoCo's skewed bump: 0 outside (lmin, top), 1 at `mid`, quadratic splines between.
    /// Returns the value and its derivative.
    func bump(_ length: Float, mid: Float, top: Float) -> (Float, Float) {
        let left = 0.5 * (lmin + mid), right = 0.5 * (mid + top)
        if length <= lmin || length >= top { return (0, 0) }
        if length < left {
            let x = (length - lmin) / (left - lmin)
            return (0.5 * x * x, x / (left - lmin))
        }
        if length < mid {
            let x = (mid - length) / (mid - left)
            return (1 - 0.5 * x * x, x / (mid - left))
        }
        if length < right {
            let x = (length - mid) / (right - mid)
            return (1 - 0.5 * x * x, -x / (right - mid))
        }
        let x = (top - length) / (top - right)
        return (0.5 * x * x, -x / (top - right))
    }

    /// Active force–length: `bump(L, 1, lmax) + 0.15 bump(L, (lmin + 0.95)/2, 0.95)`.
    public func activeLength(_ length: Float) -> (Float, Float) {
        let (a, da) = bump(length, mid: 1, top: lmax)
        let (b, db) = bump(length, mid: 0.5 * (lmin + 0.95), top: 0.95)
        return (a + 0.15 * b, da + 0.15 * db)
    }

    /// Passive force–length: 0 up to L = 1, `p2 x³` up to b = (1 + lmax)/2, then
    /// `p2 (1 + 3x)`, with p1 = b − 1, p2 = slack/4 and x measured from 1 (then b) over p1.
    public func passiveLength(_ length: Float) -> (Float, Float) {
        let b = 0.5 * (1 + lmax), p1 = b - 1, p2 = 0.25 * slackLength
        if length <= 1 { return (0, 0) }
        if length <= b {
            let x = (length - 1) / p1
            return (p2 * x * x * x, 3 * p2 * x * x / p1)
        }
        let x = (length - b) / p1
        return (p2 * (1 + 3 * x), 3 * p2 / p1)
    }

    /// Force–velocity of the normalised velocity V (positive when lengthening): 0 below
    /// −1, (V + 1)² up to 0, `fvmax − (c − V)²/c` up to c = fvmax − 1, then `fvmax`.
    public func velocity(_ v: Float) -> (Float, Float) {
        let c = fvmax - 1
        if v <= -1 { return (0, 0) }
        if v <= 0 { return ((v + 1) * (v + 1), 2 * (v + 1)) }
        if v <= c { return (fvmax - (c - v) * (c - v) / c, 2 * (c - v) / c) }
        return (fvmax, 0)
    }

    /// `curve` applied to each element of `x`, recorded for autograd with its derivative.
    public static func apply(_ name: String, _ x: Tensor, _ curve: (Float) -> (Float, Float)) throws -> Tensor {
        var values = [Float](repeating: 0, count: x.count)
        var slopes = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xs in
            for i in 0..<xs.count { (values[i], slopes[i]) = curve(xs[i]) }
        }
        let out = try Tensor(values, shape: x.shape)
        guard x.requiresGrad, GradMode.isEnabled else { return out }
        let derivative = try Tensor(slopes, shape: x.shape)
        return Tensor.custom(name, output: out, inputs: [x]) { g in [try g.mul(derivative)] }
    }
}
