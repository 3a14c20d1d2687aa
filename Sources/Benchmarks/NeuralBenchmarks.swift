import Foundation
import Neural
import Tasks
import Tensor

/// The neural benchmarks: milliseconds per training step on PerceptualDecisionMaking
/// (dt 20, stimulus 1000 ms), batch 16, seq_len 100, hidden 128, Adam, cross-entropy, data
/// generation included, for each built-in cell next to its goal from issue 5 (PyTorch on
/// this machine, one thread: fused nn.RNN 16–21 ms, nn.GRU ~50 ms, nn.LSTM ~24 ms).
func neuralBenchmarks() throws {
    let threads = BLAS.threadCount
    let cases: [(name: String, cell: RNNNet.Cell, goal: Double, step: Bool)] = [
        ("LeakyRNN-128", .leaky, 5, false),
        ("GRU-128", .gru, 50.0 / 3, false),
        ("LSTM-128", .lstm, 8, false),
        ("LeakyRNN-128, generic step path", .leaky, 38, true),
    ]
    for threadCount in Array(Set([1, threads])).sorted() {
        BLAS.setThreadCount(threadCount)
        print("training step, PDM batch 16 x seq 100, Adam, cross-entropy, data included (OpenBLAS threads: \(threadCount))")
        for c in cases {
            let ms = try trainingStepMilliseconds(cell: c.cell, genericStep: c.step)
            let verdict = ms <= c.goal ? "met" : "NOT met"
            print("  " + c.name.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: " %7.2f ms/step   goal <= %.1f ms: %@", ms, c.goal, verdict))
        }
    }
    BLAS.setThreadCount(1)
    print("where the time goes (OpenBLAS threads: 1): data | forward + loss | backward | Adam, ms")
    for (name, cell) in [("LeakyRNN-128", RNNNet.Cell.leaky), ("GRU-128", .gru), ("LSTM-128", .lstm)] {
        let parts = try stepBreakdown(cell: cell)
        print("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0)
              + String(format: " %6.2f | %6.2f | %6.2f | %6.2f", parts[0], parts[1], parts[2], parts[3]))
    }
    BLAS.setThreadCount(threads)
}

/// The best of five timings of 30 training steps, in ms per step.
private func trainingStepMilliseconds(cell: RNNNet.Cell, genericStep: Bool) throws -> Double {
    let generator = Generator(seed: 0)
    let env = try PerceptualDecisionMaking(dt: 20, timing: ["stimulus": 1000], generator: generator)
    let dataset = try Dataset(env, batchSize: 16, seqLen: 100)
    let step: StepFunction? = genericStep ? LeakyRNN.builtinStep(alpha: 0.2, activation: .relu) : nil
    let net = try RNNNet(3, 128, 3, cell: cell, dt: 20, step: step, generator: generator)
    let optimizer = try Adam(net.parameters(), lr: 0.01)
    let iterations = genericStep ? 5 : 30
    var best = Double.infinity
    for _ in 0..<5 {
        let seconds = try measure(iterations: iterations) {
            _ = try Trainer.train(net, batch: { let batch = try dataset.next(); return (batch.inputs, batch.labels) }, steps: 1, optimizer: optimizer)
        }
        best = min(best, seconds)
    }
    return best * 1000
}

/// Milliseconds per step spent drawing the batch, in forward + loss, in backward and in
/// the optimizer (best of five runs of 20 steps each).
private func stepBreakdown(cell: RNNNet.Cell) throws -> [Double] {
    let generator = Generator(seed: 0)
    let env = try PerceptualDecisionMaking(dt: 20, timing: ["stimulus": 1000], generator: generator)
    let dataset = try Dataset(env, batchSize: 16, seqLen: 100)
    let net = try RNNNet(3, 128, 3, cell: cell, dt: 20, generator: generator)
    let optimizer = try Adam(net.parameters(), lr: 0.01)
    var best = [Double](repeating: .infinity, count: 4)
    for _ in 0..<5 {
        var parts = [Double](repeating: 0, count: 4)
        for _ in 0..<20 {
            var clock = DispatchTime.now().uptimeNanoseconds
            func lap(_ i: Int) {
                let now = DispatchTime.now().uptimeNanoseconds
                parts[i] += Double(now - clock) / 1e6 / 20
                clock = now
            }
            let (x, y) = try dataset.next()
            lap(0)
            net.zeroGrad()
            let loss = try CrossEntropy.loss(net(x).output, y)
            lap(1)
            try loss.backward()
            lap(2)
            try optimizer.step()
            lap(3)
        }
        best = zip(best, parts).map { min($0, $1) }
    }
    return best
}
