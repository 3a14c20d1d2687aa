import Foundation
import Tensor

/// MotorNet's `effector.RigidTendonArm26` (motornet/effector.py): a `TwoDofArm` moved by six
/// rigid-tendon muscles — pectoralis, deltoid (shoulder flexor and extensor), brachioradialis,
/// triceps lateralis (elbow flexor and extensor), biceps and triceps longus (bi-articular).
///
/// Geometry (MotorNet's polynomial fit): with p = θ − (π/2, 0), each muscle's musculotendon
/// length is a₀ + Σ_d (a₁ + a₂ p_d) p_d, its moment arm about joint d is a₁ + 2a₂ p_d, and its
/// velocity Σ_d θ̇_d · moment_d. Joint torques are −Σ_m F_m · moment_m (a negative moment arm
/// flexes). Integration is MotorNet's explicit Euler at `timestep` (0.01 s): the muscle state
/// is updated from the old geometry, then ω′ = ω + θ̈ dt, θ′ = θ + ω dt, velocities clipped at
/// the joint limits, angles clipped to them, and the geometry recomputed at θ′.
public struct RigidTendonArm26: @unchecked Sendable {  // its tensors are never written
    /// The skeleton.
    public var skeleton: TwoDofArm
    /// The muscle model.
    public var muscle: MujocoHillMuscle
    /// The step (s).
    public var timestep: Double
    /// Sub-steps per step (`n_ministeps`).
    public var ministeps: Int
    /// Joint limits (rad), shoulder then elbow.
    public var lowerBound: [Float], upperBound: [Float]
    /// Joint-velocity limits (rad/s).
    public var velocityLower: Float = -1000, velocityUpper: Float = 1000
    /// Joint damping (`damping`).
    public var damping: Float

    /// The muscle names, in MotorNet's order.
    public static let muscleNames = ["pectoralis", "deltoid", "brachioradialis", "tricepslat", "biceps", "tricepslong"]
    /// Per-muscle constants (`tobuild__muscle`).
    public let parameters: MuscleParameters
    /// Geometry coefficients a₀ (1, 6) and, per joint, a₁ and a₂ (1, 6).
    let a0: Tensor, a1: [Tensor], a2: [Tensor]
    /// a₃: the angle offsets of p = θ − a₃.
    let a3: [Float] = [Float.pi / 2, 0]

    /// MotorNet's defaults: shoulder [0°, 135°], elbow [0°, 155°], dt 0.01 s.
    public init(muscle: MujocoHillMuscle = MujocoHillMuscle(), skeleton: TwoDofArm = .arm26, timestep: Double = 0.01,
                ministeps: Int = 1, damping: Float = 0, lowerBound: [Float]? = nil, upperBound: [Float]? = nil) throws {
        guard timestep > 0, timestep.isFinite else { throw TensorError("RigidTendonArm26: timestep must be positive") }
        guard ministeps >= 1, ministeps <= 1000 else { throw TensorError("RigidTendonArm26: n_ministeps must be in 1...1000") }
        self.muscle = muscle
        self.skeleton = skeleton
        self.timestep = timestep
        self.ministeps = ministeps
        self.damping = damping
        let degree = Float.pi / 180
        self.lowerBound = lowerBound ?? [0, 0]
        self.upperBound = upperBound ?? [135 * degree, 155 * degree]
        guard self.lowerBound.count == 2, self.upperBound.count == 2 else {
            throw TensorError("RigidTendonArm26: joint bounds need two values (shoulder, elbow)")
        }
        parameters = try MuscleParameters(maxIsometricForce: [838, 1207, 1422, 1549, 414, 603],
                                          tendonLength: [0.039, 0.066, 0.172, 0.187, 0.204, 0.217],
                                          optimalLength: [0.134, 0.140, 0.092, 0.093, 0.137, 0.127])
        a0 = try Tensor([0.151, 0.2322, 0.2859, 0.2355, 0.3329, 0.2989], shape: [1, 6])
        a1 = [try Tensor([-0.03, 0.03, 0, 0, -0.03, 0.03], shape: [1, 6]),
              try Tensor([0, 0, -0.014, 0.025, -0.016, 0.03], shape: [1, 6])]
        a2 = [try Tensor([0, 0, 0, 0, 0, 0], shape: [1, 6]),
              try Tensor([0, 0, -4e-3, -2.2e-3, -5.7e-3, -3.2e-3], shape: [1, 6])]
    }

