import Testing
@testable import Tensor

/// `AlignedFloats` and `LargeBlockCache`: large blocks are handed back for a request of
/// their exact size, small ones are left to the C allocator, the cache keeps at most its
/// limit (oldest out first) and is emptied on request. Each test binds a cache of its own,
/// so that tests running side by side do not count each other's blocks.
@Suite struct LargeBlockCacheTests {
    let n = AlignedFloats.largeBlock + 3

    @Test func aFreedLargeBlockServesTheNextRequestOfItsSize() {
        let cache = LargeBlockCache(limit: 64 << 20)
        LargeBlockCache.$current.withValue(cache) {
            let first = AlignedFloats.allocate(n)
            #expect(cache.misses == 1 && cache.heldBytes == 0)
            AlignedFloats.deallocate(first, count: n)
            #expect(cache.heldBytes == n * 4 && cache.holds(count: n))
            let again = AlignedFloats.allocate(n)
            #expect(again == first)
            #expect(cache.misses == 1 && cache.heldBytes == 0)
            let other = AlignedFloats.allocate(n + 1)
            #expect(other != first && cache.misses == 2)
            AlignedFloats.deallocate(again, count: n)
            AlignedFloats.deallocate(other, count: n + 1)
            #expect(cache.heldBytes == (2 * n + 1) * 4)
        }
    }

    @Test func smallBlocksAreLeftToTheAllocator() {
        let cache = LargeBlockCache(limit: 64 << 20)
        LargeBlockCache.$current.withValue(cache) {
            let small = AlignedFloats.allocate(AlignedFloats.largeBlock - 1)
            AlignedFloats.deallocate(small, count: AlignedFloats.largeBlock - 1)
            #expect(cache.misses == 0 && cache.heldBytes == 0)
        }
    }

    @Test func blocksAreAlignedToACacheLine() {
        let cache = LargeBlockCache(limit: 64 << 20)
        LargeBlockCache.$current.withValue(cache) {
            for count in [1, 5, 1000, n, n + 17] {
                let block = AlignedFloats.allocate(count)
                #expect(Int(bitPattern: block) % AlignedFloats.alignment == 0, "\(count) floats")
                block.initialize(repeating: 1, count: count)
                AlignedFloats.deallocate(block, count: count)
            }
        }
    }

    @Test func theOldestBlocksGoFirstBeyondTheLimit() {
        let cache = LargeBlockCache(limit: 3 * n * 4 + 100)
        let sizes = [n, n + 1, n + 2, n + 3]
        for size in sizes { #expect(cache.keep(AlignedFloats.allocate(size), size)) }
        #expect(!cache.holds(count: n))
        #expect(sizes.dropFirst().allSatisfy { cache.holds(count: $0) })
        #expect(cache.heldBytes == (3 * n + 6) * 4)
        let tooBig = 4 * n
        let block = AlignedFloats.allocate(tooBig)
        #expect(!cache.keep(block, tooBig))
        AlignedFloats.release(block)
        cache.clear()
        #expect(cache.heldBytes == 0 && !cache.holds(count: n + 1))
    }

    @Test func tensorsOfTheSameSizeReuseTheirStorage() throws {
        let cache = LargeBlockCache(limit: 64 << 20)
        try LargeBlockCache.$current.withValue(cache) {
            for _ in 0..<3 {
                let x = try Tensor.ones([n])
                #expect(try x.sum().item() == Float(n))
            }
            #expect(cache.misses == 1)
        }
    }

    /// `MemoryTuning.releaseCachedBlocks` empties the process's cache (a size no other
    /// test uses, so that their blocks cannot interfere).
    @Test func releaseEmptiesTheSharedCache() {
        let size = AlignedFloats.largeBlock + 1021
        #expect(LargeBlockCache.shared.keep(AlignedFloats.allocate(size), size))
        MemoryTuning.releaseCachedBlocks()
        #expect(!LargeBlockCache.shared.holds(count: size))
    }
}
