import Foundation
import Tensor

/// The firefly navigation task of Lab 4 (specs/tasks.md §4; NeuroAI W2D1 Tutorial 3),
/// `batchSize` trials at once: the tutorial's `Env` and `ObsStep` with one row per trial
/// where they use one column vector.
///
/// State rows are (x, y, heading, v, ω) in units of 400 cm; the agent starts at the origin
/// facing +y. A step moves the position with the *current* velocities, turns by the current
/// angular velocity, and sets the next velocities to gain ⊙ action plus process noise
/// `gain · processNoiseStd · N(0, 1)`. The target is visible in `targetPositionObs` until the
/// step `t == targetOffStep`, which zeroes it. `reached` compares the distance of the state
/// *before* the step with `goalRadius`, strictly; an action stops a trial when both of its
/// components are below `terminalAction` in magnitude, strictly. Every operation is a tensor
/// operation, so a step is differentiable in the state and the action (autograd records it).
///
/// Random draws come from the caller's generator in the tutorial's order: `reset` draws
/// the radii of all trials then their angles; `forward` draws the process noise (batch, 2);
/// `observe` the observation noise (batch, 2). With one trial, the numbers are those the
/// tutorial's classes draw for the same seed.
public final class FireflyEnvironment {
    /// The task's constants; defaults are the tutorial's `Config`.
    public struct Settings: Sendable, Equatable {
        /// Seconds per step.
        public var dt: Float = 0.1
        /// Steps per trial (3.5 s).
        public var episodeLength = 35
        /// Reward-zone radius (65 cm).
        public var goalRadius: Float = 65 / 400
        /// Range of target distances; the squared radius is uniform (uniform over the annulus).
        public var initialRadiusRange: (Float, Float) = (0.25, 1.0)
        /// Range of target angles from straight ahead, radians.
        public var relativeAngleRange: (Float, Float) = (Float(-35 * Double.pi / 180), Float(35 * Double.pi / 180))
        /// The 1× joystick gain: 200 cm/s and 90°/s.
        public var processGainDefault: [Float] = [200 / 400, 90 * (Float.pi / 180)]
        /// The step at which the target disappears.
        public var targetOffStep = 3
        /// Process noise std per unit of gain.
        public var processNoiseStd: Float = 0.2
        /// Observation noise std per unit of gain.
        public var observationNoiseStd: Float = 0.1
        /// The stop threshold on each action component.
        public var terminalAction: Float = 0.1

        /// The tutorial's settings.
        public init() {}

        public static func == (a: Settings, b: Settings) -> Bool {
            a.dt == b.dt && a.episodeLength == b.episodeLength && a.goalRadius == b.goalRadius
                && a.initialRadiusRange == b.initialRadiusRange && a.relativeAngleRange == b.relativeAngleRange
                && a.processGainDefault == b.processGainDefault && a.targetOffStep == b.targetOffStep
                && a.processNoiseStd == b.processNoiseStd && a.observationNoiseStd == b.observationNoiseStd
                && a.terminalAction == b.terminalAction
        }
    }

    /// The number of trials run side by side.
    public let batchSize: Int
    /// The constants.
    public let settings: Settings
    /// Where random draws come from.
    public let generator: Generator
    /// The targets, (batch, 2); set by `reset`.
    public internal(set) var targetPosition: Tensor
    /// The targets as the agent sees them, (batch, 2): zero from step `targetOffStep` on.
    public internal(set) var targetPositionObs: Tensor
    /// The joystick gain (v, ω), (2,).
    public internal(set) var gain: Tensor
    /// The process noise std (v, ω), (2,): gain · processNoiseStd.
    public internal(set) var processNoise: Tensor
    /// The observation noise std (v, ω), (2,): gain · observationNoiseStd.
    public internal(set) var observationNoise: Tensor

    /// An environment for `batchSize` trials; call `reset` before stepping.
    public init(batchSize: Int, settings: Settings = Settings(), generator: Generator) throws {
        guard batchSize >= 1 else { throw TaskError("FireflyEnv: batch_size must be at least 1, got \(batchSize)") }
        let (low, high) = settings.initialRadiusRange
        guard low >= 0, low <= high else {
            throw TaskError("FireflyEnv: initial_radius_range must be 0 ≤ low ≤ high, got (\(low), \(high))")
        }
        guard settings.relativeAngleRange.0 <= settings.relativeAngleRange.1 else {
            throw TaskError("FireflyEnv: relative_angle_range must have low ≤ high")
        }
        guard settings.processGainDefault.count == 2 else { throw TaskError("FireflyEnv: the gain has 2 components (v, ω)") }
        guard settings.episodeLength >= 1, settings.dt > 0 else {
            throw TaskError("FireflyEnv: episode_len must be at least 1 and dt positive")
        }
        self.batchSize = batchSize
        self.settings = settings
        self.generator = generator
        targetPosition = try Tensor.zeros([batchSize, 2])
        targetPositionObs = try Tensor.zeros([batchSize, 2])
        gain = try Tensor(settings.processGainDefault, shape: [2])
        processNoise = try gain.mul(settings.processNoiseStd)
        observationNoise = try gain.mul(settings.observationNoiseStd)
    }

    /// An independent copy drawing from `generator` (tensors copied).
    public func copy(generator: Generator) throws -> FireflyEnvironment {
        let twin = try FireflyEnvironment(batchSize: batchSize, settings: settings, generator: generator)
        twin.targetPosition = try targetPosition.clone()
        twin.targetPositionObs = try targetPositionObs.clone()
        twin.gain = try gain.clone()
        twin.processNoise = try processNoise.clone()
        twin.observationNoise = try observationNoise.clone()
        return twin
    }
}
