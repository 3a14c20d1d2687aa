import Foundation
import Tensor

/// neurogym's `PerceptualDecisionMaking-v0` (specs/tasks.md §1): a two-alternative
/// random-dots task.
///
/// Observation layout, 3 channels: 0 = fixation cue (1 while the agent must fixate),
/// 1 and 2 = evidence for choice 0 and choice 1, during the stimulus period
/// `cos(θ_k − θ_gt)·coh/200 + 0.5 + σ/√dt·ε`; all 0 in the decision period.
/// Labels per step: 0 (fixate) except in the decision period, where they are
/// ground truth + 1 ∈ {1, 2}. Actions: 0 fixate, 1 choose channel 1, 2 choose channel 2.
/// Periods (ms, floored to multiples of dt): fixation 100, stimulus 2000, delay 0,
/// decision 100 unless `timing` overrides them (constant durations only).
public final class PerceptualDecisionMaking: TrialEnvironment {
    /// When the fixation channel is on (§1.3).
    public enum FixationCue: String, Sendable {
        /// neurogym ≥ 2.1: only during the fixation period (the default).
        case fixationPeriod
        /// neurogym < 2.1 (the 2020–21 tutorials): until the decision period (go cue = off).
        case untilDecision
    }

    /// The outcome of `newTrial()`: the correct choice and the stimulus coherence.
    public struct Trial: Sendable, Equatable {
        /// The correct choice, 0 or 1 (the label in the decision period is this + 1).
        public let groundTruth: Int
        /// The coherence in percent.
        public let coherence: Double
    }

    /// The period names, in order.
    public static let periodNames = ["fixation", "stimulus", "delay", "decision"]
    /// The time step in ms.
    public let dt: Double
    /// The coherences sampled from, in percent.
    public let cohs: [Double]
    /// The noise scale; the per-step noise std is sigma/√dt.
    public let sigma: Double
    /// The fixation-cue convention.
    public let fixationCue: FixationCue
    /// Each period's duration in ms (floored to a multiple of dt), in `periodNames` order.
    public let durations: [Double]
    /// The first step and one past the last step of each period, in `periodNames` order.
    public let periodSteps: [Range<Int>]
    /// The trial length in steps.
    public let trialLength: Int
    /// 3: fixation, evidence 1, evidence 2.
    public let observationSize = 3
    /// 3: fixate, choose 1, choose 2.
    public let actionSize = 3
    /// The last trial's observations, (trialLength × 3) row-major.
    public private(set) var observations: [Float] = []
    /// The last trial's labels (trialLength).
    public private(set) var labels: [Float] = []
    /// The last trial, if one was made.
    public private(set) var trial: Trial?
    private let generator: Generator

    /// Makes the task; `timing` may override any of the four periods (ms). Throws for an
    /// unknown period, a negative duration, a non-positive dt, or an empty `cohs`.
    public init(
        dt: Double = 100, timing: [String: Double]? = nil, cohs: [Double] = [0, 6.4, 12.8, 25.6, 51.2],
        sigma: Double = 1.0, fixationCue: FixationCue = .fixationPeriod, generator: Generator
    ) throws {
        guard dt > 0, dt.isFinite else { throw TaskError("PerceptualDecisionMaking: dt must be a positive finite number, got \(dt)") }
        guard !cohs.isEmpty else { throw TaskError("PerceptualDecisionMaking: cohs must not be empty") }
        var timed: [String: Double] = ["fixation": 100, "stimulus": 2000, "delay": 0, "decision": 100]
        for (name, value) in timing ?? [:] {
            guard timed[name] != nil else {
                throw TaskError("PerceptualDecisionMaking: unknown period '\(name)' in timing (periods: \(Self.periodNames.joined(separator: ", ")))")
            }
            guard value >= 0, value.isFinite else {
                throw TaskError("PerceptualDecisionMaking: the duration of '\(name)' must be a non-negative number, got \(value)")
            }
            timed[name] = value
        }
        let total = Self.periodNames.reduce(0.0) { $0 + ((timed[$1] ?? 0) / dt).rounded(.down) }
        guard total <= 1_000_000 else {
            throw TaskError("PerceptualDecisionMaking: a trial of \(total) steps is too long (at most 1,000,000; check dt and timing)")
        }
        durations = Self.periodNames.map { ((timed[$0] ?? 0) / dt).rounded(.down) * dt }
        var start = 0.0
        var steps: [Range<Int>] = []
        for duration in durations {
            steps.append(Int(start / dt)..<Int((start + duration) / dt))
            start += duration
        }
        periodSteps = steps
        trialLength = Int(start / dt)
        self.dt = dt
        self.cohs = cohs
        self.sigma = sigma
        self.fixationCue = fixationCue
        self.generator = generator
    }

