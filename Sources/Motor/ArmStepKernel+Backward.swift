import Tensor

extension ArmStepKernel {
    /// One arm's gradient with respect to the inputs of its step.
    struct Gradient {
        var q: (Float, Float) = (0, 0), v: (Float, Float) = (0, 0)
        var activation = Lanes(), force = Lanes(), action = Lanes()
        var load: (Float, Float) = (0, 0), jointLoad: (Float, Float) = (0, 0)
    }

    /// The moment arms' contribution to ∂/∂q and ∂/∂v of a geometry whose lengths,
    /// velocities and moment arms have the gradients gLength, gVelocity, gMoment.
    func geometryGradient(_ q: (Float, Float), _ v: (Float, Float), _ g: Geometry, gLength: Lanes, gVelocity: Lanes,
                          gMoment: (Lanes, Lanes)) -> (q: (Float, Float), v: (Float, Float)) {
        // L = a₀ + Σ (a₁ + a₂p)p, V = Σ v r, r = a₁ + 2a₂p: ∂L/∂q = r, ∂V/∂q = 2a₂v, ∂r/∂q = 2a₂.
        let dq0 = gLength * g.moment.0 + (gVelocity * v.0 + gMoment.0) * a2.0 * 2
        let dq1 = gLength * g.moment.1 + (gVelocity * v.1 + gMoment.1) * a2.1 * 2
        return ((dq0.sum(), dq1.sum()), ((gVelocity * g.moment.0).sum(), (gVelocity * g.moment.1).sum()))
    }

    /// The backward pass of `trace`: `g` points at the gradient of the arm's packed output row.
    func backward(_ t: Trace, _ g: UnsafePointer<Float>, layout: ArmStateLayout) -> Gradient {
        let m = muscles
        func row(_ start: Int) -> Lanes {
            var x = Lanes()
            for i in 0..<m { x[i] = g[start + i] }
            return x
        }
        let l2 = skeleton.l2
        let (c, j, r) = (layout.cartesian, layout.joint, layout.muscle)
        // The new hand position and velocity (x, y are also the first two columns).
        let gx = g[0] + g[c], gy = g[1] + g[c + 1], gvx = g[c + 2], gvy = g[c + 3]
        let (x, y, vx, vy) = t.hand
        let sumV = t.newV.0 + t.newV.1
        var gq = (g[j] + gx * -y + gy * x + gvx * -vy + gvy * vx,
                  g[j + 1] + gx * (-l2 * t.s12) + gy * (l2 * t.c12) + gvx * (-l2 * t.c12 * sumV) + gvy * (-l2 * t.s12 * sumV))
        var gv = (g[j + 2] + gvx * -y + gvy * x, g[j + 3] + gvx * (-l2 * t.s12) + gvy * (l2 * t.c12))
        // The new geometry.
        let newGeometry = geometryGradient(t.newQ, t.newV, t.new, gLength: row(r + 7 * m), gVelocity: row(r + 8 * m),
                                           gMoment: (row(r + 9 * m), row(r + 10 * m)))
        gq = (gq.0 + newGeometry.q.0, gq.1 + newGeometry.q.1)
        gv = (gv.0 + newGeometry.v.0, gv.1 + newGeometry.v.1)
        // The joint update: θ′ = clip(θ + ω dt), ω′ = limited(ω + θ̈ dt).
        let gqPre = (gq.0 * t.positionInside.0, gq.1 * t.positionInside.1)
        let gvPre = (gv.0 * t.velocityPasses.0, gv.1 * t.velocityPasses.1)
        var out = Gradient()
        out.q = gqPre
        out.v = (gvPre.0 + gqPre.0 * dt, gvPre.1 + gqPre.1 * dt)
        // The muscle rows, with the observed length / L_opt and velocity / vmax.
        let vmax = muscle.vmax
        let gLengthRow = row(r + m) + row(2) / optimalLength, gVelocityRow = row(r + 2 * m) + row(2 + m) / vmax
        let gForce = row(r + 6 * m) * maxForce
        let gActivation = row(r) + gForce * t.active * t.fv
        let gPassive = row(r + 3 * m) + gForce * muscle.passiveForces
        let gActive = row(r + 4 * m) + gForce * t.newActivation * t.fv
        let gFV = row(r + 5 * m) + gForce * t.newActivation * t.active
        let gFibre = gLengthRow * optimalLength + gPassive * t.passiveSlope + gActive * t.activeSlope
        let gSpeed = gVelocityRow * vmax + gFV * t.fvSlope
        let gOldLength = gFibre / optimalLength * t.fibreInside, gOldVelocity = gSpeed / vmax
        // Activation: a′ = clip(a + ȧ dt), ȧ = (u − â)/τ(â).
        let gPre = gActivation * t.newActivationInside
        let gRate = gPre * dt
        let gExcitation = gRate / t.tau
        let gTau = -gRate * t.rate / t.tau
        let gShape = (-gTau * muscle.tauDeactivation / (t.shape * t.shape)).replacing(
            with: gTau * muscle.tauActivation, where: t.rising)
        out.activation = gPre + (gShape * 1.5 - gExcitation) * t.activationInside
        out.action = gExcitation * t.excitationInside
        // Skeleton: θ̈ from torques τ_d = −Σ F r_d + joint load − damping ω.
        let s = skeleton.accelerationGradient(t.terms, acceleration: t.acceleration, load: t.load,
                                              gradient: (gvPre.0 * dt, gvPre.1 * dt))
        out.load = (s.fx, s.fy)
        out.jointLoad = (s.torque1, s.torque2)
        out.force = -(t.old.moment.0 * s.torque1 + t.old.moment.1 * s.torque2)
        out.q = (out.q.0 + s.q1, out.q.1 + s.q2)
        out.v = (out.v.0 + s.v1 - damping * s.torque1, out.v.1 + s.v2 - damping * s.torque2)
        // The old geometry, read by the torques and the muscle state.
        let oldGeometry = geometryGradient(t.q, t.v, t.old, gLength: gOldLength, gVelocity: gOldVelocity,
                                           gMoment: (-t.force * s.torque1, -t.force * s.torque2))
        out.q = (out.q.0 + oldGeometry.q.0, out.q.1 + oldGeometry.q.1)
        out.v = (out.v.0 + oldGeometry.v.0, out.v.1 + oldGeometry.v.1)
        return out
    }
}
