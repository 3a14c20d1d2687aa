import Neural
import Testing
import Tensor

/// The first three updates of each optimizer on L(θ) = ½ Σ wᵢ θᵢ², w = (1, 2, 3),
/// θ₀ = (1, −2, 0.5), against values computed by hand from PyTorch's documented update
/// rules (in double precision).
@Suite struct OptimizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: [[Float]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "SGD momentum 0.9", expected: [[0.9, -1.6, 0.35], [0.72, -0.92, 0.11], [0.486, -0.124, -0.139]]),
        Case(
            name: "SGD momentum 0.9, weight decay 0.01",
            expected: [[0.899, -1.598, 0.3495], [0.717301, -0.915002, 0.1088505], [0.4813245, -0.1163884, -0.1404981]]),
        Case(
            name: "Adam weight decay 0.1",
            expected: [[0.9, -1.9, 0.4], [0.8004122, -1.8001665, 0.3011874], [0.7015863, -1.7006234, 0.2048713]]),
        Case(
            name: "AdamW weight decay 0.1",
            expected: [[0.89, -1.88, 0.395], [0.7815719, -1.761409, 0.2923387], [0.6751012, -1.6443687, 0.1934156]]),
    ]

    func optimizer(_ name: String, _ theta: Tensor) throws -> any Optimizer {
        switch name {
        case "SGD momentum 0.9": try SGD([theta], lr: 0.1, momentum: 0.9)
        case "SGD momentum 0.9, weight decay 0.01": try SGD([theta], lr: 0.1, momentum: 0.9, weightDecay: 0.01)
        case "Adam weight decay 0.1": try Adam([theta], lr: 0.1, weightDecay: 0.1)
        default: try Adam.adamW([theta], lr: 0.1, weightDecay: 0.1)
        }
    }

    @Test(arguments: cases)
    func firstThreeUpdates(_ c: Case) throws {
        let theta = try Tensor([1, -2, 0.5]).requiresGrad_()
        let w = try Tensor([1, 2, 3])
        let opt = try optimizer(c.name, theta)
        for expected in c.expected {
            opt.zeroGrad()
            try theta.mul(theta).mul(w).sum().mul(0.5).backward()
            try opt.step()
            for (a, b) in zip(theta.scalars, expected) {
                #expect(abs(a - b) <= 2e-6 * max(1, abs(b)), "\(c.name): \(theta.scalars) vs \(expected)")
            }
        }
    }

    @Test func parametersWithoutGradientsAreLeftAlone() throws {
        let a = try Tensor([1, 2]).requiresGrad_()
        let b = try Tensor([3, 4]).requiresGrad_()
        let opt = try Adam([a, b], lr: 0.1)
        try a.sum().backward()
        try opt.step()
        #expect(b.scalars == [3, 4])
        #expect(a.scalars != [1, 2])
    }

    @Test func clipGradNormScalesToTheLimit() throws {
        let a = try Tensor([3, 4]).requiresGrad_()
        try a.mul(a).mul(0.5).sum().backward()
        let norm = try Tensor.clipGradNorm([a], maxNorm: 1)
        #expect(norm == 5)
        let g = try #require(a.grad).scalars
        #expect(abs(g[0] - 0.6) < 1e-5 && abs(g[1] - 0.8) < 1e-5)
    }

    @Test func badHyperParametersAreErrors() throws {
        let a = try Tensor([1]).requiresGrad_()
        #expect(throws: NeuralError.self) { try SGD([a], lr: -1) }
        #expect(throws: NeuralError.self) { try Adam([a], betas: (1.0, 0.9)) }
        #expect(throws: NeuralError.self) { try Adam([], lr: 0.1) }
        #expect(throws: NeuralError.self) { try SGD([a, a], lr: 0.1) }
    }
}
