import Foundation
import Tensor

/// The eel competency task of the course's project lab (docs/eel-task.md): two eels, each
/// disturbing the fish near it; the agent watches eel 1 with its fish, then eel 2 with its
/// fish, and in the decision period chooses the eel with the larger influence.
///
/// Observation layout, 53 channels: 0 = fixation cue (1 until the decision period, which
/// it marks by going to 0), 1–2 = eel 1's position (x, y) while it is watched, 3–4 = eel
/// 2's, 5 + 2k and 6 + 2k = the watched school's fish k at (x, y) for k in 0..<24; channels
/// 1–52 are 0 outside the two observe periods. Labels per step: 0 (fixate) except in the decision period, where they are
/// ground truth + 1 ∈ {1, 2}. Actions: 0 fixate, 1 choose eel 1, 2 choose eel 2.
/// Periods (ms, floored to multiples of dt): fixation 100, eel1_observe 1000,
/// eel2_observe 1000, decision 100 unless `timing` overrides them.
public final class CompetencyTask: TrialEnvironment {
    /// The outcome of `newTrial()`: the correct choice, the difficulty and both influences.
    public struct Trial: Sendable, Equatable {
        /// The correct choice: 0 when eel 1 has the larger influence, 1 when eel 2 has.
        public let groundTruth: Int
        /// The influence difference |s₁ − s₂| (the difficulty; 0 is a coin flip).
        public let difference: Double
        /// The influences (s₁, s₂) of eel 1 and eel 2, each in [0, 1].
        public let influences: [Double]
    }

    /// The period names, in order.
    public static let periodNames = ["fixation", "eel1_observe", "eel2_observe", "decision"]
    /// The default period durations in ms, in `periodNames` order.
    public static let defaultDurations: [Double] = [100, 1000, 1000, 100]
    /// The default influence differences sampled from.
    public static let defaultDifferences: [Double] = [0, 0.1, 0.2, 0.4, 0.8]
    /// The number of fish around each eel.
    public static let fishCount = 24
    /// The time step in ms.
    public let dt: Double
    /// The influence differences sampled from, each in [0, 1].
    public let differences: [Double]
    /// The std of a fish's random displacement per 10 ms of simulated time (arena units).
    public let wiggle: Double
    /// The eels' swimming speed in arena units per second.
    public let speed: Double
    /// Each period's duration in ms (floored to a multiple of dt), in `periodNames` order.
    public let durations: [Double]
    /// The first step and one past the last step of each period, in `periodNames` order.
    public let periodSteps: [Range<Int>]
    /// The trial length in steps.
    public let trialLength: Int
    /// 53: fixation, eel 1 (x, y), eel 2 (x, y), 24 fish (x, y).
    public let observationSize = 5 + 2 * CompetencyTask.fishCount
    /// 3: fixate, choose eel 1, choose eel 2.
    public let actionSize = 3
    /// The last trial's observations, (trialLength × 53) row-major.
    public private(set) var observations: [Float] = []
    /// The last trial's labels (trialLength).
    public private(set) var labels: [Float] = []
    /// The last trial, if one was made.
    public private(set) var trial: Trial?
    let generator: Generator

    /// Makes the task; `timing` may override any of the four periods (ms). Throws for an
    /// unknown period, a negative duration, a non-positive dt, an empty `differences` or one
    /// outside [0, 1], a negative `wiggle` or `speed`, or a trial longer than 1,000,000 steps.
    public init(
        dt: Double = 20, timing: [String: Double]? = nil, differences: [Double] = CompetencyTask.defaultDifferences,
        wiggle: Double = 0.01, speed: Double = 2, generator: Generator
    ) throws {
        guard dt > 0, dt.isFinite else { throw TaskError("CompetencyTask: dt must be a positive finite number, got \(dt)") }
        guard !differences.isEmpty else { throw TaskError("CompetencyTask: differences must not be empty") }
        if let bad = differences.first(where: { !(0...1).contains($0) }) {
            throw TaskError("CompetencyTask: every influence difference must lie in [0, 1], got \(bad)")
        }
        for (name, value) in [("wiggle", wiggle), ("speed", speed)] where !(value >= 0 && value.isFinite) {
            throw TaskError("CompetencyTask: \(name) must be finite and not negative, got \(value)")
        }
        var timed = Dictionary(uniqueKeysWithValues: zip(Self.periodNames, Self.defaultDurations))
        for (name, value) in timing ?? [:] {
            guard timed[name] != nil else {
                throw TaskError("CompetencyTask: unknown period '\(name)' in timing (periods: \(Self.periodNames.joined(separator: ", ")))")
            }
            guard value >= 0, value.isFinite else {
                throw TaskError("CompetencyTask: the duration of '\(name)' must be a non-negative number, got \(value)")
            }
            timed[name] = value
        }
        let counts = Self.periodNames.map { ((timed[$0] ?? 0) / dt).rounded(.down) }
        let total = counts.reduce(0, +)
        guard total <= 1_000_000 else {
            throw TaskError("CompetencyTask: a trial of \(total) steps is too long (at most 1,000,000; check dt and timing)")
        }
        var start = 0
        periodSteps = counts.map { count in
            defer { start += Int(count) }
            return start..<(start + Int(count))
        }
        durations = counts.map { $0 * dt }
        trialLength = start
        self.dt = dt
        self.differences = differences
        self.wiggle = wiggle
        self.speed = speed
        self.generator = generator
    }

    /// A task with another's settings and `generator`.
    private init(copying other: CompetencyTask, generator: Generator) {
        dt = other.dt
        differences = other.differences
        wiggle = other.wiggle
        speed = other.speed
        durations = other.durations
        periodSteps = other.periodSteps
        trialLength = other.trialLength
        self.generator = generator
    }

    /// Samples a trial and makes it the current `ob`/`gt` (see `drawTrial` for the order of
    /// the draws). The optional arguments fix the ground truth or the difference.
    @discardableResult
    public func newTrial(groundTruth: Int? = nil, difference: Double? = nil) throws -> Trial {
        var ob = [Float](repeating: 0, count: trialLength * observationSize)
        var gt = [Float](repeating: 0, count: trialLength)
        let made = try drawTrial(groundTruth: groundTruth, difference: difference, into: &ob, labels: &gt, column: 0, columns: 1)
        observations = ob
        labels = gt
        trial = made
        return made
    }

    /// The current trial's observations (trialLength, 53), neurogym's `env.ob`.
    public func ob() throws -> Tensor { try Tensor(observations, shape: [trialLength, observationSize]) }

    /// The current trial's labels (trialLength), int64, neurogym's `env.gt`.
    public func gt() throws -> Tensor { try Tensor(labels, shape: [trialLength], dtype: .int64) }

    /// A new trial's arrays, for `Dataset`.
    public func nextTrialArrays() throws -> (observations: [Float], labels: [Float]) {
        try newTrial()
        return (observations, labels)
    }
}

extension CompetencyTask {
    /// The task in the same state (current trial included), drawing from `generator`, for
    /// session snapshots.
    public func copy(generator newGenerator: Generator) -> CompetencyTask {
        let twin = CompetencyTask(copying: self, generator: newGenerator)
        twin.observations = observations
        twin.labels = labels
        twin.trial = trial
        return twin
    }

    /// The generator the task draws from.
    public var randomGenerator: Generator { generator }
}
