import Foundation
import Testing
@testable import Tensor
import EngineTestSupport

/// Finite-difference checks of the functions added for the labs: trigonometry and
/// logarithms, atan2, maximum/minimum at ties, scans and products, and the value-picking
/// operations (sort, topk, median, quantile, gather, flip, roll, split).
@Suite struct MathGradientTests {
    /// Inputs inside each function's domain, away from its singularities.
    static func input(for function: ElementwiseFunction) throws -> Tensor {
        switch function {
        case .asin, .acos: try Tensor.rand([3, 4], low: -0.7, high: 0.7, generator: Generator(seed: 3))
        case .log10, .log2, .log1p, .reciprocal: try GradCheck.positive([3, 4])
        case .tan: try GradCheck.random([3, 4], scale: 0.4)
        default: try GradCheck.random([3, 4])
        }
    }

    @Test(arguments: ElementwiseFunction.allCases) func elementwise(_ function: ElementwiseFunction) throws {
        try GradCheck.check([Self.input(for: function)]) { try $0[0].apply(function) }
    }

    @Test func valuesMatchTheCLibrary() throws {
        let x = try Tensor([0.25, -0.5, 0.75])
        for function in ElementwiseFunction.allCases {
            let y = try x.apply(function).scalars
            let expected: [Double] = [0.25, -0.5, 0.75].map { (v: Double) -> Double in
                switch function {
                case .sin: sin(v)
                case .cos: cos(v)
                case .tan: tan(v)
                case .asin: asin(v)
                case .acos: acos(v)
                case .atan: atan(v)
                case .sinh: sinh(v)
                case .cosh: cosh(v)
                case .log10: log10(v)
                case .log2: log2(v)
                case .log1p: log1p(v)
                case .expm1: expm1(v)
                case .square: v * v
                case .reciprocal: 1 / v
                case .softplus: log(1 + exp(v))
                }
            }
            for (a, b) in zip(y, expected) where !(a.isNaN && b.isNaN) {
                #expect(abs(Double(a) - b) < 1e-6, "\(function)")
            }
        }
        #expect(try Tensor([1000, -1000]).apply(.softplus).scalars == [1000, 0])
    }

