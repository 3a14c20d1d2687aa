import Tasks
import Testing
import Tensor

/// The flip-flop's batch-first layout (CTDB's `generate_dataset`) and its CTDB settings.
@Suite struct FlipFlopLayoutTests {
    @Test func batchFirstHoldsTheSameTrialsAsTimeMajor() throws {
        let task = try NBitFlipFlop(bits: 3, steps: 12, switchProb: 0.2, generator: Generator(seed: 21))
        let twin = task.copy(generator: task.randomGenerator.copy())
        let timeMajor = try task.batch(5)
        let batchFirst = try twin.batch(5, batchFirst: true)
        #expect(batchFirst.inputs.shape == [5, 12, 3])
        for (a, b) in [(timeMajor.inputs, batchFirst.inputs), (timeMajor.targets, batchFirst.targets),
                       (timeMajor.trueInputs, batchFirst.trueInputs)] {
            #expect(try a.transpose(0, 1).scalars == b.scalars)
        }
    }

    @Test func ctdbSettingsAreKeptAndChecked() throws {
        let task = try NBitFlipFlop(transitionBlind: 2, dynamicNoise: 0.05, generator: Generator(seed: 1))
        #expect(task.transitionBlind == 2 && task.dynamicNoise == 0.05)
        let copy = task.copy(generator: Generator(seed: 2))
        #expect(copy.transitionBlind == 2 && copy.dynamicNoise == 0.05)
        #expect(throws: TaskError("NBitFlipFlop: transition_blind must not be negative, got -1")) {
            try NBitFlipFlop(transitionBlind: -1, generator: Generator(seed: 1))
        }
        #expect(throws: TaskError("NBitFlipFlop: dynamic_noise must be finite and not negative, got nan")) {
            try NBitFlipFlop(dynamicNoise: .nan, generator: Generator(seed: 1))
        }
    }
}
