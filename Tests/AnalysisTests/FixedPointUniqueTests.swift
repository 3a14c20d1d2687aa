import Neural
import Tensor
import Testing
@testable import Analysis

/// FPF's `get_unique` (merging within a tolerance, keeping the smallest q), subsets, and
/// the search at a fixed learning rate (CTDB's variant).
@Suite struct FixedPointUniqueTests {
    /// Five points in 2-D: a tight group of three near the origin, one at (1, 0), and one
    /// 0.05 from it.
    static var points: FixedPoints { FixedPoints(
        xstar: Matrix([[0, 0], [0.01, 0], [0, 0.02], [1, 0], [1.05, 0]]),
        inputs: Matrix([[0], [0], [0], [0], [0]]), qstar: [3e-6, 1e-6, 2e-6, 5e-7, 4e-7], iterations: 10,
        candidateCount: 5, jacobians: (0..<5).map { Matrix(rows: 2, columns: 2, values: [Double($0), 0, 0, 0.5]) },
        eigenvalues: (0..<5).map { [(re: Double($0) / 4, im: 0), (re: 0.1, im: 0)] }) }

    @Test func mergingKeepsTheSmallestQOfEachGroup() {
        #expect(FixedPoints.uniqueIndices(Self.points.xstar, Self.points.inputs, Self.points.qstar, tolerance: 1e-3) == [0, 1, 2, 3, 4])
        #expect(FixedPoints.uniqueIndices(Self.points.xstar, Self.points.inputs, Self.points.qstar, tolerance: 0.03) == [1, 3, 4])
        let merged = Self.points.unique(tolerance: 0.1)
        #expect(merged.count == 2)
        #expect(merged.xstar == Matrix([[0.01, 0], [1.05, 0]]))
        #expect(merged.qstar == [1e-6, 4e-7])
        #expect(merged.jacobians.map { $0[0, 0] } == [1, 4])
        #expect(merged.isStable == [true, false])
        #expect(merged.iterations == 10 && merged.candidateCount == 5)
    }

    @Test func inputsCountInTheDistance() {
        var far = Self.points
        far = FixedPoints(xstar: far.xstar, inputs: Matrix([[0], [1], [0], [0], [0]]), qstar: far.qstar,
                          iterations: 1, candidateCount: 5, jacobians: [], eigenvalues: [])
        #expect(FixedPoints.uniqueIndices(far.xstar, far.inputs, far.qstar, tolerance: 0.1) == [1, 2, 4])
        #expect(far.unique(tolerance: 0.1).jacobians.isEmpty)
    }

    @Test func subsetsFollowTheGivenOrder() {
        let picked = Self.points.subset([4, 0, 4])
        #expect(picked.xstar == Matrix([[1.05, 0], [0, 0], [1.05, 0]]))
        #expect(picked.qstar == [4e-7, 3e-6, 4e-7])
        #expect(picked.eigenvalues.map { $0[0].re } == [1, 0, 1])
        #expect(Self.points.subset([]).count == 0)
    }

    /// x ← 0.5 x from x = 1000: q = x²/8 falls by only ~2e-5 of itself per step, less than
    /// ReduceLROnPlateau's threshold (1e-4), so the plateau schedule shrinks the rate every
    /// third step; at a fixed rate Adam moves by lr every step (its first step is exactly lr).
    @Test func aFixedLearningRateIsKept() throws {
        let map: StateMap = { x, _ in try x.mul(0.5) }
        var finder = FixedPointFinder()
        finder.learningRate = 0.01
        finder.tolUnique = 0
        finder.computeJacobians = false
        finder.outlierDistanceScale = .infinity
        finder.tolDq = 0
        finder.maxIterations = 1
        finder.adaptiveLearningRate = false
        let one = try finder.find(map, initialStates: try Tensor([[1000.0], [-2.0]]), inputs: try Tensor.zeros([1]))
        expectClose(one.xstar.values, [999.99, -1.99], 1e-3)
        finder.maxIterations = 30
        let fixed = try finder.find(map, initialStates: try Tensor([[1000.0]]), inputs: try Tensor.zeros([1]))
        #expect(fixed.iterations == 30)
        expectClose(fixed.xstar.values, [999.7], 1e-3)
        finder.adaptiveLearningRate = true
        let adaptive = try finder.find(map, initialStates: try Tensor([[1000.0]]), inputs: try Tensor.zeros([1]))
        #expect(adaptive.xstar[0, 0] > 999.72)
    }
}
