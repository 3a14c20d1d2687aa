import Foundation
import Tensor

/// MotorNet's `skeleton.TwoDofArm` (motornet/skeleton.py): a planar two-link arm, shoulder
/// angle θ₁ from the x axis and elbow angle θ₂ relative to the upper arm.
///
/// M(θ) θ̈ + C(θ, θ̇) + G(θ) = τ + Jᵀ f, with
/// M₁₁ = m₁l₁g² + I₁ + m₂(l₂g² + L₁²) + I₂ + 2m₂L₁l₂g cos θ₂, M₁₂ = m₂l₂g² + I₂ + m₂L₁l₂g cos θ₂,
/// M₂₂ = m₂l₂g² + I₂; C₁ = −m₂L₁l₂g sin θ₂ (2θ̇₁ + θ̇₂) θ̇₂ + b θ̇₁, C₂ = m₂L₁l₂g sin θ₂ θ̇₁² + b θ̇₂
/// (b: `viscosity`); J the hand's Jacobian and f the load on the hand. MotorNet's arm lies
/// in a horizontal plane (no G); `gravity` (m/s², acting along −y) is this engine's
/// addition for a vertical plane: G₁ = g((m₁l₁g + m₂L₁) cos θ₁ + m₂l₂g cos(θ₁+θ₂)),
/// G₂ = g m₂l₂g cos(θ₁+θ₂). It is 0 by default, as in MotorNet.
public struct TwoDofArm: Sendable {
    /// Masses (kg), centres of mass (m), inertias about them (kg·m²), lengths (m).
    public var m1: Float, m2: Float, l1g: Float, l2g: Float, i1: Float, i2: Float, l1: Float, l2: Float
    /// Joint viscosity (N·m·s/rad).
    public var viscosity: Float
    /// Gravity along −y (m/s²); 0 for MotorNet's horizontal arm.
    public var gravity: Float

    /// MotorNet's `TwoDofArm()` defaults.
    public init(m1: Float = 1.864572, m2: Float = 1.534315, l1g: Float = 0.180496, l2g: Float = 0.181479,
                i1: Float = 0.013193, i2: Float = 0.020062, l1: Float = 0.309, l2: Float = 0.26,
                viscosity: Float = 0, gravity: Float = 0) {
        (self.m1, self.m2, self.l1g, self.l2g, self.i1, self.i2, self.l1, self.l2) = (m1, m2, l1g, l2g, i1, i2, l1, l2)
        self.viscosity = viscosity
        self.gravity = gravity
    }

    /// The arm `RigidTendonArm26` builds when given none.
    public static let arm26 = TwoDofArm(m1: 1.82, m2: 1.43, l1g: 0.135, l2g: 0.165, i1: 0.051, i2: 0.057, l1: 0.309, l2: 0.333)

    /// MotorNet's own joint limits for this skeleton (rad): shoulder [0, 140°], elbow [0, 160°].
    public static let defaultLimits: (lower: [Float], upper: [Float]) =
        ([0, 0], [Float(140 * Double.pi / 180), Float(160 * Double.pi / 180)])

    /// `_joint2cartesian`: hand position and velocity (B, 4) = x, y, ẋ, ẏ.
    public func cartesian(position: [Tensor], velocity: [Tensor]) throws -> Tensor {
        let (q1, v1, v2) = (position[0], velocity[0], velocity[1])
        let q12 = try q1 + position[1]
        let (c1, s1, c12, s12) = (try q1.cos(), try q1.sin(), try q12.cos(), try q12.sin())
        let x = try c1 * l1 + c12 * l2, y = try s1 * l1 + s12 * l2
        let vx = try (y * v1 + s12 * l2 * v2).neg()
        let vy = try x * v1 + c12 * l2 * v2
        return try Tensor.cat([x, y, vx, vy], dim: 1)
    }

    /// The kinetic energy ½ θ̇ᵀ M θ̇ (B, 1), in J.
    public func kineticEnergy(position: [Tensor], velocity: [Tensor]) throws -> Tensor {
        let c2 = try position[1].cos()
        let k = m2 * l1 * l2g
        let c11 = m1 * l1g * l1g + i1 + m2 * (l2g * l2g + l1 * l1) + i2
        let c22 = m2 * l2g * l2g + i2
        let (v1, v2) = (velocity[0], velocity[1])
        let m11 = try c2 * (2 * k) + c11, m12 = try c2 * k + c22
        return try (m11 * v1 * v1 + m12 * v1 * v2 * 2 + v2 * v2 * c22) * 0.5
    }
}
