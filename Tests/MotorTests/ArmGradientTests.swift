import EngineTestSupport
import Motor
import Tensor
import Testing

/// Autograd through the arm against central finite differences.
struct ArmGradientTests {
    /// The hand position after `steps` steps from rest at `joint` under constant `excitation`.
    static func hand(_ arm: RigidTendonArm26, joint: Tensor, excitation: Tensor, load: Tensor? = nil, steps: Int) throws -> Tensor {
        var state = try arm.initialState(joint: joint)
        for _ in 0..<steps { state = try arm.step(state, action: excitation, endpointLoad: load) }
        return try arm.cartesian(state).split(sizes: [2, 2], dim: 1)[0]
    }

    /// A posture and excitations that keep the joints inside their limits for 50 steps
    /// (shoulder 0.68–0.9 rad, elbow 1.02–1.4 rad in the reference transcription).
    @Test func handPositionAfterFiftyStepsMatchesFiniteDifferences() throws {
        let arm = try RigidTendonArm26()
        let excitation = try Tensor([0.2, 0.15, 0.1, 0.15, 0.05, 0.1], shape: [1, 6])
        let joint = try Tensor([0.9, 1.4], shape: [1, 2])
        try GradCheck.check([excitation, joint], eps: 2e-3, rtol: 3e-2, atol: 1e-3) {
            try Self.hand(arm, joint: joint, excitation: excitation, steps: 50)
        }
    }

    @Test func handLoadGradientMatchesFiniteDifferences() throws {
        let arm = try RigidTendonArm26()
        let excitation = try Tensor([0.2, 0.15, 0.1, 0.15, 0.05, 0.1], shape: [1, 6])
        let load = try Tensor([1.5, -2], shape: [1, 2])
        try GradCheck.check([load], eps: 5e-2, rtol: 3e-2, atol: 1e-3) {
            try Self.hand(arm, joint: try Tensor([0.9, 1.4], shape: [1, 2]), excitation: excitation, load: load, steps: 30)
        }
    }

    @Test(arguments: [Float(0.3), 0.95, 1.05, 1.2, 1.4, 1.55])
    func muscleLengthCurvesMatchFiniteDifferences(length: Float) throws {
        let x = try Tensor([length, length + 0.02], shape: [2])
        let curves = MuscleCurves()
        try GradCheck.check([x], eps: 1e-3, rtol: 2e-2, atol: 1e-3) {
            try MuscleCurves.apply("active", x, curves.activeLength) + MuscleCurves.apply("passive", x, curves.passiveLength)
        }
    }

    @Test(arguments: [Float(-1.5), -0.6, -0.1, 0.1, 0.5])
    func forceVelocityCurveMatchesFiniteDifferences(velocity: Float) throws {
        let x = try Tensor([velocity], shape: [1])
        let curves = MuscleCurves()
        try GradCheck.check([x], eps: 1e-3, rtol: 2e-2, atol: 1e-3) {
            try MuscleCurves.apply("velocity", x, curves.velocity)
        }
    }
}

/// The fused skeleton dynamics against finite differences, with every term switched on.
struct SkeletonGradientTests {
    @Test func accelerationMatchesFiniteDifferences() throws {
        var arm = TwoDofArm.arm26
        arm.gravity = 9.81
        arm.viscosity = 0.3
        let columns = try [[0.4, -0.2], [1.5, -0.7], [0.8, 0.3], [1.2, 0.9], [0.5, -1.1], [-0.3, 0.6]].map {
            try Tensor($0.map(Float.init), shape: [2, 1])
        }
        let load = try Tensor([3, -4, 1, 2], shape: [2, 2])
        try GradCheck.check(columns + [load], eps: 1e-3, rtol: 2e-2, atol: 1e-3) {
            try arm.acceleration(torque: Array(columns[0..<2]), position: Array(columns[2..<4]), velocity: Array(columns[4..<6]), load: load)
        }
        let shared = try Tensor([3, -4], shape: [1, 2])
        try GradCheck.check([shared], eps: 1e-3, rtol: 2e-2, atol: 1e-3) {
            try arm.acceleration(torque: Array(columns[0..<2]), position: Array(columns[2..<4]), velocity: Array(columns[4..<6]), load: shared)
        }
    }
}
