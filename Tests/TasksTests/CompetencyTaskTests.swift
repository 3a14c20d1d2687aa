import Foundation
import Tasks
import Testing
import Tensor

/// The eel competency task (docs/eel-task.md): periods, layout, balance, determinism, and
/// that the choice is determined by the influence difference (an ideal observer).
@Suite struct CompetencyTaskTests {
    func makeTask(dt: Double = 20, timing: [String: Double]? = nil, seed: UInt64 = 0) throws -> CompetencyTask {
        try CompetencyTask(dt: dt, timing: timing, generator: Generator(seed: seed))
    }

    @Test func defaultPeriodsAtTwentyMilliseconds() throws {
        let task = try makeTask()
        #expect(task.periodSteps == [0..<5, 5..<55, 55..<105, 105..<110])
        #expect(task.trialLength == 110)
        #expect(task.durations == [100, 1000, 1000, 100])
    }

    /// The slides: 2000 ms at dt = 20 ms is 100 steps and at dt = 10 ms 200 steps
    /// (1000 ms at dt = 10 ms is 100); durations are floored to multiples of dt.
    @Test func slidesStepCounts() throws {
        let timing = ["fixation": 2000.0, "eel1_observe": 5000, "eel2_observe": 5000, "decision": 100]
        let coarse = try makeTask(dt: 20, timing: timing)
        #expect(coarse.periodSteps.map(\.count) == [100, 250, 250, 5])
        let fine = try makeTask(dt: 10, timing: timing)
        #expect(fine.periodSteps.map(\.count) == [200, 500, 500, 10])
        #expect(try makeTask(dt: 10, timing: ["fixation": 1000]).periodSteps[0].count == 100)
        let floored = try makeTask(dt: 20, timing: ["eel1_observe": 1010, "decision": 0])
        #expect(floored.periodSteps.map(\.count) == [5, 50, 50, 0])
        #expect(floored.durations == [100, 1000, 1000, 0])
    }

    /// 53 channels: fixation until the decision, eel and fish positions only while watched.
    @Test func observationLayout() throws {
        let task = try makeTask()
        let trial = try task.newTrial()
        let ob = try task.ob()
        #expect(task.observationSize == 53)
        #expect(task.actionSize == 3)
        #expect(ob.shape == [110, 53])
        let (x, y) = (ob.scalars, try task.gt().ints)
        for t in 0..<110 {
            let row = Array(x[(t * 53)..<((t + 1) * 53)])
            #expect(row[0] == (t < 105 ? 1 : 0))
            let (first, second) = ((5..<55).contains(t), (55..<105).contains(t))
            #expect(row[1...2].contains { $0 != 0 } == first && row[3...4].contains { $0 != 0 } == second)
            #expect(row[5...].contains { $0 != 0 } == (first || second))
            #expect(row[1...].allSatisfy { abs($0) <= 1.6 })
            #expect(y[t] == (t < 105 ? 0 : trial.groundTruth + 1))
        }
        #expect(trial.influences.allSatisfy { (0...1).contains($0) })
        #expect(abs(abs(trial.influences[0] - trial.influences[1]) - trial.difference) < 1e-12)
        #expect((trial.influences[0] > trial.influences[1]) == (trial.groundTruth == 0) || trial.difference == 0)
    }

    @Test func groundTruthAndDifferencesAreBalanced() throws {
        let task = try makeTask(timing: ["eel1_observe": 100, "eel2_observe": 100])
        let trials = try task.batch(4000).trials
        let ones = trials.filter { $0.groundTruth == 1 }.count
        #expect((1880...2120).contains(ones))
        for level in CompetencyTask.defaultDifferences {
            #expect((700...900).contains(trials.filter { $0.difference == level }.count))
        }
        let means = trials.map { ($0.influences[0] + $0.influences[1]) / 2 }
        #expect(abs(means.reduce(0, +) / 4000 - 0.5) < 0.02)
    }

    /// The ideal observer (the task's own motion model, read from the observations):
    /// near chance at difference 0, nearly always right at 0.8, and better with the difference.
    @Test func idealObserverFollowsTheInfluenceDifference() throws {
        let task = try makeTask(seed: 7)
        var accuracy: [Double] = []
        for difference in [0.0, 0.03, 0.4, 0.8] {
            let batch = try task.batch(300, difference: difference)
            let (x, b) = (batch.inputs.scalars, 300)
            var (correct, error) = (0, 0.0)
            for (column, trial) in batch.trials.enumerated() {
                let s = (1...2).map { IdealObserver.influence(x, eel: $0, column: column, columns: b, steps: task.periodSteps[$0], dt: 20) }
                if (s[0] > s[1] ? 0 : 1) == trial.groundTruth { correct += 1 }
                if difference == 0.8 { error += abs(s[0] - trial.influences[0]) / 300 }
            }
            accuracy.append(Double(correct) / 300)
            #expect(error < 0.1)
            print("ideal observer, difference \(difference): accuracy \(accuracy.last ?? 0)")
        }
        #expect(abs(accuracy[0] - 0.5) < 0.1)
        #expect(accuracy[1] > 0.6)
        #expect(accuracy[3] > 0.97)
        #expect(accuracy[0] < accuracy[1] && accuracy[1] <= accuracy[2] && accuracy[2] <= accuracy[3])
    }

