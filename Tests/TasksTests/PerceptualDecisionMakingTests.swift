import Foundation
import Tasks
import Testing
import Tensor

/// specs/tasks.md §1.7: statistics of 1,000 trials of PerceptualDecisionMaking with
/// dt = 20 and a 1000 ms stimulus, within sampling tolerance.
@Suite struct PerceptualDecisionMakingTests {
    func makeTask(_ cue: PerceptualDecisionMaking.FixationCue = .fixationPeriod, seed: UInt64 = 0) throws
        -> PerceptualDecisionMaking
    {
        try PerceptualDecisionMaking(dt: 20, timing: ["stimulus": 1000], fixationCue: cue, generator: Generator(seed: seed))
    }

    @Test func periodsAndTrialLength() throws {
        let env = try makeTask()
        #expect(env.trialLength == 60)
        #expect(env.periodSteps == [0..<5, 5..<55, 55..<55, 55..<60])
        #expect(abs(env.noiseStd - 0.2236068) < 1e-6)
        let dt100 = try PerceptualDecisionMaking(generator: Generator(seed: 1))
        #expect(dt100.trialLength == 22)
        let yang = try PerceptualDecisionMaking(dt: 20, generator: Generator(seed: 1))
        #expect(yang.trialLength == 110)
        try env.newTrial()
        #expect(try env.ob().shape == [60, 3])
        #expect(try env.gt().shape == [60])
        #expect(try env.gt().dtype == .int64)
    }

    @Test func statisticsOfAThousandTrials() throws {
        let env = try makeTask()
        var sums: [String: (ch1: Double, ch2: Double, n: Int)] = [:]
        var deviations: [Double] = []
        var labelCounts = [0, 0, 0]
        var truthCounts = [0, 0]
        var cohCounts: [Double: Int] = [:]
        for _ in 0..<1000 {
            let trial = try env.newTrial()
            truthCounts[trial.groundTruth] += 1
            cohCounts[trial.coherence, default: 0] += 1
            let (ob, gt) = (env.observations, env.labels)
            #expect(gt.count == 60)
            for label in gt { labelCounts[Int(label)] += 1 }
            let key = "\(trial.groundTruth)/\(trial.coherence)"
            let sign = trial.groundTruth == 0 ? 1.0 : -1.0
            let mean1 = 0.5 + sign * trial.coherence / 200
            for t in 0..<60 {
                let row = (Double(ob[t * 3]), Double(ob[t * 3 + 1]), Double(ob[t * 3 + 2]))
                if t < 5 { #expect(row == (1, 0, 0)) }
                if t >= 55 { #expect(row == (0, 0, 0)) }
                if (5..<55).contains(t) {
                    #expect(row.0 == 0)
                    var s = sums[key] ?? (0, 0, 0)
                    s = (s.ch1 + row.1, s.ch2 + row.2, s.n + 1)
                    sums[key] = s
                    deviations.append(row.1 - mean1)
                    deviations.append(row.2 - (1 - mean1))
                }
            }
            #expect(gt[..<55].allSatisfy { $0 == 0 } && gt[55...].allSatisfy { Int($0) == trial.groundTruth + 1 })
        }
        for (key, s) in sums {
            let parts = key.split(separator: "/")
            let (truth, coh) = (Double(parts[0]) ?? 0, Double(parts[1]) ?? 0)
            let mean1 = 0.5 + (truth == 0 ? 1 : -1) * coh / 200
            // About 100 trials × 50 steps per cell: standard error ≈ 0.2236/√5000 ≈ 0.003.
            #expect(abs(s.ch1 / Double(s.n) - mean1) < 0.015, "\(key) channel 1")
            #expect(abs(s.ch2 / Double(s.n) - (1 - mean1)) < 0.015, "\(key) channel 2")
        }
        #expect(sums.count == 10)
        let std = (deviations.map { $0 * $0 }.reduce(0, +) / Double(deviations.count)).squareRoot()
        #expect(abs(std - 0.2236) < 0.003)
        let total = Double(labelCounts.reduce(0, +))
        #expect(abs(Double(labelCounts[0]) / total - 55.0 / 60) < 1e-9)
        #expect(abs(Double(labelCounts[1]) / total - 0.0417) < 0.01)
        #expect(abs(Double(labelCounts[2]) / total - 0.0417) < 0.01)
        #expect(abs(Double(truthCounts[0]) / 1000 - 0.5) < 0.05)
        #expect(cohCounts.count == 5 && cohCounts.values.allSatisfy { abs(Double($0) / 1000 - 0.2) < 0.04 })
    }

    @Test func legacyFixationStaysOnUntilTheDecision() throws {
        let env = try makeTask(.untilDecision)
        try env.newTrial()
        let ob = env.observations
        #expect((0..<55).allSatisfy { ob[$0 * 3] == 1 })
        #expect((55..<60).allSatisfy { ob[$0 * 3] == 0 })
    }

    @Test func badArgumentsAreErrors() throws {
        #expect(throws: TaskError.self) { try PerceptualDecisionMaking(timing: ["stimulis": 100], generator: Generator(seed: 1)) }
        #expect(throws: TaskError.self) { try PerceptualDecisionMaking(dt: 0, generator: Generator(seed: 1)) }
        #expect(throws: TaskError.self) { try PerceptualDecisionMaking(dt: 1e-300, generator: Generator(seed: 1)) }
        #expect(throws: TaskError.self) { try makeTask().newTrial(groundTruth: 2) }
    }

    @Test func sameSeedSameTrials() throws {
        let (a, b) = (try makeTask(seed: 5), try makeTask(seed: 5))
        for _ in 0..<3 {
            #expect(try a.newTrial() == b.newTrial())
            #expect(a.observations == b.observations)
        }
    }
}
