import EngineTestSupport
import Neural
import Testing
@testable import Tensor

/// Training steps of the fused recurrent kernels allocate no fresh large block after the
/// first: the states, their gradient and the values saved for backward (Lab 3's per-step
/// blocks of megabytes) all come back from `LargeBlockCache`.
@Suite struct LargeBlockReuseTests {
    /// Runs `steps` forward and backward passes of `states` under a cache of its own and
    /// returns the cache's misses after each.
    func misses(steps: Int, _ states: () throws -> Tensor) throws -> [Int] {
        let cache = LargeBlockCache(limit: 1 << 30)
        return try LargeBlockCache.$current.withValue(cache) {
            var counts: [Int] = []
            for _ in 0..<steps {
                try states().sum().backward()
                counts.append(cache.misses)
            }
            return counts
        }
    }

    @Test func gruStepsReuseTheirLargeBlocks() throws {
        let layer = try GRU(3, 128, generator: Generator(seed: 60))
        let x = try GradCheck.random([8, 300, 3], seed: 61)
        let counts = try misses(steps: 3) {
            layer.zeroGrad()
            return try layer.hiddenStates(batchFirst: x, h0: nil)
        }
        #expect(counts[0] >= 2, "states and saved values are large blocks")
        #expect(counts == [counts[0], counts[0], counts[0]])
    }

    @Test func lstmStepsReuseTheirLargeBlocks() throws {
        let layer = try LSTM(3, 128, generator: Generator(seed: 62))
        let x = try GradCheck.random([300, 8, 3], seed: 63)
        let counts = try misses(steps: 3) {
            layer.zeroGrad()
            return try layer.hiddenStates(x)
        }
        #expect(counts[0] >= 1)
        #expect(counts == [counts[0], counts[0], counts[0]])
    }
}
