import Neural
import Tensor
import Testing
@testable import Analysis

/// F(x) = A x + b: one fixed point, (I − A)⁻¹ b, with the eigenvalues of A.
@Test func linearMapHasItsAlgebraicFixedPoint() throws {
    let a = try Tensor([[0.5, 0.2], [-0.3, 0.8]])
    let b = try Tensor([1.0, -0.5])
    let map: StateMap = { x, _ in try x.matmul(a.transpose(0, 1)).add(b) }
    let initial = try Tensor.randn([16, 2], generator: Generator(seed: 3))
    var finder = FixedPointFinder()
    finder.learningRate = 0.1
    let points = try finder.find(map, initialStates: initial, inputs: try Tensor.zeros([1, 1]))
    #expect(points.count == 1)
    expectClose(points.xstar.values, [0.625, -3.4375], 1e-3)
    #expect(points.qstar[0] < 1e-8)
    let eigen = points.eigenvalues[0]
    expectClose(eigen.map(\.re), [0.65, 0.65], 1e-6)
    expectClose(eigen.map(\.im), [0.19364916731037082, -0.19364916731037082], 1e-6)
    expectClose(points.jacobians[0].values, [0.5, 0.2, -0.3, 0.8], 1e-6)
    #expect(points.isStable == [true])
}

/// h ← tanh(w h): for w < 1 only 0 (stable); for w > 1 also ±x* with x* = tanh(w x*),
/// stable, while 0 becomes unstable (slope w).
func tanhMap(_ w: Float) -> StateMap {
    { x, _ in try x.mul(w).tanh() }
}

@Test func oneDimensionalTanhBelowOneHasOnlyTheOrigin() throws {
    let initial = try Tensor((0..<21).map { Float($0) / 10 - 1 }, shape: [21, 1])
    var finder = FixedPointFinder()
    finder.learningRate = 0.05
    finder.tolUnique = 1e-2
    let points = try finder.find(tanhMap(0.5), initialStates: initial, inputs: try Tensor.zeros([1, 1]))
    #expect(points.count == 1)
    #expect(abs(points.xstar[0, 0]) < 1e-2)
    #expect(points.isStable == [true])
    expectClose([points.eigenvalues[0][0].re], [0.5], 1e-3)
}

@Test func oneDimensionalTanhAboveOneHasThreePoints() throws {
    // x* = tanh(2 x*) at x* ≈ 0.9575040240772687; slope there 2(1 − x*²) ≈ 0.16640.
    let initial = try Tensor([-1.5, -1.0, -0.6, -0.3, -0.01, 0.0, 0.01, 0.3, 0.6, 1.0, 1.5], shape: [11, 1])
    var finder = FixedPointFinder()
    finder.learningRate = 0.01
    finder.tolUnique = 1e-2
    finder.maxIterations = 4000
    let points = try finder.find(tanhMap(2), initialStates: initial, inputs: try Tensor.zeros([1, 1]))
    let order = (0..<points.count).sorted { points.xstar[$0, 0] < points.xstar[$1, 0] }
    expectClose(order.map { points.xstar[$0, 0] }, [-0.9575040240772687, 0, 0.9575040240772687], 1e-3)
    #expect(order.map { points.isStable[$0] } == [true, false, true])
    expectClose([points.eigenvalues[order[1]][0].re], [2], 1e-3)
    expectClose([points.eigenvalues[order[2]][0].re], [2 * (1 - 0.9575040240772687 * 0.9575040240772687)], 1e-3)
}

@Test func sameSeedGivesTheSameBytes() throws {
    func run() throws -> FixedPoints {
        let layer = try RNN(2, 4, nonlinearity: .tanh, generator: Generator(seed: 11))
        let initial = try Tensor.randn([8, 4], generator: Generator(seed: 5))
        var finder = FixedPointFinder()
        finder.maxIterations = 300
        finder.learningRate = 0.05
        return try finder.find(try FixedPointFinder.stateMap(of: layer), initialStates: initial, inputs: try Tensor.zeros([2]))
    }
    let (a, b) = (try run(), try run())
    #expect(a.xstar == b.xstar)
    #expect(a.qstar == b.qstar)
    #expect(a.iterations == b.iterations)
}

@Test func layerMapsLeaveWeightGradientsAloneAndLSTMStatesAreJoined() throws {
    let gen = Generator(seed: 1)
    let lstm = try LSTM(1, 3, generator: gen)
    var finder = FixedPointFinder()
    finder.maxIterations = 50
    let initial = try Tensor.zeros([4, FixedPointFinder.stateSize(of: lstm)])
    let points = try finder.find(try FixedPointFinder.stateMap(of: lstm), initialStates: initial, inputs: try Tensor.zeros([1]))
    #expect(points.xstar.columns == 6)
    #expect(lstm.parameters().allSatisfy { $0.grad == nil })
    #expect(throws: AnalysisError.self) {
        try finder.find({ x, _ in try x.sum(dim: 1) }, initialStates: initial, inputs: try Tensor.zeros([1]))
    }
}
