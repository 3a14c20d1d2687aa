import Foundation
import Tensor

extension TwoDofArm {
    /// `_ode` as one recorded operation: the joint accelerations (B, 2) for joint torques
    /// τ₁, τ₂, angles q₁, q₂, velocities v₁, v₂ (each (B, 1)) and the hand load (B, 2) or (1, 2).
    ///
    /// θ̈ = M⁻¹ r with r = τ + Jᵀf − C − G. Backward, with λ = M⁻¹ g (M is symmetric):
    /// ∂/∂τ = λ, ∂/∂f = Jλ, ∂/∂v = −λᵀ ∂C/∂v, ∂/∂q = λᵀ(∂(Jᵀf)/∂q − ∂C/∂q − ∂G/∂q − (∂M/∂q) θ̈),
    /// where only M, C depend on q₂ and ∂M/∂q₂ = −m₂L₁l₂g sin q₂ [[2, 1], [1, 0]].
    public func acceleration(torque: [Tensor], position: [Tensor], velocity: [Tensor], load: Tensor) throws -> Tensor {
        let columns = torque + position + velocity
        let batch = position[0].shape[0]
        guard columns.allSatisfy({ $0.shape == [batch, 1] }), load.shape == [batch, 2] || load.shape == [1, 2] else {
            throw TensorError("TwoDofArm: expected (B, 1) joint columns and a (B, 2) load, got load \(describeShape(load.shape))")
        }
        let inputs = columns + [load]
        let values = inputs.map(\.scalars)
        let loadStride = load.shape[0] == 1 ? 0 : 2
        var out = [Float](repeating: 0, count: batch * 2)
        var saved: [Terms] = []
        saved.reserveCapacity(batch)
        for b in 0..<batch {
            let terms = self.terms(q1: values[2][b], q2: values[3][b], v1: values[4][b], v2: values[5][b],
                                   fx: values[6][b * loadStride], fy: values[6][b * loadStride + 1])
            (out[2 * b], out[2 * b + 1]) = terms.accelerate(values[0][b], values[1][b])
            saved.append(terms)
        }
        let result = try Tensor(out, shape: [batch, 2])
        guard inputs.contains(where: \.requiresGrad), GradMode.isEnabled else { return result }
        let acc = out, fxy = values[6], loadShape = load.shape
        return Tensor.custom("TwoDofArmAccelerationBackward", output: result, inputs: inputs) { g in
            let gs = g.scalars
            var grads = [[Float]](repeating: [Float](repeating: 0, count: batch), count: 6)
            var gLoad = [Float](repeating: 0, count: loadShape[0] * 2)
            for b in 0..<batch {
                let d = self.accelerationGradient(saved[b], acceleration: (acc[2 * b], acc[2 * b + 1]),
                                                  load: (fxy[b * loadStride], fxy[b * loadStride + 1]),
                                                  gradient: (gs[2 * b], gs[2 * b + 1]))
                (grads[0][b], grads[1][b], grads[2][b], grads[3][b], grads[4][b], grads[5][b]) =
                    (d.torque1, d.torque2, d.q1, d.q2, d.v1, d.v2)
                let row = loadStride == 0 ? 0 : 2 * b
                gLoad[row] += d.fx
                gLoad[row + 1] += d.fy
            }
            return try grads.map { try Tensor($0, shape: [batch, 1]) } + [try Tensor(gLoad, shape: loadShape)]
        }
    }

    /// The gradient of one arm's θ̈ with respect to its torques, angles, velocities and hand load.
    struct Gradient {
        var torque1: Float, torque2: Float, q1: Float, q2: Float, v1: Float, v2: Float, fx: Float, fy: Float
    }

