import Testing
@testable import Tensor
import EngineTestSupport

/// A pair of operand shapes for a broadcasting test.
struct ShapePair: Sendable, CustomTestStringConvertible {
    let a: [Int]
    let b: [Int]
    var testDescription: String { "\(describeShape(a)) with \(describeShape(b))" }
}

/// Every rank combination of broadcasting the engine supports, both ways round.
let broadcastPairs: [ShapePair] = [
    ShapePair(a: [3, 4], b: [3, 4]), ShapePair(a: [3, 4], b: [4]), ShapePair(a: [4], b: [3, 4]),
    ShapePair(a: [3, 1], b: [1, 4]), ShapePair(a: [2, 3, 4], b: [3, 1]), ShapePair(a: [3, 1], b: [2, 3, 4]),
    ShapePair(a: [2, 3], b: []), ShapePair(a: [], b: [2, 3]), ShapePair(a: [], b: []),
    ShapePair(a: [2, 1, 4], b: [3, 1]), ShapePair(a: [1], b: [3]), ShapePair(a: [2, 3, 4], b: [2, 1, 4]),
    ShapePair(a: [2, 1, 3, 1], b: [2, 1, 4]), ShapePair(a: [1, 1], b: [3]),
]

@Suite struct ElementwiseGradientTests {
    @Test(arguments: broadcastPairs) func add(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.random(p.a, seed: 1), GradCheck.random(p.b, seed: 2)]) { try $0[0] + $0[1] }
    }

    @Test(arguments: broadcastPairs) func sub(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.random(p.a, seed: 3), GradCheck.random(p.b, seed: 4)]) { try $0[0] - $0[1] }
    }

    @Test(arguments: broadcastPairs) func mul(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.random(p.a, seed: 5), GradCheck.random(p.b, seed: 6)]) { try $0[0] * $0[1] }
    }

    @Test(arguments: broadcastPairs) func div(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.random(p.a, seed: 7), GradCheck.positive(p.b, seed: 8)]) { try $0[0] / $0[1] }
    }

    @Test(arguments: broadcastPairs) func pow(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.positive(p.a, seed: 9), GradCheck.random(p.b, seed: 10)]) { try $0[0].pow($0[1]) }
    }

    @Test(arguments: broadcastPairs) func maximumAndMinimum(_ p: ShapePair) throws {
        try GradCheck.check([GradCheck.distinct(p.a, seed: 11), GradCheck.distinct(p.b, seed: 12).add(0.05)]) {
            try $0[0].maximum($0[1]).add($0[0].minimum($0[1]).mul(2))
        }
    }

    @Test func scalarOperands() throws {
        try GradCheck.check([GradCheck.random([2, 3])]) { x in
            try (2 - x[0]) * 3 + x[0] / 4 - 1 + (1 / (x[0] * x[0] + 1))
        }
        try GradCheck.check([GradCheck.positive([2, 3])]) { try $0[0].pow(3).add($0[0].pow(0.5)) }
    }

    @Test func unaryFunctions() throws {
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].neg() }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].exp() }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].tanh() }
        try GradCheck.check([GradCheck.random([3, 4]).mul(4)]) { try $0[0].sigmoid() }
        try GradCheck.check([GradCheck.positive([3, 4])]) { try $0[0].log() }
        try GradCheck.check([GradCheck.positive([3, 4])]) { try $0[0].sqrt() }
        try GradCheck.check([GradCheck.awayFromZero([3, 4])]) { try $0[0].abs() }
        try GradCheck.check([GradCheck.awayFromZero([3, 4])]) { try $0[0].relu() }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].clone() }
    }

    @Test func clampPassesGradientOnlyInside() throws {
        try GradCheck.check([Tensor([-2, -0.3, 0.2, 0.7, 3])]) { try $0[0].clamp(min: -0.5, max: 0.5) }
        try GradCheck.check([Tensor([-2, -0.3, 0.2, 0.7, 3])]) { try $0[0].clamp(min: 0) }
        let x = try Tensor([-2, -0.3, 0.2, 0.7, 3]).requiresGrad_()
        try x.clamp(min: -0.5, max: 0.5).sum().backward()
        #expect(x.grad?.scalars == [0, 1, 1, 0, 0])
    }

    @Test func composite() throws {
        try GradCheck.check([GradCheck.random([4, 3], seed: 11), GradCheck.random([3], seed: 12)]) { x in
            let h = try (x[0] * x[1]).tanh()
            return try h * h + h.sigmoid() * x[0]
        }
    }

    @Test func sameTensorUsedTwiceAccumulates() throws {
        try GradCheck.check([GradCheck.random([3])]) { try $0[0] * $0[0] + $0[0] }
    }
}
