import Tensor

/// MotorNet's `MujocoHillMuscle` (motornet/muscle.py): a rigid-tendon Hill-type muscle
/// with first-order activation dynamics and MuJoCo's force–length and force–velocity curves.
///
/// Activation: ȧ = (u − a)/τ with τ = τ_act (0.5 + 1.5a) when u > a, else τ_deact/(0.5 + 1.5a),
/// u and a clipped to [min_activation, 1]. Force:
/// F = (a · f_L(l) · f_V(v) + passive_forces · f_PE(l)) · F_max, with the normalised
/// fibre length l = max(L_MT − L_tendon, 0.001)/L_opt and v = V_MT / vmax (MotorNet divides
/// the musculotendon velocity in m/s by `vmax`, not by L_opt · vmax as MuJoCo does).
public struct MujocoHillMuscle: Sendable {
    /// The lowest activation; actions and activations are clipped to [min, 1].
    public var minActivation: Float
    /// The gain of the passive force (1: on, 0: off).
    public var passiveForces: Float
    /// The activation time constant (s).
    public var tauActivation: Float
    /// The deactivation time constant (s).
    public var tauDeactivation: Float
    /// The maximal shortening velocity divisor (`vmax`).
    public var vmax: Float
    /// The force curves (lmin, lmax, fvmax, slack length).
    public var curves: MuscleCurves

    /// MotorNet's defaults: min 0, passive 1, τ_act 0.01 s, τ_deact 0.04 s, vmax 1.5.
    public init(minActivation: Float = 0, passiveForces: Float = 1, tauActivation: Float = 0.01,
                tauDeactivation: Float = 0.04, vmax: Float = 1.5, curves: MuscleCurves = MuscleCurves()) {
        self.minActivation = minActivation
        self.passiveForces = passiveForces
        self.tauActivation = tauActivation
        self.tauDeactivation = tauDeactivation
        self.vmax = vmax
        self.curves = curves
    }

    /// The state names, in MotorNet's order (the rows of `states["muscle"]`).
    public static let stateNames = [
        "activation", "muscle length", "muscle velocity", "force-length PE", "force-length CE", "force-velocity CE", "force",
    ]

    /// `clip_activation`: clamps to [min_activation, 1].
    public func clip(_ x: Tensor) throws -> Tensor {
        try x.clamp(min: minActivation, max: 1)
    }

    /// `activation_ode`: dȧ/dt for the action `u` and activation `a`, both (B, M).
    public func activationDerivative(action: Tensor, activation: Tensor) throws -> Tensor {
        let u = try clip(action), a = try clip(activation)
        let shape = try a * 1.5 + 0.5
        let rising = try shape * tauActivation
        let falling = try tauDeactivation / shape
        let tau = try Tensor.where(try u.gt(a), rising, falling)
        return try (u - a) / tau
    }

    /// `_integrate`: the muscle state after one step of `dt` from `activation` along `derivative`,
    /// with the geometry the step started from.
    public func integrate(dt: Float, derivative: Tensor, activation: Tensor, geometry: MuscleGeometry,
                          parameters: MuscleParameters) throws -> MuscleState {
        let a = try clip(activation + derivative * dt)
        let fibre = try (geometry.length - parameters.tendonLength).clamp(min: 0.001) / parameters.optimalLength
        let speed = try geometry.velocity / vmax
        let curves = self.curves
        let flpe = try MuscleCurves.apply("MuscleForceLengthPEBackward", fibre, curves.passiveLength)
        let flce = try MuscleCurves.apply("MuscleForceLengthCEBackward", fibre, curves.activeLength)
        let fvce = try MuscleCurves.apply("MuscleForceVelocityCEBackward", speed, curves.velocity)
        let active = try a * flce * fvce
        let force = try (passiveForces == 0 ? active : active + flpe * passiveForces) * parameters.maxIsometricForce
        return MuscleState(activation: a, length: try fibre * parameters.optimalLength, velocity: try speed * vmax,
                           passiveLength: flpe, activeLength: flce, activeVelocity: fvce, force: force)
    }
}

/// The per-muscle constants an effector gives its muscles (`muscle.build`), each (1, M).
public struct MuscleParameters: @unchecked Sendable {
    /// Maximal isometric force (N).
    public let maxIsometricForce: Tensor
    /// Tendon slack length (m).
    public let tendonLength: Tensor
    /// Optimal fibre length (m).
    public let optimalLength: Tensor
    /// The number of muscles.
    public var count: Int { maxIsometricForce.count }

    /// Constants from per-muscle lists of equal length.
    public init(maxIsometricForce: [Float], tendonLength: [Float], optimalLength: [Float]) throws {
        let m = maxIsometricForce.count
        guard tendonLength.count == m, optimalLength.count == m else {
            throw TensorError("muscle parameters: expected \(m) values for every parameter")
        }
        self.maxIsometricForce = try Tensor(maxIsometricForce, shape: [1, m])
        self.tendonLength = try Tensor(tendonLength, shape: [1, m])
        self.optimalLength = try Tensor(optimalLength, shape: [1, m])
    }
}