    @Test(arguments: broadcastPairs) func atan2(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.random(p.a, seed: 1), GradCheck.positive(p.b, seed: 2)]) { try $0[0].atan2($0[1]) }
        let angles = try Tensor([1, 1, -1, 0]).atan2(Tensor([1, -1, 0, -1])).scalars
        #expect(zip(angles, [Float.pi / 4, 3 * .pi / 4, -.pi / 2, .pi]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func maximumAndMinimumShareTheGradientAtTies() throws {
        let a = try Tensor([1, 2, 3]).requiresGrad_()
        let b = try Tensor([3, 2, 1]).requiresGrad_()
        try a.maximum(b).add(a.minimum(b).mul(10)).sum().backward()
        #expect(a.grad?.scalars == [10, 5.5, 1])
        #expect(b.grad?.scalars == [1, 5.5, 10])
        #expect(try Tensor([1, .nan]).maximum(Tensor([.nan, 0])).scalars.allSatisfy(\.isNaN))
        #expect(try Tensor([1, .nan]).minimum(Tensor([0, 2])).scalars[1].isNaN)
    }

    @Test func scansAndProducts() throws {
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].cumsum(dim: 1) }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].cumsum(dim: 0) }
        // Exact zeros: the product rule, not a division by the input.
        let withZeros = try Tensor([0.5, 0, 2, -1, 0, 0.3, 1.5, 2], shape: [2, 4])
        try GradCheck.check([withZeros]) { try $0[0].cumprod(dim: 1) }
        try GradCheck.check([Tensor([0.5, 0, 2, -1, 0, 0.3, 1.5, 2], shape: [2, 4])]) { try $0[0].prod(dim: 1) }
        try GradCheck.check([Tensor([0.5, 0, 2, -1, 0, 0.3, 1.5, 2], shape: [2, 4])]) { try $0[0].prod(dim: 0, keepdim: true) }
        try GradCheck.check([GradCheck.random([2, 3])]) { try $0[0].prod() }
        try GradCheck.check([GradCheck.random([3, 5])]) { try $0[0].diff(n: 2, dim: 1) }
        #expect(try Tensor([1, 2, 3, 4]).cumprod(dim: 0).scalars == [1, 2, 6, 24])
        #expect(try Tensor(ints: [1, 2, 3]).cumsum(dim: 0).dtype == .int64)
        #expect(try Tensor([1, 4, 9, 16]).diff(n: 2).scalars == [2, 2])
        #expect(try Tensor([2, 3, 4], shape: [3]).prod().item() == 24)
    }

    @Test func reorderingAndPicking() throws {
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].flip([0, 1]) }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].roll([1, -2], dims: [0, 1]) }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].roll([5]) }
        let index = try Tensor(ints: [0, 3, 3, 1, 2, 2], shape: [3, 2])
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].gather(dim: 1, index: index) }
        try GradCheck.check([GradCheck.random([4, 3])]) { x in
            let parts = try x[0].split(sizes: [1, 3], dim: 0)
            return try parts[0].sum().add(parts[1].mul(2).sum())
        }
        try GradCheck.check([GradCheck.random([5, 2])]) { try Tensor.stack($0[0].chunk(3, dim: 0).map { try $0.sum() }) }
        #expect(try Tensor([1, 2, 3, 4, 5]).chunk(3).map(\.shape) == [[2], [2], [1]])
        #expect(try Tensor([1, 2, 3, 4, 5]).roll([2]).scalars == [4, 5, 1, 2, 3])
        #expect(throws: TensorError.self) { try Tensor([1, 2, 3]).split(sizes: [1, 1]) }
        #expect(throws: TensorError.self) { try Tensor([1, 2, 3]).split(sizes: [Int.max, Int.max, 2]) }
        #expect(try Tensor([1, 2, 3]).split(size: Int.max).count == 1)
        #expect(try Tensor([1, 2, 3]).chunk(Int.max).count == 3)
        #expect(try Tensor([1, 2, 3]).roll([Int.min]).scalars == [3, 1, 2])
        #expect(throws: TensorError.self) { try Tensor([1, 2, 3]).gather(dim: 0, index: Tensor(ints: [3])) }
    }

    @Test func orderStatistics() throws {
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].sort(dim: 1, descending: true).values }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].topk(2, dim: 0).values }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].median(dim: 1).values }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].median() }
        try GradCheck.check([GradCheck.distinct([3, 5])]) { try $0[0].quantile([0.1, 0.5, 0.9], qIsTensor: true, dim: 1) }
        try GradCheck.check([GradCheck.distinct([6])]) { try $0[0].quantile([0.3], qIsTensor: false, interpolation: "midpoint") }
        // median() at a tie shares the gradient between the tied elements.
        let tied = try Tensor([1, 2, 2, 3]).requiresGrad_()
        try tied.median().backward()
        #expect(tied.grad?.scalars == [0, 0.5, 0.5, 0])
    }

    @Test func sortingPutsNaNLastAndIsStable() throws {
        let x = try Tensor([3, .nan, 1, 3, -1])
        let (values, indices) = try x.sort()
        #expect(values.scalars.prefix(4) == [-1, 1, 3, 3] && values.scalars[4].isNaN)
        #expect(indices.ints == [4, 2, 0, 3, 1])
        #expect(try x.argsort(descending: true).ints == [1, 0, 3, 2, 4])
        #expect(try x.median().item().isNaN)
        #expect(try Tensor([4, 1, 3, 2]).median().item() == 2)
    }

    @Test func norms() throws {
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].norm() }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].norm(p: 2, dims: [1], keepdim: true) }
        try GradCheck.check([GradCheck.awayFromZero([3, 4])]) { try $0[0].norm(p: 1, dims: [0]) }
        try GradCheck.check([GradCheck.awayFromZero([3, 4])]) { try $0[0].norm(p: 3, dims: [1]) }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].norm(p: .infinity, dims: [1]) }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].amin(dims: [0]) }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].matrixNorm(ord: "1") }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].matrixNorm(ord: "-inf") }
        // The 2-norm's gradient at the zero vector is 0, as in PyTorch.
        let zero = try Tensor.zeros([3]).requiresGrad_()
        try zero.norm().backward()
        #expect(zero.grad?.scalars == [0, 0, 0])
        let m = try Tensor([[1, -2], [3, 4]])
        #expect(try m.matrixNorm(ord: "1").item() == 6)
        #expect(try m.matrixNorm(ord: "inf").item() == 7)
        #expect(try m.norm(p: 0).item() == 4)
        #expect(throws: TensorError.self) { try m.matrixNorm(ord: "nuc") }
    }

    @Test func nonzeroAndNormal() throws {
        let x = try Tensor([[0, 1, 0], [2, 0, 3]])
        #expect(try x.nonzero().ints == [0, 1, 1, 0, 1, 2])
        #expect(try x.nonzeroTuple().map(\.ints) == [[0, 1, 1], [1, 0, 2]])
        let samples = try Tensor.normal(mean: Tensor([10, -10]), std: Tensor([0, 0]), generator: Generator(seed: 1))
        #expect(samples.scalars == [10, -10])
        #expect(throws: TensorError.self) { try Tensor.normal(mean: Tensor([0]), std: Tensor([-1]), generator: Generator(seed: 1)) }
    }
}
