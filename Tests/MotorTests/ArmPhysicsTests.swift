import EngineTestSupport
import Motor
import Tensor
import Testing

/// The arm against MotorNet's equations: rest, muscle directions, reference values.
/// Reference numbers come from scripts/motornet_reference.py, a float64 numpy transcription
/// of MotorNet's RigidTendonArm26 / MujocoHillMuscle / TwoDofArm (OlivierCodol/MotorNet
/// 4c8e6a0: effector.py, muscle.py, skeleton.py), printed by running it.
struct ArmPhysicsTests {
    static func joint(_ values: [Float]) throws -> Tensor { try Tensor(values, shape: [1, values.count]) }

    static func expectClose(_ actual: Tensor, _ expected: [Double], rtol: Double = 1e-4, atol: Double = 1e-5,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual.scalars, expected) {
            #expect(abs(Double(a) - e) <= atol + rtol * abs(e), "got \(actual.scalars), expected \(expected)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func zeroExcitationWithoutPassiveForceOrGravityStaysStill() throws {
        let arm = try RigidTendonArm26(muscle: MujocoHillMuscle(passiveForces: 0))
        var state = try arm.initialState(joint: try Tensor([0.7, 1.1, 0, 0, 0.8, 1.9, 0, 0], shape: [2, 4]))
        let action = try Tensor.zeros([2, 6])
        for _ in 0..<100 { state = try arm.step(state, action: action) }
        Self.expectClose(try state.joint(), [0.7, 1.1, 0, 0, 0.8, 1.9, 0, 0], atol: 1e-6)
        #expect(try state.muscle.force.abs().max().item() == 0)
    }

    @Test func gravityPullsTheArmDown() throws {
        var skeleton = TwoDofArm.arm26
        skeleton.gravity = 9.81
        let arm = try RigidTendonArm26(muscle: MujocoHillMuscle(passiveForces: 0), skeleton: skeleton)
        var state = try arm.initialState(joint: try Self.joint([0.8, 0.5]))
        for _ in 0..<5 { state = try arm.step(state, action: try Tensor.zeros([1, 6])) }
        #expect(try state.velocity[0].item() < 0)
    }

    /// Each muscle alone: the torque it makes about each joint has the sign of −moment arm
    /// (torque = −F·r), a mono-articular muscle turns the joint it spans that way, and every
    /// muscle shortens (Σ_d Δθ_d · r_d < 0: it does positive work on the arm).
    @Test(arguments: 0..<6)
    func singleMuscleMovesJointsAlongItsMomentArm(muscle index: Int) throws {
        let arm = try RigidTendonArm26(muscle: MujocoHillMuscle(passiveForces: 0))
        var state = try arm.initialState(joint: try Self.joint([0.8, 1.2]))
        let moments = try arm.geometry(position: try state.position, velocity: try state.velocity).moments.map { $0.scalars[index] }
        var excitation = [Float](repeating: 0, count: 6)
        excitation[index] = 1
        for _ in 0..<5 { state = try arm.step(state, action: try Tensor(excitation, shape: [1, 6])) }
        let force = try state.muscle.force.scalars
        #expect(force[index] > 0 && force.enumerated().allSatisfy { $0.offset == index || $0.element == 0 })
        let moved = try [state.position[0].item() - 0.8, state.position[1].item() - 1.2]
        for d in 0..<2 where moments[d] != 0 {
            let torque = -force[index] * (try state.geometry.moments[d]).scalars[index]
            #expect(torque * -moments[d] > 0, "muscle \(index) joint \(d): torque \(torque), moment arm \(moments[d])")
        }
        if moments.filter({ $0 != 0 }).count == 1, let d = moments.firstIndex(where: { $0 != 0 }) {
            #expect(moved[d] * -moments[d] > 0, "muscle \(index) joint \(d): moved \(moved[d]), moment arm \(moments[d])")
        }
        #expect(moved[0] * moments[0] + moved[1] * moments[1] < 0, "muscle \(index) should shorten")
    }