    @Test func sameSeedSameTrialsAndBatchesDrawAsNewTrialDoes() throws {
        let (a, b) = (try makeTask(seed: 3), try makeTask(seed: 3))
        let first = try a.newTrial()
        let again = try b.newTrial()
        #expect(first == again)
        #expect(a.observations == b.observations && a.labels == b.labels)
        try a.newTrial()
        #expect(a.observations != b.observations)
        let c = try makeTask(seed: 4)
        try c.newTrial()
        #expect(c.observations != b.observations)

        let sequential = try makeTask(seed: 9)
        let batch = try makeTask(seed: 9).batch(3)
        let x = batch.inputs.scalars
        for column in 0..<3 {
            let trial = try sequential.newTrial()
            #expect(batch.trials[column] == trial)
            for t in 0..<110 {
                let base = (t * 3 + column) * 53
                #expect(Array(x[base..<(base + 53)]) == Array(sequential.observations[(t * 53)..<((t + 1) * 53)]))
            }
        }
        #expect(batch.inputs.shape == [110, 3, 53] && batch.labels.shape == [110, 3] && batch.labels.dtype == .int64)
    }

    @Test func fixedGroundTruthAndDifference() throws {
        let task = try makeTask()
        let trial = try task.newTrial(groundTruth: 1, difference: 0.3)
        #expect(trial.groundTruth == 1 && trial.difference == 0.3 && trial.influences[1] > trial.influences[0])
        let batch = try task.batch(20, groundTruth: 0, difference: 0.5)
        #expect(batch.trials.allSatisfy { $0.groundTruth == 0 && $0.difference == 0.5 })
        #expect(Set(batch.labels.ints) == [0, 1])
    }

    @Test func datasetBatchesTheTask() throws {
        let dataset = try Dataset(try makeTask(), batchSize: 8, seqLen: 100)
        let (x, y) = try dataset()
        #expect(x.shape == [100, 8, 53])
        #expect(y.shape == [100, 8])
        #expect(Set(y.ints).isSubset(of: [0, 1, 2]))
    }

    @Test func eelStaysInTheArenaAtAnySpeed() throws {
        let task = try CompetencyTask(speed: 40, generator: Generator(seed: 1))
        try task.newTrial()
        for t in 5..<105 {
            #expect(task.observations[(t * 53 + 1)..<(t * 53 + 5)].allSatisfy { abs($0) <= 1 })
        }
    }

    @Test func refusals() throws {
        let generator = Generator(seed: 0)
        let cases: [(() throws -> Any, String)] = [
            ({ try CompetencyTask(dt: 0, generator: generator) }, "CompetencyTask: dt must be a positive finite number, got 0.0"),
            ({ try CompetencyTask(timing: ["stimulus": 10], generator: generator) },
             "CompetencyTask: unknown period 'stimulus' in timing (periods: fixation, eel1_observe, eel2_observe, decision)"),
            ({ try CompetencyTask(timing: ["decision": -1], generator: generator) },
             "CompetencyTask: the duration of 'decision' must be a non-negative number, got -1.0"),
            ({ try CompetencyTask(differences: [], generator: generator) }, "CompetencyTask: differences must not be empty"),
            ({ try CompetencyTask(differences: [0.2, 1.5], generator: generator) },
             "CompetencyTask: every influence difference must lie in [0, 1], got 1.5"),
            ({ try CompetencyTask(wiggle: -0.1, generator: generator) }, "CompetencyTask: wiggle must be finite and not negative, got -0.1"),
            ({ try CompetencyTask(speed: .infinity, generator: generator) }, "CompetencyTask: speed must be finite and not negative, got inf"),
            ({ try CompetencyTask(timing: ["eel1_observe": 1e9], generator: generator) },
             "CompetencyTask: a trial of 50000060.0 steps is too long (at most 1,000,000; check dt and timing)"),
            ({ try CompetencyTask(generator: generator).newTrial(groundTruth: 2) }, "CompetencyTask: ground_truth must be 0 or 1, got 2"),
            ({ try CompetencyTask(generator: generator).batch(2, difference: -0.1) }, "CompetencyTask: difference must lie in [0, 1], got -0.1"),
            ({ try CompetencyTask(generator: generator).batch(0) }, "CompetencyTask: the batch size must be positive, got 0"),
        ]
        for (make, message) in cases {
            #expect(throws: TaskError(message)) { _ = try make() }
        }
        let huge = #expect(throws: TaskError.self) { _ = try CompetencyTask(generator: generator).batch(1 << 40) }
        #expect(huge?.message.hasPrefix("CompetencyTask: a batch of shape (110, 1099511627776, 53) would have more than the limit") == true)
    }
}
