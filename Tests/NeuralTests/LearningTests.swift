import Neural
import Tasks
import Testing
import Tensor

/// Small end-to-end trainings, each a few seconds in a debug build: the loss must fall
/// well below where it started.
@Suite struct LearningTests {
    /// The mean of the first and of the last `k` losses.
    func ends(_ losses: [Float], _ k: Int = 10) -> (first: Float, last: Float) {
        (losses.prefix(k).reduce(0, +) / Float(k), losses.suffix(k).reduce(0, +) / Float(k))
    }

    @Test func leakyRNNLearnsPerceptualDecisionMaking() throws {
        let generator = Generator(seed: 1)
        let env = try PerceptualDecisionMaking(dt: 20, timing: ["stimulus": 1000], generator: generator)
        let dataset = try Dataset(env, batchSize: 16, seqLen: 100)
        let net = try RNNNet(3, 32, 3, cell: .leaky, dt: 20, generator: generator)
        let opt = try Adam(net.parameters(), lr: 0.01)
        var reports = 0
        let log = try Trainer.train(
            net, batch: { let b = try dataset.next(); return (b.inputs, b.labels) }, steps: 150, optimizer: opt, loss: .crossEntropy, logEvery: 50
        ) { if $0.isLogStep { reports += 1 } }
        #expect(reports == 3)
        #expect(log.losses.count == 150)
        let (first, last) = ends(log.losses)
        #expect(last < 0.3 * first, "loss \(first) → \(last)")
    }

    @Test func gruLearnsTheThreeBitFlipFlop() throws {
        let generator = Generator(seed: 2)
        let task = try NBitFlipFlop(bits: 3, steps: 60, switchProb: 0.05, generator: generator)
        let net = try RNNNet(3, 32, 3, cell: .gru, generator: generator)
        let opt = try Adam(net.parameters(), lr: 0.02)
        let log = try Trainer.train(
            parameters: net.parameters(), batch: {
                let b = try task.batch(16)
                return (b.inputs, b.targets)
            }, steps: 250, optimizer: opt, clip: 1
        ) { x, y in try Losses.flipFlop(net(x).output, y) }
        let (first, last) = ends(log.losses)
        #expect(last < 0.25 * first, "loss \(first) → \(last)")
        // Bits read out within 0.5 of their state on the steps the loss counts.
        let test = try task.batch(64)
        let out = try withNoGrad { try net(test.inputs).output }
        let mask = try FlipFlopMask.mask(test.targets).scalars
        let (o, y) = (out.scalars, test.targets.scalars)
        let kept = mask.indices.filter { mask[$0] > 0 }
        let correct = kept.filter { abs(o[$0] - y[$0]) < 0.5 }.count
        #expect(Double(correct) / Double(kept.count) > 0.95, "accuracy \(Double(correct) / Double(kept.count))")
    }

    @Test func lstmValueRNNLearnsTheValueFunction() throws {
        let generator = Generator(seed: 3)
        let task = try PavlovTiming(generator: generator)
        let batches = try task.batches(size: 12)
        let lstm = try LSTM(3, 2, generator: generator)
        let opt = try Adam(lstm.parameters(), lr: 0.03)
        func value(_ x: Tensor) throws -> Tensor { try lstm(x).output.relu().sum(dim: 2) }
        var epochLosses: [Float] = []
        for _ in 0..<60 {
            var total: Float = 0
            for b in batches {
                opt.zeroGrad()
                let loss = try Losses.temporalDifference(values: value(b.inputs), rewards: b.rewards, lengths: b.lengths, gamma: 0.5)
                try loss.backward()
                try opt.step()
                total += try loss.item()
            }
            epochLosses.append(total / Float(batches.count))
        }
        let (first, last) = ends(epochLosses, 3)
        #expect(last < 0.5 * first, "loss \(first) → \(last)")
    }
}
