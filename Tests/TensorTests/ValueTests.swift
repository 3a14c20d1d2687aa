import Testing
@testable import Tensor

@Suite struct ValueTests {
    /// The matrix product computed naively in Double.
    func naive(_ a: [Float], _ b: [Float], n: Int, k: Int, m: Int) -> [Float] {
        (0..<(n * m)).map { idx in
            let (i, j) = (idx / m, idx % m)
            return Float((0..<k).reduce(0.0) { $0 + Double(a[i * k + $1]) * Double(b[$1 * m + j]) })
        }
    }

    @Test func matmulMatchesNaiveProduct() throws {
        let g = Generator(seed: 1)
        let a = try Tensor.randn([5, 7], generator: g)
        let b = try Tensor.randn([7, 3], generator: g)
        let c = try a.matmul(b)
        #expect(c.allClose(try Tensor(naive(a.scalars, b.scalars, n: 5, k: 7, m: 3), shape: [5, 3]), rtol: 1e-5, atol: 1e-5))
        let batch = try Tensor.stack([a, a.mul(2)])
        let cb = try batch.matmul(b)
        #expect(cb.shape == [2, 5, 3])
        #expect(try cb[1].allClose(c.mul(2), rtol: 1e-5, atol: 1e-5))
        #expect(try a.matmul(Tensor.zeros([7, 0])).shape == [5, 0])
        #expect(try Tensor.zeros([2, 0]).matmul(Tensor.zeros([0, 3])).scalars == [0, 0, 0, 0, 0, 0])
    }

    @Test func broadcastingAndPromotion() throws {
        let a = try Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(try (a + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect(try (a * Tensor([[2], [3]])).scalars == [2, 4, 6, 12, 15, 18])
        let i = try Tensor(ints: [1, 2, 3])
        #expect(try (i + 1).dtype == .int64)
        #expect(try (i + 0.5).dtype == .float32)
        #expect(try (i / 2).dtype == .float32)
        #expect(try i.floorDivide(Tensor.number(2)).scalars == [0, 1, 1])
        #expect(try Tensor([-3, 3]).remainder(Tensor.number(2)).scalars == [1, 1])
        #expect(try i.gt(1).sum().item() == 2)
        #expect(try (i.eq(2).float().mean()).item() == 1.0 / 3.0)
    }

    @Test func creation() throws {
        #expect(try Tensor.eye(2).scalars == [1, 0, 0, 1])
        #expect(try Tensor.arange(0, 1, step: 0.25).scalars == [0, 0.25, 0.5, 0.75])
        #expect(try Tensor.arange(5).dtype == .int64)
        #expect(try Tensor.linspace(0, 1, 5).scalars == [0, 0.25, 0.5, 0.75, 1])
        #expect(try Tensor.full([2], 7).scalars == [7, 7])
        #expect(try Tensor.onesLike(Tensor(ints: [1, 2])).dtype == .int64)
        #expect(try Tensor([2.7, -2.7]).long().scalars == [2, -2])
        #expect(throws: TensorError.self) { try Tensor([1, 2], shape: [3]) }
    }

    @Test func shapes() throws {
        let x = try Tensor.arange(6).reshape([2, 3])
        #expect(try x.T.scalars == [0, 3, 1, 4, 2, 5])
        #expect(try x.unsqueeze(-1).shape == [2, 3, 1])
        #expect(try x.unsqueeze(0).squeeze().shape == [2, 3])
        #expect(try x.flatten().shape == [6])
        #expect(try x.reshape([3, -1]).shape == [3, 2])
        #expect(try Tensor.arange(24).reshape([2, 3, 4]).permute([2, 0, 1]).shape == [4, 2, 3])
        #expect(try Tensor.arange(24).reshape([2, 3, 4]).transpose(0, 2)[3, 2].scalars == [11, 23])
        #expect(try Tensor([1, 2]).expand([2, -1]).scalars == [1, 2, 1, 2])
    }

    @Test func unaryValues() throws {
        let x = try Tensor([-1, 0, 2])
        #expect(try x.relu().scalars == [0, 0, 2])
        #expect(try x.abs().scalars == [1, 0, 2])
        #expect(try x.clamp(min: -0.5, max: 1).scalars == [-0.5, 0, 1])
        #expect(try x.sigmoid().allClose(Tensor([0.26894142, 0.5, 0.8807971])))
        #expect(try Tensor([-100, 100]).sigmoid().scalars.map { $0 < 1e-30 || $0 == 1 } == [true, true])
        #expect(try Tensor([4]).sqrt().scalars == [2])
        #expect(try Tensor([1000, 0]).softmax(dim: 0).scalars == [1, 0])
    }

    @Test func directProductsForFusedKernels() throws {
        let g = Generator(seed: 2)
        let a = try Tensor.randn([4, 3], generator: g)
        let b = try Tensor.randn([4, 5], generator: g)
        let expected = try a.T.matmul(b)
        #expect(try Tensor.product(a, transposeA: true, b).allClose(expected, rtol: 1e-5, atol: 1e-5))
        let c = try Tensor.ones([3, 5])
        try Tensor.gemm(a, transposeA: true, b, beta: 1, into: c)
        #expect(c.allClose(try expected + 1, rtol: 1e-5, atol: 1e-5))
        #expect(throws: TensorError("gemm: (3, 4) (transposed) @ (3, 5): inner dimensions 4 and 3 differ")) {
            try Tensor.gemm(a, transposeA: true, Tensor.zeros([3, 5]), into: c)
        }
        #expect(try Tensor.ones([2, 3, 4]).sumTo([3, 1]).scalars == [8, 8, 8])
        #expect(throws: TensorError("sum_to: (2, 3) cannot be summed to (2,)")) { try Tensor.ones([2, 3]).sumTo([2]) }
    }

    @Test func blasSettingsAreReadable() {
        #expect(BLAS.threadCount >= 1)
        #expect(!BLAS.coreName.isEmpty)
        #expect([nil, "SkylakeX", "Haswell"].contains(BLAS.suggestedCoreType))
    }

    @Test func nestedDataRoundTrips() throws {
        let ints = try Tensor(data: .list([.list([.int(1), .int(2)]), .list([.int(3), .bool(true)])]))
        #expect(ints.dtype == .int64)
        #expect(ints.shape == [2, 2])
        #expect(ints.toData() == .list([.list([.int(1), .int(2)]), .list([.int(3), .int(1)])]))
        let floats = try Tensor(data: .list([.int(1), .float(2.5)]))
        #expect(floats.dtype == .float32)
        #expect(floats.toData() == .list([.float(1), .float(2.5)]))
        #expect(try Tensor(data: .list([.bool(true), .bool(false)])).dtype == .bool)
        #expect(try Tensor(data: .float(3)).shape == [])
        #expect(try Tensor(data: .list([])).shape == [0])
        #expect(throws: TensorError("tensor: expected sequence of length 2 at dim 1 (got 3)")) {
            try Tensor(data: .list([.list([.int(1), .int(2)]), .list([.int(3), .int(4), .int(5)])]))
        }
        #expect(throws: TensorError("tensor: expected a list at dimension 1, got a number")) {
            try Tensor(data: .list([.list([.int(1)]), .int(2)]))
        }
    }
}
