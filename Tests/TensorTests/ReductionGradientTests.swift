import Testing
@testable import Tensor
import EngineTestSupport

@Suite struct ReductionGradientTests {
    @Test func sums() throws {
        let x = try GradCheck.random([2, 3, 4])
        try GradCheck.check([x]) { try $0[0].sum() }
        for dims in [[0], [1], [2], [-1], [0, 2], [0, 1], [1, 2], [0, 1, 2]] {
            for keepdim in [false, true] {
                try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].sum(dims: dims, keepdim: keepdim) }
            }
        }
    }

    @Test func means() throws {
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].mean() }
        for dims in [[0], [2], [0, 2]] {
            for keepdim in [false, true] {
                try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].mean(dims: dims, keepdim: keepdim) }
            }
        }
    }

    @Test func standardDeviations() throws {
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].std() }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].std(dim: 1) }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].std(dims: [0], correction: 0, keepdim: true) }
        try GradCheck.check([GradCheck.random([3, 4])]) { try $0[0].variance(dims: [1]) }
    }

    @Test func maximaAndMinima() throws {
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].max() }
        try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].min() }
        for dim in [0, 1, -1] {
            try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].max(dim: dim).values }
            try GradCheck.check([GradCheck.distinct([3, 4])]) { try $0[0].min(dim: dim, keepdim: true).values }
        }
        try GradCheck.check([GradCheck.distinct([2, 3, 4])]) { try $0[0].max(dim: 1).values }
    }

    @Test func softmaxes() throws {
        for dim in [0, 1, -1] {
            try GradCheck.check([GradCheck.random([3, 4])]) { try softmax($0[0], dim: dim) }
            try GradCheck.check([GradCheck.random([3, 4])]) { try logSoftmax($0[0], dim: dim) }
        }
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].softmax(dim: 1) }
        try GradCheck.check([GradCheck.random([2, 3, 4])]) { try $0[0].logSumExp(dim: 2) }
    }

    @Test func forwardValues() throws {
        let x = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(try x.sum().item() == 21)
        #expect(try x.sum(dim: 0).scalars == [5, 7, 9])
        #expect(try x.sum(dim: 1, keepdim: true).shape == [2, 1])
        #expect(try x.mean(dim: 1).scalars == [2, 5])
        #expect(try x.std().item() == 1.8708287)
        #expect(try x.max(dim: 1).indices.scalars == [2, 2])
        #expect(try x.max(dim: 1).indices.dtype == .int64)
        #expect(try x.argmax().item() == 5)
        #expect(try x.argmin(dim: 0).scalars == [0, 0, 0])
        let s = try x.softmax(dim: 1).sum(dim: 1)
        #expect(s.allClose(try Tensor([1, 1])))
        #expect(try Tensor(ints: [1, 2, 3]).sum().dtype == .int64)
    }
}
