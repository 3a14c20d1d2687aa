import Foundation
import Tensor

/// The arithmetic of one explicit Euler step of `RigidTendonArm26` for one arm, in scalars:
/// what `RigidTendonArm26.euler` does with ~80 tensor operations, in the same order
/// (MotorNet's `_euler`): torques from the old forces and moment arms, activation dynamics,
/// skeleton accelerations, the muscle state on the old geometry, the joint update with its
/// limits, then the new geometry, hand position and proprioception. `trace` keeps every
/// intermediate value the backward pass (`ArmStepKernel+Backward.swift`) needs.
///
/// Per-muscle values are `SIMD8<Float>` lanes 0..<M (M ≤ 8); the spare lanes hold a
/// harmless muscle (no force, no moment arm, unit lengths) so that they never make NaNs.
struct ArmStepKernel {
    typealias Lanes = SIMD8<Float>
    let muscles: Int
    let skeleton: TwoDofArm
    let muscle: MujocoHillMuscle
    let dt: Float
    let a0: Lanes, a1: (Lanes, Lanes), a2: (Lanes, Lanes), a3: (Float, Float)
    let tendonLength: Lanes, optimalLength: Lanes, maxForce: Lanes
    let lower: (Float, Float), upper: (Float, Float), velocityLower: Float, velocityUpper: Float
    let damping: Float

    init(_ arm: RigidTendonArm26, dt: Float) throws {
        muscles = arm.muscleCount
        guard muscles <= 8 else { throw TensorError("RigidTendonArm26: the fused step takes at most 8 muscles") }
        func lanes(_ t: Tensor, spare: Float) -> Lanes {
            var v = Lanes(repeating: spare)
            for (i, x) in t.scalars.enumerated() { v[i] = x }
            return v
        }
        skeleton = arm.skeleton
        muscle = arm.muscle
        self.dt = dt
        a0 = lanes(arm.a0, spare: 1)
        a1 = (lanes(arm.a1[0], spare: 0), lanes(arm.a1[1], spare: 0))
        a2 = (lanes(arm.a2[0], spare: 0), lanes(arm.a2[1], spare: 0))
        a3 = (arm.a3[0], arm.a3[1])
        tendonLength = lanes(arm.parameters.tendonLength, spare: 0)
        optimalLength = lanes(arm.parameters.optimalLength, spare: 1)
        maxForce = lanes(arm.parameters.maxIsometricForce, spare: 0)
        lower = (arm.lowerBound[0], arm.lowerBound[1])
        upper = (arm.upperBound[0], arm.upperBound[1])
        (velocityLower, velocityUpper) = (arm.velocityLower, arm.velocityUpper)
        damping = arm.damping
    }

    /// Moment arms, musculotendon lengths and velocities at angles q and velocities v.
    struct Geometry {
        var moment: (Lanes, Lanes), length: Lanes, velocity: Lanes
    }

    func geometry(_ q: (Float, Float), _ v: (Float, Float)) -> Geometry {
        let p = (q.0 - a3.0, q.1 - a3.1)
        let moment = (p.0 * a2.0 * 2 + a1.0, p.1 * a2.1 * 2 + a1.1)
        let length = a0 + (a1.0 + p.0 * a2.0) * p.0 + (a1.1 + p.1 * a2.1) * p.1
        return Geometry(moment: moment, length: length, velocity: v.0 * moment.0 + v.1 * moment.1)
    }

    /// Every intermediate value of one arm's step.
    struct Trace {
        var q: (Float, Float), v: (Float, Float), activation: Lanes, force: Lanes
        var old: Geometry
        var excitation: Lanes, excitationInside: Lanes, activationInside: Lanes
        var clipped: Lanes, shape: Lanes, tau: Lanes, rising: SIMDMask<SIMD8<Int32>>, rate: Lanes
        var terms: TwoDofArm.Terms, acceleration: (Float, Float), load: (Float, Float)
        var newActivation: Lanes, newActivationInside: Lanes
        var fibre: Lanes, fibreInside: Lanes, speed: Lanes
        var passive: Lanes, passiveSlope: Lanes, active: Lanes, activeSlope: Lanes, fv: Lanes, fvSlope: Lanes
        var newForce: Lanes
        var positionInside: (Float, Float), velocityPasses: (Float, Float)
        var newQ: (Float, Float), newV: (Float, Float)
        var new: Geometry
        var hand: (x: Float, y: Float, vx: Float, vy: Float), s12: Float, c12: Float
    }

    /// 1 where `x` is within [low, high] (the gradient mask of a clamp), else 0.
    static func inside(_ x: Lanes, _ low: Float, _ high: Float) -> Lanes {
        Lanes(repeating: 0).replacing(with: 1, where: (x .>= low) .& (x .<= high))
    }