    @Test func geometryMatchesMotorNet() throws {
        let arm = try RigidTendonArm26()
        let g = try arm.geometry(position: [try Self.joint([0.8]), try Self.joint([1.2])],
                                 velocity: [try Self.joint([0.5]), try Self.joint([-0.3])])
        Self.expectClose(g.length, [0.1741239, 0.2090761, 0.26334, 0.262332, 0.3286159, 0.3071681])
        Self.expectClose(g.velocity, [-0.015, 0.015, 0.00708, -0.005916, -0.006096, 0.008304], atol: 1e-7)
        Self.expectClose(g.moments[0], [-0.03, 0.03, 0, 0, -0.03, 0.03], atol: 1e-7)
        Self.expectClose(g.moments[1], [0, 0, -0.0236, 0.01972, -0.02968, 0.02232], atol: 1e-7)
    }

    @Test func muscleForcesMatchMotorNet() throws {
        let arm = try RigidTendonArm26()
        let g = try arm.geometry(position: [try Self.joint([0.8]), try Self.joint([1.2])],
                                 velocity: [try Self.joint([0.5]), try Self.joint([-0.3])])
        let activation = try Tensor.full([1, 6], 0.4)
        let m = try arm.muscle.integrate(dt: 0.01, derivative: try Tensor.zeros([1, 6]), activation: activation,
                                         geometry: g, parameters: arm.parameters)
        Self.expectClose(try m.length / arm.parameters.optimalLength, [1.0083872, 1.0219722, 0.9928261, 0.8100215, 0.909605, 0.7099851])
        Self.expectClose(m.passiveLength, [7.1019301e-06, 1.2768538e-04, 0, 0, 0, 0], rtol: 2e-3, atol: 1e-8)
        Self.expectClose(m.activeLength, [0.9996092, 0.9973179, 0.9995883, 0.8184289, 0.9442997, 0.501414])
        Self.expectClose(m.activeVelocity, [0.9801, 1.0195, 1.0093286, 0.9921276, 0.9918885, 1.0109188])
        Self.expectClose(m.force, [328.4070789, 491.0485468, 573.8697411, 503.1064352, 155.1075806, 122.2615894], atol: 1e-3)
    }

    @Test func skeletonAccelerationAndEnergyMatchMotorNet() throws {
        let arm = TwoDofArm.arm26
        let position = [try Self.joint([0.8]), try Self.joint([1.2])], velocity = [try Self.joint([0.5]), try Self.joint([-0.3])]
        let acc = try arm.acceleration(torque: [try Self.joint([1.5]), try Self.joint([-0.7])], position: position,
                                       velocity: velocity, load: try Self.joint([3, -4]))
        Self.expectClose(acc, [4.5521115, -16.970639])
        Self.expectClose(try arm.kineticEnergy(position: position, velocity: velocity), [0.03214894909601503])
    }

    @Test func twentyStepsMatchMotorNet() throws {
        let arm = try RigidTendonArm26()
        var state = try arm.initialState(joint: try Self.joint([0.9, 1.4]))
        Self.expectClose(try state.muscle.force, [0, 1.1877354, 0, 0, 0, 0], atol: 1e-4)
        let action = try Tensor([0.3, 0.1, 0.25, 0.05, 0.2, 0.15], shape: [1, 6])
        for t in 0..<20 {
            state = try arm.step(state, action: action, endpointLoad: try Self.joint(t < 10 ? [2, 1] : [0, 0]))
        }
        Self.expectClose(try state.joint(), [0.779163, 2.7052603, 1.1845839, -0.287581], rtol: 1e-3)
        Self.expectClose(try arm.cartesian(state).split(sizes: [2, 2], dim: 1)[0], [-0.0937676, 0.10519], rtol: 2e-3)
        Self.expectClose(try state.muscle.activation, [0.3010408, 0.1027043, 0.2514538, 0.0522864, 0.2019404, 0.1524252])
        Self.expectClose(try state.muscle.force, [240.8834448, 129.0604885, 0.3332415, 86.4767842, 0, 90.467208], rtol: 2e-3, atol: 2e-2)
        Self.expectClose(try arm.skeleton.kineticEnergy(position: try state.position, velocity: try state.velocity),
                         [0.12323419075056409], rtol: 2e-3)
    }
}