    /// The number of muscles (6).
    public var muscleCount: Int { 6 }

    /// `_get_geometry`: lengths, velocities and moment arms at the given joint state.
    public func geometry(position: [Tensor], velocity: [Tensor]) throws -> MuscleGeometry {
        var length = a0, speed: Tensor?, moments: [Tensor] = []
        for d in 0..<2 {
            let p = try position[d] - a3[d]
            let moment = try p * a2[d] * 2 + a1[d]
            length = try length + (a1[d] + p * a2[d]) * p
            let term = try velocity[d] * moment
            speed = try speed.map { try $0 + term } ?? term
            moments.append(moment)
        }
        return MuscleGeometry(length: length, velocity: speed ?? a0, moments: moments)
    }

    /// `reset`: the state at rest at `joint` (B, 2) angles or (B, 4) angles and velocities,
    /// activations at their minimum and forces from the resulting passive stretch.
    public func initialState(joint: Tensor) throws -> ArmState {
        guard joint.ndim == 2, joint.shape[1] == 2 || joint.shape[1] == 4 else {
            throw TensorError("RigidTendonArm26: joint_state must be (batch, 2) or (batch, 4), got \(describeShape(joint.shape))")
        }
        let columns = try joint.split(size: 1, dim: 1)
        let position = Array(columns[0..<2])
        let velocity = joint.shape[1] == 4 ? Array(columns[2..<4]) : [try Tensor.zerosLike(columns[0]), try Tensor.zerosLike(columns[0])]
        let geometry = try self.geometry(position: position, velocity: velocity)
        let batch = joint.shape[0]
        let activation = try Tensor.full([batch, muscleCount], muscle.minActivation)
        let state = try muscle.integrate(dt: Float(timestep), derivative: try Tensor.zerosLike(activation), activation: activation,
                                         geometry: geometry, parameters: parameters)
        return try pack(position: position, velocity: velocity, muscle: state, geometry: geometry)
    }

    /// The packed state of these parts, with the hand's position and velocity and the
    /// proprioception (fibre length / L_opt, velocity / vmax) computed from them.
    func pack(position: [Tensor], velocity: [Tensor], muscle state: MuscleState, geometry: MuscleGeometry) throws -> ArmState {
        let proprioception = try Tensor.cat([try state.length / parameters.optimalLength, try state.velocity / muscle.vmax], dim: 1)
        return try ArmState(position: position, velocity: velocity, muscle: state, geometry: geometry,
                            cartesian: try skeleton.cartesian(position: position, velocity: velocity), proprioception: proprioception)
    }