    /// One arm's backward pass: `gradient` is ∂L/∂θ̈ at the accelerations `acceleration`.
    func accelerationGradient(_ t: Terms, acceleration: (Float, Float), load: (Float, Float),
                              gradient: (Float, Float)) -> Gradient {
        let (lam1, lam2) = t.solve(gradient.0, gradient.1)
        let (fx, fy) = load
        let (a1, a2) = acceleration
        // ∂r/∂q₁ and ∂r/∂q₂, then −(∂M/∂q₂)θ̈ for q₂.
        let de1q1 = (-l1 * t.c1 - l2 * t.c12) * fx + (-l1 * t.s1 - l2 * t.s12) * fy
        let de2q = -l2 * t.c12 * fx - l2 * t.s12 * fy
        let dg1q1 = -gravity * ((m1 * l1g + m2 * l1) * t.s1 + m2 * l2g * t.s12)
        let dg2q = -gravity * m2 * l2g * t.s12
        let dc1q2 = -t.k * t.c2 * (2 * t.v1 + t.v2) * t.v2, dc2q2 = t.k * t.c2 * t.v1 * t.v1
        let dm = -t.k * t.s2
        let mAcc1 = dm * (2 * a1 + a2), mAcc2 = dm * a1
        let dc1v1 = -2 * t.k * t.s2 * t.v2 + viscosity, dc1v2 = -2 * t.k * t.s2 * (t.v1 + t.v2)
        let dc2v1 = 2 * t.k * t.s2 * t.v1, dc2v2 = viscosity
        return Gradient(
            torque1: lam1, torque2: lam2,
            q1: lam1 * (de1q1 - dg1q1) + lam2 * (de2q - dg2q),
            q2: lam1 * (de2q - dc1q2 - dg2q - mAcc1) + lam2 * (de2q - dc2q2 - dg2q - mAcc2),
            v1: -(lam1 * dc1v1 + lam2 * dc2v1), v2: -(lam1 * dc1v2 + lam2 * dc2v2),
            fx: t.j11 * lam1 + t.j12 * lam2, fy: t.j21 * lam1 + t.j22 * lam2)
    }

    /// The state-dependent quantities of one arm: sines, cosines, inertia, Jacobian,
    /// Coriolis, gravity and external torques.
    struct Terms {
        let s1: Float, c1: Float, s2: Float, c2: Float, s12: Float, c12: Float, v1: Float, v2: Float, k: Float
        let m11: Float, m12: Float, m22: Float
        let j11: Float, j12: Float, j21: Float, j22: Float
        let e1: Float, e2: Float, c1Torque: Float, c2Torque: Float, g1: Float, g2: Float

        /// θ̈ = M⁻¹ (τ + Jᵀf − C − G) for joint torques τ₁, τ₂.
        func accelerate(_ torque1: Float, _ torque2: Float) -> (Float, Float) {
            solve(torque1 + e1 - c1Torque - g1, torque2 + e2 - c2Torque - g2)
        }

        /// M⁻¹ (r₁, r₂), by the explicit inverse MotorNet uses.
        func solve(_ r1: Float, _ r2: Float) -> (Float, Float) {
            let det = m11 * m22 - m12 * m12
            return ((m22 * r1 - m12 * r2) / det, (m11 * r2 - m12 * r1) / det)
        }
    }

    func terms(q1: Float, q2: Float, v1: Float, v2: Float, fx: Float, fy: Float) -> Terms {
        let (s1, c1, s2, c2) = (Foundation.sin(q1), Foundation.cos(q1), Foundation.sin(q2), Foundation.cos(q2))
        let (s12, c12) = (Foundation.sin(q1 + q2), Foundation.cos(q1 + q2))
        let k = m2 * l1 * l2g
        let m22 = m2 * l2g * l2g + i2
        let m11 = m1 * l1g * l1g + i1 + m2 * (l2g * l2g + l1 * l1) + i2 + 2 * k * c2
        let m12 = m22 + k * c2
        let j11 = -l1 * s1 - l2 * s12, j12 = -l2 * s12, j21 = l1 * c1 + l2 * c12, j22 = l2 * c12
        return Terms(
            s1: s1, c1: c1, s2: s2, c2: c2, s12: s12, c12: c12, v1: v1, v2: v2, k: k, m11: m11, m12: m12, m22: m22,
            j11: j11, j12: j12, j21: j21, j22: j22, e1: j11 * fx + j21 * fy, e2: j12 * fx + j22 * fy,
            c1Torque: -k * s2 * (2 * v1 + v2) * v2 + viscosity * v1, c2Torque: k * s2 * v1 * v1 + viscosity * v2,
            g1: gravity * ((m1 * l1g + m2 * l1) * c1 + m2 * l2g * c12), g2: gravity * m2 * l2g * c12)
    }
}
