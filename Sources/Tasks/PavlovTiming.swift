import Foundation
import Tensor

/// The Pavlovian timing experiment of `mobeets/value-rnn-td` (specs/tasks.md §3): cues
/// followed by a reward after a cue-specific delay, for TD value learning.
///
/// Trials alternate cues 0, 1, 0, 1, … (`trialsPerCue` of each, fixed order). Trial
/// layout: `iti` empty steps (geometric, p = 0.5, support 1, 2, …), the cue at step `iti`,
/// the reward at step `iti + isi` (isi = 10 + 5·cue), one more step: length iti + isi + 2.
/// Observation layout per step: [cue 0, cue 1, …, reward] (the same-step reward is an
/// input when `includeReward`; otherwise only the cue channels). Batches are padded with
/// zeros to the longest trial, time-major, with the true lengths alongside.
public final class PavlovTiming {
    /// One trial.
    public struct Trial: Sendable {
        /// The cue index.
        public let cue: Int
        /// The inter-trial interval before the cue, in steps.
        public let iti: Int
        /// The cue-to-reward delay in steps.
        public let isi: Int
        /// The number of steps, iti + isi + 2.
        public var length: Int { iti + isi + 2 }
        /// The step of the reward, iti + isi.
        public var rewardStep: Int { iti + isi }
    }

    /// A batch of padded trials.
    public struct Batch {
        /// Observations (T_max, B, observationSize), zero past each trial's length.
        public let inputs: Tensor
        /// Rewards (T_max, B), 1 at each trial's reward step.
        public let rewards: Tensor
        /// Each trial's length.
        public let lengths: [Int]
    }

    /// The number of cues.
    public let cues: Int
    /// The number of trials of each cue.
    public let trialsPerCue: Int
    /// Whether the reward is an input channel.
    public let includeReward: Bool
    /// The trials, in order.
    public let trials: [Trial]

    /// The most trials an experiment may have (cues × trials per cue).
    public static let maximumTrials = 1_000_000

    /// Draws the experiment's trials (all ITIs at once, as the original builds its dataset).
    /// Throws for non-positive counts or more than `maximumTrials` trials.
    public init(cues: Int = 2, trialsPerCue: Int = 50, includeReward: Bool = true, generator: Generator) throws {
        guard cues > 0, trialsPerCue > 0 else {
            throw TaskError("PavlovTiming: cues and trials_per_cue must be positive, got \(cues) and \(trialsPerCue)")
        }
        let (count, overflow) = cues.multipliedReportingOverflow(by: trialsPerCue)
        guard !overflow, count <= Self.maximumTrials else {
            throw TaskError("PavlovTiming: cues × trials_per_cue must be at most \(Self.maximumTrials) trials, got \(cues) × \(trialsPerCue)")
        }
        self.cues = cues
        self.trialsPerCue = trialsPerCue
        self.includeReward = includeReward
        trials = (0..<(cues * trialsPerCue)).map { i in
            let cue = i % cues
            return Trial(cue: cue, iti: Draw.geometric(0.5, generator), isi: 10 + 5 * cue)
        }
    }

    /// Channels per step: the cues, plus the reward when it is an input.
    public var observationSize: Int { cues + (includeReward ? 1 : 0) }

    /// The trials in consecutive batches of `batchSize` (the last may be smaller), as the
    /// original's unshuffled `DataLoader` serves them.
    public func batches(size batchSize: Int) throws -> [Batch] {
        guard batchSize > 0 else { throw TaskError("PavlovTiming: the batch size must be positive, got \(batchSize)") }
        return try stride(from: 0, to: trials.count, by: batchSize).map { start in
            try batch(Array(trials[start..<min(start + batchSize, trials.count)]))
        }
    }

    /// The given trials padded into one batch. Throws for no trials, a trial whose cue this
    /// task does not have, or a batch larger than the current tensor budget allows per
    /// tensor (checked before allocating).
    public func batch(_ chosen: [Trial]) throws -> Batch {
        guard !chosen.isEmpty else { throw TaskError("PavlovTiming: a batch needs at least one trial") }
        if let stranger = chosen.first(where: { !(0..<cues).contains($0.cue) }) {
            throw TaskError("PavlovTiming: a trial with cue \(stranger.cue) does not belong to a task with \(cues) cues")
        }
        let (count, width) = (chosen.count, observationSize)
        let longest = chosen.map(\.length).max() ?? 0
        try SizeLimit.check([longest, count, width], "PavlovTiming: a batch")
        var x = [Float](repeating: 0, count: longest * count * width)
        var r = [Float](repeating: 0, count: longest * count)
        for (b, trial) in chosen.enumerated() {
            x[(trial.iti * count + b) * width + trial.cue] = 1
            r[trial.rewardStep * count + b] = 1
            if includeReward { x[(trial.rewardStep * count + b) * width + cues] = 1 }
        }
        return Batch(
            inputs: try Tensor(x, shape: [longest, count, width]), rewards: try Tensor(r, shape: [longest, count]),
            lengths: chosen.map(\.length))
    }

    /// The true value of each step of `trial` under the §3 target convention:
    /// V(t) = γ^(R − 1 − t) for t < R (R the reward step), 0 from R on.
    public static func trueValue(_ trial: Trial, gamma: Double) -> [Double] {
        (0..<trial.length).map { t in t < trial.rewardStep ? Foundation.pow(gamma, Double(trial.rewardStep - 1 - t)) : 0 }
    }
}