    /// `step`: one step of `timestep` (in `ministeps` Euler sub-steps) under the excitations
    /// `action` (B, 6), a hand load (B, 2) in N and joint torques (B, 2) in N·m.
    /// `fused` (the default) takes each sub-step as one recorded operation (`fusedEuler`);
    /// `fused: false` runs the same arithmetic as separate tensor operations (`euler`), the
    /// reference the fused step is tested against.
    public func step(_ state: ArmState, action: Tensor, endpointLoad: Tensor? = nil, jointLoad: Tensor? = nil,
                     fused: Bool = true) throws -> ArmState {
        let batch = state.batchSize
        guard action.shape == [batch, muscleCount] else {
            throw TensorError("RigidTendonArm26.step: expected action of shape (\(batch), 6), got \(describeShape(action.shape))")
        }
        let load = try endpointLoad ?? Tensor.zeros([batch, 2])
        guard load.ndim == 2, load.shape[1] == 2, load.shape[0] == batch || load.shape[0] == 1 else {
            throw TensorError("RigidTendonArm26.step: expected endpoint_load of shape (\(batch), 2), got \(describeShape(load.shape))")
        }
        if let jointLoad {
            guard jointLoad.ndim == 2, jointLoad.shape[1] == 2, jointLoad.shape[0] == batch || jointLoad.shape[0] == 1 else {
                throw TensorError("RigidTendonArm26.step: expected joint_load of shape (\(batch), 2), got \(describeShape(jointLoad.shape))")
            }
        }
        guard state.layout.muscles == muscleCount else { throw TensorError("RigidTendonArm26.step: the state is not of this arm") }
        var current = state
        if fused {
            for _ in 0..<ministeps { current = try fusedEuler(current, action, load, jointLoad) }
            return current
        }
        let excitation = try muscle.clip(action)
        let joints = try jointLoad?.split(size: 1, dim: 1)
        for _ in 0..<ministeps { current = try euler(current, excitation, load, joints) }
        return current
    }

    /// One explicit Euler step of `timestep / ministeps` (`_euler` and `integration_step`).
    func euler(_ state: ArmState, _ excitation: Tensor, _ load: Tensor, _ joints: [Tensor]?) throws -> ArmState {
        let dt = Float(timestep / Double(ministeps))
        let (oldMuscle, oldPosition, oldVelocity) = (try state.muscle, try state.position, try state.velocity)
        let oldGeometry = try self.geometry(position: oldPosition, velocity: oldVelocity)
        var torque: [Tensor] = []
        for d in 0..<2 {
            var t = try (oldMuscle.force * oldGeometry.moments[d]).sum(dim: 1, keepdim: true).neg()
            if let joints { t = try t + joints[d] }
            if damping != 0 { t = try t - oldVelocity[d] * damping }
            torque.append(t)
        }
        let activationRate = try muscle.activationDerivative(action: excitation, activation: oldMuscle.activation)
        let acceleration = try skeleton.acceleration(torque: torque, position: oldPosition, velocity: oldVelocity, load: load)
            .split(size: 1, dim: 1)
        let muscleState = try muscle.integrate(dt: dt, derivative: activationRate, activation: oldMuscle.activation,
                                               geometry: oldGeometry, parameters: parameters)
        var position: [Tensor] = [], velocity: [Tensor] = []
        for d in 0..<2 {
            let newPosition = try oldPosition[d] + oldVelocity[d] * dt
            var newVelocity = try (oldVelocity[d] + acceleration[d] * dt).clamp(min: velocityLower, max: velocityUpper)
            let zero = try Tensor.zerosLike(newVelocity)
            let pastLower = try newVelocity.lt(0).logicalAnd(try newPosition.le(lowerBound[d]))
            newVelocity = try Tensor.where(pastLower, zero, newVelocity)
            let pastUpper = try newVelocity.gt(0).logicalAnd(try newPosition.ge(upperBound[d]))
            newVelocity = try Tensor.where(pastUpper, zero, newVelocity)
            position.append(try newPosition.clamp(min: lowerBound[d], max: upperBound[d]))
            velocity.append(newVelocity)
        }
        let geometry = try self.geometry(position: position, velocity: velocity)
        return try pack(position: position, velocity: velocity, muscle: muscleState, geometry: geometry)
    }

    /// `joint2cartesian` of a state: hand position and velocity (B, 4).
    public func cartesian(_ state: ArmState) throws -> Tensor {
        try state.cartesian()
    }

    /// `draw_random_uniform_states`: angles uniform within the joint limits, at rest (B, 4).
    public func randomJointStates(_ batch: Int, generator: Generator) throws -> Tensor {
        var values: [Float] = []
        for _ in 0..<batch {
            for d in 0..<2 { values.append(lowerBound[d] + (upperBound[d] - lowerBound[d]) * generator.nextFloat()) }
            values += [0, 0]
        }
        return try Tensor(values, shape: [batch, 4])
    }
}
