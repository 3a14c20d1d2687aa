import Testing
@testable import Tensor
import EngineTestSupport

@Suite struct ShapeGradientTests {
    @Test func reshapes() throws {
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].reshape([4, -1]) }
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].flatten(startDim: 1) }
        try GradCheck.check([GradCheck.random([2, 3])]) { try $0[0].unsqueeze(1).squeeze(1).view([6]) }
    }

    @Test func transposes() throws {
        try GradCheck.check([GradCheck.random([2, 3])]) { try $0[0].T }
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].transpose(0, 2) }
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].permute([1, 2, 0]) }
        try GradCheck.check([GradCheck.random([3, 1])]) { try $0[0].expand([2, 3, 4]) }
    }

    @Test func matmuls() throws {
        let cases: [([Int], [Int])] = [
            ([3, 4], [4, 5]), ([4], [4, 5]), ([3, 4], [4]), ([4], [4]), ([2, 3, 4], [4, 5]),
            ([3, 4], [2, 4, 5]), ([2, 3, 4], [2, 4, 5]), ([2, 1, 3, 4], [3, 4, 2]),
        ]
        for (a, b) in cases {
            try GradCheck.check([GradCheck.random(a, seed: 1), GradCheck.random(b, seed: 2)]) { try $0[0].matmul($0[1]) }
        }
    }

    @Test func indexing() throws {
        let idx = try Tensor(ints: [2, 0, 2])
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][1] }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][.all, -1] }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][.slice(start: 1, stop: nil, step: 2), .range(1..<3)] }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][.tensor(idx)] }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][.tensor(idx), .tensor(try Tensor(ints: [0, 1, 3]))] }
        let mask = try Tensor(bools: [true, false, true, true], shape: [4])
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0][.all, .tensor(mask)] }
    }

    @Test func assignmentIntoABufferIsRecorded() throws {
        try GradCheck.check([GradCheck.random([2, 3], seed: 1), GradCheck.random([3], seed: 2)]) { p in
            let buffer = try Tensor.ones([4, 3])
            try buffer.indexPut([1], p[1])
            try buffer.indexPut([.range(2..<4)], p[0])
            return try buffer.mul(buffer)
        }
        try GradCheck.check([GradCheck.random([2, 3], seed: 3), GradCheck.random([], seed: 4)]) { p in
            let y = try p[0].mul(2)
            try y.indexPut([0, .tensor(try Tensor(ints: [0, 2]))], p[1])
            return try y.tanh()
        }
        let leaf = try Tensor.zeros([2]).requiresGrad_()
        #expect(throws: TensorError("index_put: a leaf tensor that requires grad cannot be assigned into in place")) {
            try leaf.indexPut([0], 1)
        }
    }

    @Test func joins() throws {
        try GradCheck.check([GradCheck.random([2, 3], seed: 1), GradCheck.random([2, 2], seed: 2)]) {
            try Tensor.cat([$0[0], $0[1]], dim: 1)
        }
        try GradCheck.check([GradCheck.random([2, 3], seed: 1), GradCheck.random([2, 3], seed: 2)]) {
            try Tensor.stack([$0[0], $0[1], $0[0]], dim: 1)
        }
        let condition = try Tensor(bools: [true, false, true], shape: [3])
        try GradCheck.check([GradCheck.random([2, 3], seed: 1), GradCheck.random([3], seed: 2)]) {
            try Tensor.where(condition, $0[0], $0[1])
        }
    }

    @Test func customRuleIsCalled() throws {
        try GradCheck.check([GradCheck.random([3])]) { x in
            let out = try withNoGrad { try x[0].mul(x[0]) }
            let saved = x[0].detach()
            return Tensor.custom("SquareBackward", output: out, inputs: [x[0]]) { g in [try g.mul(saved).mul(2)] }
        }
    }
}
