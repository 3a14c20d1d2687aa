import Testing
@testable import Tensor

@Suite struct GeneratorTests {
    @Test func xoshiroMatchesReferenceImplementation() {
        // Values from an independent Python implementation of SplitMix64 + xoshiro256**.
        let g = Generator(seed: 42)
        #expect([g.nextUInt64(), g.nextUInt64(), g.nextUInt64()]
                == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
        let z = Generator(seed: 0)
        #expect([z.nextUInt64(), z.nextUInt64()] == [11_091_344_671_253_066_420, 13_793_997_310_169_335_082])
    }

    @Test func samplersMatchReference() throws {
        #expect(try Tensor.randn([4], generator: Generator(seed: 42)).scalars
                == [-0.30326307, 0.28846174, 1.3438118, -0.68797517])
        #expect(try Tensor.rand([3], generator: Generator(seed: 7)).scalars == [0.7005764, 0.2787512, 0.83962744])
    }

    @Test func sameSeedSameNumbersAndReseedRestarts() throws {
        let g = Generator(seed: 3)
        let first = try Tensor.randn([5, 5], generator: g).scalars
        g.manualSeed(3)
        #expect(try Tensor.randn([5, 5], generator: g).scalars == first)
        #expect(try Tensor.randn([5, 5], generator: Generator(seed: 4)).scalars != first)
    }

    @Test func normalMomentsAreStandard() throws {
        let x = try Tensor.randn([20000], generator: Generator(seed: 1))
        #expect(abs(try x.mean().item()) < 0.03)
        #expect(abs(try x.std().item() - 1) < 0.03)
    }

    @Test func randintStaysInRangeAndCoversIt() throws {
        let x = try Tensor.randint(-2, 3, [1000], generator: Generator(seed: 5))
        #expect(x.dtype == .int64)
        #expect(Set(x.ints) == [-2, -1, 0, 1, 2])
        #expect(throws: TensorError.self) { try Tensor.randint(3, 3, [2], generator: Generator(seed: 5)) }
        let p = try Tensor.randperm(10, generator: Generator(seed: 1))
        #expect(p.ints.sorted() == Array(0..<10))
    }
}
