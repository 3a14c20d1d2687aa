import Foundation
import Tensor

/// The `RandomTarget` environment of the Computation-through-Dynamics benchmark (a MotorNet
/// `Environment`): an effector, its current state, and the delayed observation buffers.
///
/// Observation (B, 2 + 2M): the hand position (vision) and the normalised fibre lengths
/// `l / L_opt` and velocities `v / vmax` of the M muscles (proprioception), each read from a
/// buffer `delay / dt` steps long (MotorNet's default delay is one step `dt`, so the buffer
/// holds the state just reached). The context inputs (target x, y, go cue) are not part of
/// the observation: the policy gets them beside it, as the benchmark's wrapper does.
public final class RandomTarget {
    /// The arm.
    public let effector: RigidTendonArm26
    /// The episode length (s), `max_ep_duration`.
    public let maxEpisodeDuration: Double
    /// The step (s) the delays and the episode are measured in (the effector's).
    public let dt: Double
    /// Proprioception and vision delays, in steps.
    public let proprioceptionDelay: Int, visionDelay: Int
    /// Loss weights.
    public let positionWeight: Double, activationWeight: Double
    /// The range of bump magnitudes (N).
    public let bumpLow: Double, bumpHigh: Double
    /// Gaussian noise SDs: on the action, on each observation element (the two vision ones
    /// forced to 0), on proprioception, on vision.
    public let actionNoise: Float, observationNoise: [Float], proprioceptionNoise: Float, visionNoise: Float

    /// The state after the last `reset` or `step`; nil before the first reset.
    public private(set) var state: ArmState?
    /// The hand goal set by `reset`, (B, 2).
    public var goal: Tensor?
    /// Time since reset (s).
    public private(set) var elapsed: Double = 0
    var proprioceptionBuffer: [Tensor] = [], visionBuffer: [Tensor] = []

    /// An environment over `effector`; delays default to one step, as MotorNet's.
    public init(effector: RigidTendonArm26, maxEpisodeDuration: Double = 1, proprioceptionDelay: Double? = nil,
                visionDelay: Double? = nil, positionWeight: Double = 1, activationWeight: Double = 1,
                bumpLow: Double = 5, bumpHigh: Double = 10, actionNoise: Float = 0, observationNoise: Float = 0,
                proprioceptionNoise: Float = 0, visionNoise: Float = 0) throws {
        self.effector = effector
        dt = effector.timestep
        guard maxEpisodeDuration > 0, maxEpisodeDuration.isFinite, maxEpisodeDuration / dt <= 1_000_000 else {
            throw TensorError("RandomTarget: max_ep_duration must be positive and at most 1e6 steps")
        }
        self.maxEpisodeDuration = maxEpisodeDuration
        self.proprioceptionDelay = try Self.steps(proprioceptionDelay, dt: dt, "proprioception_delay")
        self.visionDelay = try Self.steps(visionDelay, dt: dt, "vision_delay")
        self.positionWeight = positionWeight
        self.activationWeight = activationWeight
        self.bumpLow = bumpLow
        self.bumpHigh = bumpHigh
        self.actionNoise = actionNoise
        self.observationNoise = [0, 0] + Array(repeating: observationNoise, count: 2 * effector.muscleCount)
        self.proprioceptionNoise = proprioceptionNoise
        self.visionNoise = visionNoise
    }

    /// A delay in steps: `delay / dt` (one step when nil), which must be a whole number ≥ 1.
    static func steps(_ delay: Double?, dt: Double, _ name: String) throws -> Int {
        let value = (delay ?? dt) / dt
        guard value.isFinite, value >= 1, value <= 10_000, abs(value - value.rounded()) < 1e-4 else {
            throw TensorError("RandomTarget: \(name) must be a positive multiple of dt (\(dt)), got \(delay ?? dt)")
        }
        return Int(value.rounded())
    }

    /// The steps of an episode, `floor(max_ep_duration / dt)`.
    public var timesteps: Int { Int((maxEpisodeDuration / dt + 1e-9).rounded(.down)) }
    /// The observation width: hand x, y and two values per muscle.
    public var observationSize: Int { 2 + 2 * effector.muscleCount }

    /// `reset`: puts B arms at `icState` ((B, 2) or (B, 4); random within the joint limits
    /// when nil), sets the goal, fills the buffers, returns the first observation.
    public func reset(batchSize: Int, icState: Tensor?, goal: Tensor?, deterministic: Bool, generator: Generator) throws -> Tensor {
        guard batchSize >= 1, batchSize <= 1_000_000 else { throw TensorError("reset: batch_size must be positive") }
        let joint = try icState ?? effector.randomJointStates(batchSize, generator: generator)
        let start = try effector.initialState(joint: joint)
        let batch = start.batchSize
        if let goal {
            guard goal.shape == [batch, 2] || goal.shape == [1, 2] else {
                throw TensorError("reset: target_state must be (\(batch), 2), got \(describeShape(goal.shape))")
            }
            self.goal = goal
        } else {
            var angles: [Float] = []
            for _ in 0..<batch {
                let degree = Double.pi / 180
                let posture = [(30 + 75 * generator.nextDouble()) * degree, (30 + 95 * generator.nextDouble()) * degree]
                let xy = handPosition(posture)
                angles += [xy.0, xy.1]
            }
            self.goal = try Tensor(angles, shape: [batch, 2])
        }
        state = start
        elapsed = 0
        if merged {
            proprioceptionBuffer = []
            visionBuffer = Array(repeating: try start.observed(), count: visionDelay)
        } else {
            proprioceptionBuffer = Array(repeating: try proprioception(start, generator), count: proprioceptionDelay)
            visionBuffer = Array(repeating: try vision(start, generator), count: visionDelay)
        }
        return try observation(deterministic: deterministic, generator: generator)
    }

