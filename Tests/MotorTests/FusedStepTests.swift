import EngineTestSupport
import Motor
import Tensor
import Testing

/// The fused arm step (`RigidTendonArm26.step`, one recorded operation) against the same
/// step as separate tensor operations (`fused: false`) and against finite differences.
struct FusedStepTests {
    /// Three arms: one mid-range, one pressed against the shoulder's lower limit with a
    /// velocity pushing past it, one near the elbow's upper limit; excitations in and out of [0, 1].
    static func start() throws -> Tensor {
        try Tensor([0.9, 1.4, 0.5, -0.8, 0.001, 1.0, -2.0, 0.3, 1.2, 2.69, 0.2, 1.5], shape: [3, 4])
    }

    static func action() throws -> Tensor {
        try Tensor([0.2, 0.15, 0.1, 0.15, 0.05, 0.1, 1.3, -0.2, 0.6, 0.0, 0.9, 0.4, 0.05, 0.7, 0.3, 0.2, 0.5, 0.8], shape: [3, 6])
    }

    /// The packed states after `steps` steps, fused or not.
    static func run(_ arm: RigidTendonArm26, _ joint: Tensor, _ action: Tensor, load: Tensor?, jointLoad: Tensor?,
                    steps: Int, fused: Bool) throws -> Tensor {
        var state = try arm.initialState(joint: joint)
        var states: [Tensor] = []
        for _ in 0..<steps {
            state = try arm.step(state, action: action, endpointLoad: load, jointLoad: jointLoad, fused: fused)
            states.append(state.packed)
        }
        return try Tensor.stack(states, dim: 1)
    }

    @Test(arguments: [false, true])
    func fusedStepsEqualTheSeparateOperations(gravityAndDamping: Bool) throws {
        var skeleton = TwoDofArm.arm26
        if gravityAndDamping { (skeleton.gravity, skeleton.viscosity) = (9.81, 0.2) }
        let arm = try RigidTendonArm26(muscle: MujocoHillMuscle(minActivation: gravityAndDamping ? 0.01 : 0), skeleton: skeleton,
                                       ministeps: gravityAndDamping ? 2 : 1, damping: gravityAndDamping ? 0.1 : 0)
        let load = try Tensor([1.5, -2, 0, 0, -4, 3], shape: [3, 2])
        let jointLoad = gravityAndDamping ? try Tensor([0.3, -0.2], shape: [1, 2]) : nil
        let fused = try Self.run(arm, try Self.start(), try Self.action(), load: load, jointLoad: jointLoad, steps: 30, fused: true)
        let separate = try Self.run(arm, try Self.start(), try Self.action(), load: load, jointLoad: jointLoad, steps: 30, fused: false)
        #expect(fused.shape == separate.shape)
        var worst: Float = 0
        for (a, b) in zip(fused.scalars, separate.scalars) { worst = max(worst, abs(a - b) / (1 + abs(b))) }
        #expect(worst < 2e-4, "largest relative difference \(worst)")
    }

    @Test func fusedGradientsEqualTheSeparateOperations() throws {
        let arm = try RigidTendonArm26()
        let weights = try Tensor.randn([3, 20, 88], generator: Generator(seed: 3))
        var grads: [[Float]] = []
        for fused in [true, false] {
            let joint = try Self.start().requiresGrad_(), action = try Self.action().requiresGrad_()
            let load = try Tensor([1.5, -2], shape: [1, 2]).requiresGrad_()
            let states = try Self.run(arm, joint, action, load: load, jointLoad: nil, steps: 20, fused: fused)
            try (states * weights).sum().backward()
            grads.append(try [joint, action, load].flatMap { try #require($0.grad).scalars })
        }
        for (a, b) in zip(grads[0], grads[1]) {
            #expect(abs(a - b) <= 2e-3 * (1 + abs(b)), "fused \(a), separate \(b)")
        }
    }

    /// Every output column of one fused step against finite differences, with every input
    /// (state columns, excitation, hand load, joint torques) perturbed; float32 limits the
    /// step size, so the arms stay away from the kinks of the curves and limits (activations
    /// are neither clipped nor equal to their excitations, where τ switches).
    @Test func oneFusedStepMatchesFiniteDifferences() throws {
        var skeleton = TwoDofArm.arm26
        (skeleton.gravity, skeleton.viscosity) = (9.81, 0.2)
        let arm = try RigidTendonArm26(skeleton: skeleton, damping: 0.1)
        let state = try arm.step(try arm.initialState(joint: try Tensor([0.9, 1.4, 0.5, -0.8, 0.7, 1.0, -0.3, 0.4], shape: [2, 4])),
                                 action: try Tensor([0.13, 0.07, 0.21, 0.04, 0.11, 0.17, 0.09, 0.22, 0.06, 0.14, 0.18, 0.03], shape: [2, 6]))
        let packed = try state.packed.detach()
        let action = try Tensor([0.45, 0.05, 0.3, 0.2, 0.1, 0.5, 0.6, 0.2, 0.1, 0.4, 0.3, 0.2], shape: [2, 6])
        let load = try Tensor([1.5, -2, 3, 1], shape: [2, 2]), jointLoad = try Tensor([0.3, -0.2], shape: [1, 2])
        try GradCheck.check([packed, action, load, jointLoad], eps: 1e-3, rtol: 3e-2, atol: 2e-3) {
            try arm.step(try ArmState(packed: packed, layout: state.layout), action: action, endpointLoad: load,
                         jointLoad: jointLoad).packed
        }
    }

    @Test func handPositionAfterFiftyFusedStepsMatchesFiniteDifferences() throws {
        let arm = try RigidTendonArm26()
        let excitation = try Tensor([0.2, 0.15, 0.1, 0.15, 0.05, 0.1], shape: [1, 6])
        let joint = try Tensor([0.9, 1.4], shape: [1, 2])
        try GradCheck.check([excitation, joint], eps: 2e-3, rtol: 3e-2, atol: 1e-3) {
            var state = try arm.initialState(joint: joint)
            for _ in 0..<50 { state = try arm.step(state, action: excitation) }
            return try state.fingertip()
        }
    }
}
