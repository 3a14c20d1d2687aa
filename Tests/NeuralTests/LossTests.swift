import Foundation
import Neural
import Testing
import Tensor
import EngineTestSupport

/// Values and finite-difference gradients of the losses.
@Suite struct LossTests {
    @Test func crossEntropyMatchesTheDefinitionAndItsGradient() throws {
        let logits = try Tensor([[1, 2, 3], [0, 0, 0]])
        let labels = try Tensor(ints: [2, 0])
        let loss = try CrossEntropy.loss(logits, labels).item()
        let expected = (-log(exp(3.0) / (exp(1.0) + exp(2.0) + exp(3.0))) + log(3.0)) / 2
        #expect(abs(Double(loss) - expected) < 1e-6)
        let x = try GradCheck.random([4, 3, 5])
        let y = try Tensor.randint(0, 5, [4, 3], generator: Generator(seed: 2))
        let mask = try Tensor.rand([4, 3], generator: Generator(seed: 3)).gt(0.3)
        try GradCheck.check([x]) { try CrossEntropy.loss(x, y, mask: mask) }
    }

    @Test func crossEntropyMaskAveragesOverKeptPositions() throws {
        let logits = try GradCheck.random([3, 2, 4])
        let labels = try Tensor(ints: [0, 1, 2, 3, 0, 1], shape: [3, 2])
        let mask = try Tensor(bools: [true, false, false, false, true, false], shape: [3, 2])
        let masked = try CrossEntropy.loss(logits, labels, mask: mask).item()
        let first = try CrossEntropy.loss(logits[0, 0].unsqueeze(0), Tensor(ints: [0])).item()
        let fifth = try CrossEntropy.loss(logits[2, 0].unsqueeze(0), Tensor(ints: [0])).item()
        #expect(abs(masked - (first + fifth) / 2) < 1e-6)
        #expect(throws: NeuralError.self) { try CrossEntropy.loss(logits, Tensor(ints: [0, 1, 2, 9, 0, 1], shape: [3, 2])) }
        #expect(throws: NeuralError.self) { try CrossEntropy.loss(logits, Tensor(ints: [0, 1])) }
    }

    @Test func mseWithAndWithoutMask() throws {
        let p = try GradCheck.random([3, 2, 2], seed: 4)
        let t = try GradCheck.random([3, 2, 2], seed: 5)
        let plain = try Losses.mse(p, t).item()
        let manual = zip(p.scalars, t.scalars).map { (a: Float, b: Float) -> Float in (a - b) * (a - b) }.reduce(0, +) / 12
        #expect(abs(plain - manual) < 1e-6)
        let mask = try Tensor([1, 0, 1, 1, 0, 0], shape: [3, 2])
        try GradCheck.check([p]) { try Losses.mse(p, t, mask: mask) }
        let masked = try Losses.mse(p, t, mask: mask).item()
        let kept = [0, 2, 3].flatMap { [2 * $0, 2 * $0 + 1] }
        let (ps, ts) = (p.scalars, t.scalars)
        var expected: Float = 0
        for i in kept { expected += (ps[i] - ts[i]) * (ps[i] - ts[i]) }
        expected /= 6
        #expect(abs(masked - expected) < 1e-6)
    }

    @Test func tdLossIsSemiGradient() throws {
        // Two sequences of lengths 4 and 3 padded to 4 steps.
        let v = try Tensor([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.0], shape: [4, 2])
        let r = try Tensor([0, 0, 0, 1, 1, 0, 0, 0], shape: [4, 2])
        let gamma: Float = 0.5
        let loss = try Losses.temporalDifference(values: v, rewards: r, lengths: [4, 3], gamma: gamma).item()
        let vs = v.scalars
        var sum: Float = 0
        for (t, i) in [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1)] {
            let delta = r.scalars[(t + 1) * 2 + i] + gamma * vs[(t + 1) * 2 + i] - vs[t * 2 + i]
            sum += delta * delta
        }
        #expect(abs(loss - sum / 7) < 1e-6)
        try v.requiresGrad_()
        try Losses.temporalDifference(values: v, rewards: r, lengths: [4, 3], gamma: gamma).backward()
        // Semi-gradient: dL/dV(t) = −2δ(t)/Σl only through V(t); V(3, 0) is never a prediction.
        let grad = try #require(v.grad).scalars
        let delta00 = 0 + gamma * vs[2] - vs[0]
        #expect(abs(grad[0] - (-2 * delta00 / 7)) < 1e-6)
        #expect(grad[6] == 0)
        #expect(grad[7] == 0)
    }

    @Test func flipFlopMaskBlindsFourStepsAfterATransition() throws {
        var target = [Float](repeating: 0, count: 20)
        for t in 10..<20 { target[t] = 1 }
        let mask = try FlipFlopMask.mask(Tensor(target, shape: [20, 1, 1])).scalars
        let expected: [Float] = (0..<20).map { t in t < 5 || (11...14).contains(t) ? 0 : 1 }
        #expect(mask == expected)
        let p = try GradCheck.random([20, 1, 1], seed: 8)
        let y = try Tensor(target, shape: [20, 1, 1])
        try GradCheck.check([p]) { try Losses.flipFlop(p, y) }
        let loss = try Losses.flipFlop(p, y).item()
        let ps = p.scalars
        var manual: Float = 0
        for t in 0..<20 { manual += mask[t] * (ps[t] - target[t]) * (ps[t] - target[t]) }
        manual /= 20
        #expect(abs(loss - manual) < 1e-6)
    }
}