    /// `step`: applies `action` (B, M) (plus action noise unless deterministic) for one
    /// step with the hand load `endpointLoad`, returns the next observation.
    public func step(_ action: Tensor, endpointLoad: Tensor?, jointLoad: Tensor?, deterministic: Bool,
                     generator: Generator) throws -> (observation: Tensor, noisyAction: Tensor) {
        guard let current = state else { throw TensorError("step: call reset() first") }
        elapsed += dt
        let noisy = deterministic ? action : try addNoise(action, Array(repeating: actionNoise, count: action.shape.last ?? 0), generator)
        state = try effector.step(current, action: noisy, endpointLoad: endpointLoad, jointLoad: jointLoad)
        return (try observation(deterministic: deterministic, generator: generator), noisy)
    }

    /// Whether the episode is over (`elapsed >= max_ep_duration`).
    public var terminated: Bool { elapsed >= maxEpisodeDuration - 1e-9 }

    /// Whether both delays are equal and neither sense is noisy: then one buffer holds whole
    /// observations, read from the packed state in one piece.
    var merged: Bool { proprioceptionDelay == visionDelay && proprioceptionNoise == 0 && visionNoise == 0 }

    /// `get_obs`: pushes the current proprioception and vision into their buffers and reads
    /// the oldest of each (when `merged`, `visionBuffer` holds whole observations).
    func observation(deterministic: Bool, generator: Generator) throws -> Tensor {
        guard let state else { throw TensorError("observation: call reset() first") }
        let obs: Tensor
        if merged {
            visionBuffer = Array(visionBuffer.dropFirst()) + [try state.observed()]
            obs = visionBuffer[0]
        } else {
            proprioceptionBuffer = Array(proprioceptionBuffer.dropFirst()) + [try proprioception(state, generator)]
            visionBuffer = Array(visionBuffer.dropFirst()) + [try vision(state, generator)]
            obs = try Tensor.cat([visionBuffer[0], proprioceptionBuffer[0]], dim: 1)
        }
        return deterministic ? obs : try addNoise(obs, observationNoise, generator)
    }

    /// `get_proprioception`: fibre lengths / L_opt and velocities / vmax, (B, 2M).
    func proprioception(_ state: ArmState, _ generator: Generator) throws -> Tensor {
        let prop = try state.proprioception()
        return try addNoise(prop, Array(repeating: proprioceptionNoise, count: prop.shape[1]), generator)
    }

    /// `get_vision`: the hand position (B, 2).
    func vision(_ state: ArmState, _ generator: Generator) throws -> Tensor {
        try addNoise(try state.fingertip(), [visionNoise, visionNoise], generator)
    }

    /// `apply_noise`: adds N(0, sd_j²) to column j; nothing when every SD is 0.
    func addNoise(_ x: Tensor, _ sds: [Float], _ generator: Generator) throws -> Tensor {
        guard sds.contains(where: { $0 != 0 }), x.ndim == 2, x.shape[1] == sds.count else { return x }
        var values: [Float] = []
        values.reserveCapacity(x.count)
        for _ in 0..<x.shape[0] { for sd in sds { values.append(Float(generator.nextNormal()) * sd) } }
        return try x + Tensor(values, shape: x.shape)
    }
}

extension RandomTarget {
    /// An environment with the same settings whose state, buffers and goal are `transform`ed
    /// copies of these (for session snapshots).
    public func copy(_ transform: (Tensor) throws -> Tensor) throws -> RandomTarget {
        let twin = try RandomTarget(
            effector: effector, maxEpisodeDuration: maxEpisodeDuration, proprioceptionDelay: Double(proprioceptionDelay) * dt,
            visionDelay: Double(visionDelay) * dt, positionWeight: positionWeight, activationWeight: activationWeight,
            bumpLow: bumpLow, bumpHigh: bumpHigh, actionNoise: actionNoise, observationNoise: observationNoise.last ?? 0,
            proprioceptionNoise: proprioceptionNoise, visionNoise: visionNoise)
        twin.state = try state?.mapTensors(transform)
        twin.goal = try goal.map(transform)
        twin.elapsed = elapsed
        twin.proprioceptionBuffer = try proprioceptionBuffer.map(transform)
        twin.visionBuffer = try visionBuffer.map(transform)
        return twin
    }
}
