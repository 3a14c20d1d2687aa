import Testing
@testable import Tensor

@Suite struct IndexingTests {
    var x: Tensor {
        get throws { try Tensor((0..<24).map(Float.init), shape: [2, 3, 4]) }
    }

    @Test func integersAndSlices() throws {
        #expect(try x[1].shape == [3, 4])
        #expect(try x[1, 2].scalars == [20, 21, 22, 23])
        #expect(try x[-1, -1, -1].item() == 23)
        #expect(try x[.all, 0, .slice(start: 1, stop: nil, step: 2)].scalars == [1, 3, 13, 15])
        #expect(try x[.ellipsis, 0].scalars == [0, 4, 8, 12, 16, 20])
        #expect(try x[0, .newAxis].shape == [1, 3, 4])
        #expect(try x[.slice(start: -1)].shape == [1, 3, 4])
        #expect(try x[.slice(start: 5, stop: 9)].shape == [0, 3, 4])
    }

    @Test func integerTensors() throws {
        let idx = try Tensor(ints: [2, 0])
        #expect(try x[0, .tensor(idx)].scalars == [8, 9, 10, 11, 0, 1, 2, 3])
        #expect(try x[.all, .tensor(idx), 1].scalars == [9, 1, 21, 13])
        #expect(try x[.tensor(try Tensor(ints: [1, 0])), .tensor(idx), .tensor(try Tensor(ints: [3, 3]))].scalars == [23, 3])
        #expect(try x[.tensor(try Tensor(ints: [[0, 1]].flatMap { $0 }, shape: [1, 2])), 0, 0].shape == [1, 2])
        #expect(try x[.all, .all, .tensor(idx)].shape == [2, 3, 2])
        #expect(try x[.tensor(idx.sub(1)), .all, .tensor(idx)].shape == [2, 3])
    }

    @Test func boolMasks() throws {
        let flat = try x[0, 0]
        let mask = try flat.gt(1.5)
        #expect(mask.dtype == .bool)
        #expect(try flat[.tensor(mask)].scalars == [2, 3])
        let m2 = try x[0].remainder(Tensor.number(2)).eq(0)
        #expect(try x[0][.tensor(m2)].scalars == [0, 2, 4, 6, 8, 10])
    }

    @Test func assignmentThroughIndices() throws {
        let y = try Tensor.zeros([3, 4])
        try y.indexPut([1], 5)
        try y.indexPut([.all, 0], try Tensor([1, 2, 3]))
        try y.indexPut([.tensor(try y.gt(4))], -1)
        #expect(y.scalars == [1, 0, 0, 0, 2, -1, -1, -1, 3, 0, 0, 0])
        try y.indexPut([2, .tensor(try Tensor(ints: [1, 3]))], try Tensor([7, 8]))
        #expect(try y[2].scalars == [3, 7, 0, 8])
    }

    @Test func joinsAndOneHot() throws {
        let a = try Tensor([[1, 2], [3, 4]])
        #expect(try Tensor.cat([a, a], dim: 0).shape == [4, 2])
        #expect(try Tensor.cat([a, a], dim: 1).scalars == [1, 2, 1, 2, 3, 4, 3, 4])
        #expect(try Tensor.stack([a, a], dim: 2).shape == [2, 2, 2])
        #expect(try Tensor.where(a.gt(2), a, Tensor.zeros([])).scalars == [0, 0, 3, 4])
        let h = try Tensor.oneHot(try Tensor(ints: [0, 2]), classes: 3)
        #expect(h.scalars == [1, 0, 0, 0, 0, 1])
        #expect(h.dtype == .int64)
    }
}
