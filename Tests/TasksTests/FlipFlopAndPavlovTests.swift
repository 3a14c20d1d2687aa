import Foundation
import Tasks
import Testing
import Tensor

/// specs/tasks.md §2.1 (N-bit flip-flop statistics) and §3.1 (Pavlovian timing trials).
@Suite struct FlipFlopAndPavlovTests {
    @Test(arguments: [(0.01, 9.94, 0.450, 0.951), (0.015, 14.9, 0.464, 0.932)])
    func flipFlopStatistics(p: Double, pulsesPerBit: Double, ones: Double, kept: Double) throws {
        let task = try NBitFlipFlop(switchProb: p, generator: Generator(seed: 4))
        let batch = try task.batch(400)
        let (pulses, targets) = (batch.trueInputs.scalars, batch.targets.scalars)
        let nonzero = Double(pulses.filter { $0 != 0 }.count)
        #expect(abs(nonzero / (400 * 3) - pulsesPerBit) < 0.4)
        #expect(abs(Double(targets.filter { $0 == 1 }.count) / Double(targets.count) - ones) < 0.03)
        // No pulses in the first 3 steps; targets follow the pulses at the pulse step.
        #expect(pulses[0..<(3 * 400 * 3)].allSatisfy { $0 == 0 })
        for i in 0..<pulses.count where pulses[i] != 0 {
            #expect(targets[i] == (pulses[i] > 0 ? 1 : 0))
        }
        // Noise on every step: std 0.15 around the pulses.
        let noise = zip(batch.inputs.scalars, pulses).map { Double($0 - $1) }
        let std = (noise.map { $0 * $0 }.reduce(0, +) / Double(noise.count)).squareRoot()
        #expect(abs(std - 0.15) < 0.002)
        // Transition-blind mask: 5 warm-up steps plus 4 per state change are dropped.
        var masked = 0
        let (steps, width) = (500, 400 * 3)
        for column in 0..<width {
            var blind = -1
            for t in 0..<steps {
                let i = t * width + column
                if t < 5 || t <= blind { masked += 1 }
                if t > 0 && targets[i] != targets[i - width] { blind = t + 4 }
            }
        }
        #expect(abs(1 - Double(masked) / Double(targets.count) - kept) < 0.005)
    }

    @Test func pavlovTrialsAlternateCuesWithGeometricITIs() throws {
        let task = try PavlovTiming(generator: Generator(seed: 1))
        #expect(task.trials.count == 100)
        #expect(task.trials.map(\.cue) == (0..<100).map { $0 % 2 })
        #expect(task.trials.allSatisfy { $0.isi == 10 + 5 * $0.cue && $0.iti >= 1 })
        let big = try PavlovTiming(trialsPerCue: 5000, generator: Generator(seed: 2))
        let meanITI = Double(big.trials.map(\.iti).reduce(0, +)) / Double(big.trials.count)
        #expect(abs(meanITI - 2) < 0.05)
        let batches = try task.batches(size: 12)
        #expect(batches.count == 9)
        #expect(batches.last?.lengths.count == 4)
        let first = try #require(batches.first)
        let trial = task.trials[0]
        let longest = first.lengths.max() ?? 0
        #expect(first.inputs.shape == [longest, 12, 3])
        #expect(first.rewards.shape == [longest, 12])
        let x = first.inputs.scalars
        #expect(x[(trial.iti * 12) * 3 + trial.cue] == 1)
        #expect(x[(trial.rewardStep * 12) * 3 + 2] == 1)
        #expect(first.rewards.scalars[trial.rewardStep * 12] == 1)
        #expect(first.rewards.scalars.reduce(0, +) == 12)
        let value = PavlovTiming.trueValue(trial, gamma: 0.5)
        #expect(value[trial.iti] == pow(0.5, Double(trial.isi - 1)))
        #expect(value[trial.rewardStep] == 0)
    }

    @Test func aCopyOnATwinGeneratorDrawsTheSameTrials() throws {
        let generator = Generator(seed: 9)
        let task = try NBitFlipFlop(bits: 2, steps: 20, generator: generator)
        let twin = task.copy(generator: generator.copy())
        #expect(twin.bits == 2 && twin.steps == 20 && twin.randomGenerator !== generator)
        #expect(try task.batch(3).inputs.scalars == twin.batch(3).inputs.scalars)
    }

    @Test func batchesBeyondTheTensorLimitAndForeignTrialsAreRefused() throws {
        let flipFlop = try NBitFlipFlop(bits: 1000, steps: 1000, generator: Generator(seed: 1))
        #expect(throws: TaskError("NBitFlipFlop: a batch of shape (1000, 20, 1000) would have more than the limit of 1000000 elements per tensor")) {
            try TensorBudget(maxElements: 1_000_000).run { try flipFlop.batch(20) }
        }
        #expect(throws: TaskError("PavlovTiming: cues × trials_per_cue must be at most 1000000 trials, got 1001 × 1000")) {
            try PavlovTiming(cues: 1001, trialsPerCue: 1000, generator: Generator(seed: 1))
        }
        let two = try PavlovTiming(generator: Generator(seed: 1))
        let three = try PavlovTiming(cues: 3, trialsPerCue: 1, generator: Generator(seed: 1))
        #expect(throws: TaskError("PavlovTiming: a trial with cue 2 does not belong to a task with 2 cues")) {
            try two.batch([three.trials[2]])
        }
    }
}