    /// The step of one arm from angles q, velocities v, activations and forces, under the
    /// raw excitation, hand load and joint torques.
    func trace(q: (Float, Float), v: (Float, Float), activation: Lanes, force: Lanes, action: Lanes,
               load: (Float, Float), jointLoad: (Float, Float)) -> Trace {
        let (low, high) = (muscle.minActivation, Float(1))
        let old = geometry(q, v)
        let torque = (-(force * old.moment.0).sum() + jointLoad.0 - v.0 * damping,
                      -(force * old.moment.1).sum() + jointLoad.1 - v.1 * damping)
        // Activation dynamics (`activation_ode`), on clipped excitation and activation.
        let excitation = action.clamped(lowerBound: Lanes(repeating: low), upperBound: Lanes(repeating: high))
        let clipped = activation.clamped(lowerBound: Lanes(repeating: low), upperBound: Lanes(repeating: high))
        let shape = clipped * 1.5 + 0.5
        let rising = excitation .> clipped
        let tau = (tau: shape * muscle.tauActivation, fall: muscle.tauDeactivation / shape)
        let chosen = tau.fall.replacing(with: tau.tau, where: rising)
        let rate = (excitation - clipped) / chosen
        // Skeleton.
        let terms = skeleton.terms(q1: q.0, q2: q.1, v1: v.0, v2: v.1, fx: load.0, fy: load.1)
        let acceleration = terms.accelerate(torque.0, torque.1)
        // Muscle state on the old geometry.
        let pre = activation + rate * dt
        let newActivation = pre.clamped(lowerBound: Lanes(repeating: low), upperBound: Lanes(repeating: high))
        let stretch = old.length - tendonLength
        let fibre = stretch.replacing(with: 0.001, where: stretch .< 0.001) / optimalLength
        let speed = old.velocity / muscle.vmax
        var curves = (Lanes(), Lanes(), Lanes(), Lanes(), Lanes(), Lanes())
        for m in 0..<8 {
            (curves.0[m], curves.1[m]) = muscle.curves.passiveLength(fibre[m])
            (curves.2[m], curves.3[m]) = muscle.curves.activeLength(fibre[m])
            (curves.4[m], curves.5[m]) = muscle.curves.velocity(speed[m])
        }
        let activeForce = newActivation * curves.2 * curves.4
        let newForce = (muscle.passiveForces == 0 ? activeForce : activeForce + curves.0 * muscle.passiveForces) * maxForce
        // Joints: Euler with MotorNet's velocity and angle limits.
        let qPre = (q.0 + v.0 * dt, q.1 + v.1 * dt)
        let vPre = (v.0 + acceleration.0 * dt, v.1 + acceleration.1 * dt)
        let joint0 = limit(qPre.0, vPre.0, lower.0, upper.0), joint1 = limit(qPre.1, vPre.1, lower.1, upper.1)
        let newQ = (joint0.q, joint1.q), newV = (joint0.v, joint1.v)
        let q12 = newQ.0 + newQ.1
        let (c1, s1, c12, s12) = (Foundation.cos(newQ.0), Foundation.sin(newQ.0), Foundation.cos(q12), Foundation.sin(q12))
        let x = c1 * skeleton.l1 + c12 * skeleton.l2, y = s1 * skeleton.l1 + s12 * skeleton.l2
        let hand = (x: x, y: y, vx: -(y * newV.0 + s12 * skeleton.l2 * newV.1), vy: x * newV.0 + c12 * skeleton.l2 * newV.1)
        return Trace(
            q: q, v: v, activation: activation, force: force, old: old, excitation: excitation,
            excitationInside: Self.inside(action, low, high), activationInside: Self.inside(activation, low, high),
            clipped: clipped, shape: shape, tau: chosen, rising: rising, rate: rate, terms: terms,
            acceleration: acceleration, load: load, newActivation: newActivation,
            newActivationInside: Self.inside(pre, low, high), fibre: fibre,
            fibreInside: Lanes(repeating: 0).replacing(with: 1, where: stretch .>= 0.001), speed: speed,
            passive: curves.0, passiveSlope: curves.1, active: curves.2, activeSlope: curves.3, fv: curves.4, fvSlope: curves.5,
            newForce: newForce, positionInside: (joint0.qInside, joint1.qInside), velocityPasses: (joint0.vPasses, joint1.vPasses),
            newQ: newQ, newV: newV, new: geometry(newQ, newV), hand: hand, s12: s12, c12: c12)
    }

    /// One joint's update: the velocity clipped to its limits and zeroed where it would push
    /// past the joint limit the new angle reached, the angle clipped; with the gradient masks.
    func limit(_ qPre: Float, _ vPre: Float, _ low: Float, _ high: Float)
        -> (q: Float, v: Float, qInside: Float, vPasses: Float) {
        var v = Swift.min(Swift.max(vPre, velocityLower), velocityUpper)
        var passes: Float = vPre >= velocityLower && vPre <= velocityUpper ? 1 : 0
        if (v < 0 && qPre <= low) || (v > 0 && qPre >= high) { (v, passes) = (0, 0) }
        return (Swift.min(Swift.max(qPre, low), high), v, qPre >= low && qPre <= high ? 1 : 0, passes)
    }

    /// Writes one arm's new packed state (`ArmStateLayout`) from its trace.
    func write(_ t: Trace, into out: UnsafeMutablePointer<Float>, layout: ArmStateLayout) {
        let m = muscles
        let length = t.fibre * optimalLength, velocity = t.speed * muscle.vmax
        let proprioception = (length / optimalLength, velocity / muscle.vmax)
        (out[0], out[1]) = (t.hand.x, t.hand.y)
        func put(_ row: Lanes, _ r: Int) {
            for i in 0..<m { out[layout.muscle + r * m + i] = row[i] }
        }
        for i in 0..<m {
            out[2 + i] = proprioception.0[i]
            out[2 + m + i] = proprioception.1[i]
        }
        // The seven muscle rows, then the four geometry rows (no array: this runs per arm).
        put(t.newActivation, 0)
        put(length, 1)
        put(velocity, 2)
        put(t.passive, 3)
        put(t.active, 4)
        put(t.fv, 5)
        put(t.newForce, 6)
        put(t.new.length, 7)
        put(t.new.velocity, 8)
        put(t.new.moment.0, 9)
        put(t.new.moment.1, 10)
        let c = layout.cartesian
        (out[c], out[c + 1], out[c + 2], out[c + 3]) = (t.hand.x, t.hand.y, t.hand.vx, t.hand.vy)
        let j = layout.joint
        (out[j], out[j + 1], out[j + 2], out[j + 3]) = (t.newQ.0, t.newQ.1, t.newV.0, t.newV.1)
    }
}