    /// A task with another's settings and `generator`.
    private init(copying other: PerceptualDecisionMaking, generator: Generator) {
        dt = other.dt
        cohs = other.cohs
        sigma = other.sigma
        fixationCue = other.fixationCue
        durations = other.durations
        periodSteps = other.periodSteps
        trialLength = other.trialLength
        self.generator = generator
    }

    /// The per-step noise std, sigma/√dt (0.2236 for dt = 20).
    public var noiseStd: Double { sigma / dt.squareRoot() }

    /// Samples a trial (ground truth uniform over {0, 1}, then coherence uniform over
    /// `cohs`, then the noise) and makes it the current `ob`/`gt`. The optional arguments
    /// fix the ground truth or coherence instead of sampling them.
    @discardableResult
    public func newTrial(groundTruth: Int? = nil, coherence: Double? = nil) throws -> Trial {
        let drawnTruth = Draw.index(2, generator)
        let drawnCoherence = cohs[Draw.index(cohs.count, generator)]
        let gt = groundTruth ?? drawnTruth
        guard gt == 0 || gt == 1 else { throw TaskError("PerceptualDecisionMaking: ground_truth must be 0 or 1, got \(gt)") }
        let coh = coherence ?? drawnCoherence
        let (fixation, stimulus, decision) = (periodSteps[0], periodSteps[1], periodSteps[3])
        var ob = [Float](repeating: 0, count: trialLength * 3)
        let cueEnd = fixationCue == .fixationPeriod ? fixation.upperBound : decision.lowerBound
        for t in 0..<min(cueEnd, trialLength) { ob[t * 3] = 1 }
        let sign: Double = gt == 0 ? 1 : -1
        let means = [0.5 + sign * coh / 200, 0.5 - sign * coh / 200]
        for t in stimulus {
            for k in 0..<2 { ob[t * 3 + 1 + k] = Float(means[k] + noiseStd * generator.nextNormal()) }
        }
        var gtSteps = [Float](repeating: 0, count: trialLength)
        for t in decision { gtSteps[t] = Float(gt + 1) }
        observations = ob
        labels = gtSteps
        let made = Trial(groundTruth: gt, coherence: coh)
        trial = made
        return made
    }

    /// The current trial's observations (trialLength, 3), neurogym's `env.ob`.
    public func ob() throws -> Tensor { try Tensor(observations, shape: [observations.count / 3, 3]) }

    /// The current trial's labels (trialLength), int64, neurogym's `env.gt`.
    public func gt() throws -> Tensor { try Tensor(labels, shape: [labels.count], dtype: .int64) }

    /// A new trial's arrays, for `Dataset`.
    public func nextTrialArrays() throws -> (observations: [Float], labels: [Float]) {
        try newTrial()
        return (observations, labels)
    }
}

extension PerceptualDecisionMaking {
    /// The task in the same state (current trial included), drawing from `generator`, for
    /// session snapshots.
    public func copy(generator newGenerator: Generator) -> PerceptualDecisionMaking {
        let twin = PerceptualDecisionMaking(copying: self, generator: newGenerator)
        twin.observations = observations
        twin.labels = labels
        twin.trial = trial
        return twin
    }

    /// The generator the task draws from.
    public var randomGenerator: Generator { generator }
}
