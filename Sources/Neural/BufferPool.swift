import Tensor

/// Recycles the fused kernels' scratch memory between calls of one layer.
///
/// A training step allocates several megabytes of scratch (saved activations, gradient
/// buffers); handing it back to the C allocator returns it to the system, and the next
/// step pays a page fault per 4 KB to get it back. A pool keeps freed blocks by size
/// and hands them out again, up to `limit` elements in total. Each layer owns one pool
/// (no global state); like the layer, it is not thread-safe.
final class BufferPool {
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var held = 0
    /// The most elements kept for reuse.
    let limit: Int

    /// Makes an empty pool keeping at most `limit` elements (default 16 M, 64 MB).
    init(limit: Int = 1 << 24) {
        self.limit = limit
    }

    /// A block of exactly `count` elements, recycled if one is free; contents undefined.
    func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        takeIfPossible(count) ?? AlignedFloats.allocate(count)
    }

    /// A block of exactly `count` elements as `take` gives, or nil when the system refuses
    /// the memory.
    func takeIfPossible(_ count: Int) -> UnsafeMutablePointer<Float>? {
        if var blocks = free[count], let block = blocks.popLast() {
            free[count] = blocks
            held -= count
            return block
        }
        return AlignedFloats.allocateIfPossible(count)
    }

    /// Takes back a block of `count` elements from `take`, or frees it if the pool is full.
    func recycle(_ block: UnsafeMutablePointer<Float>, _ count: Int) {
        guard held + count <= limit else {
            AlignedFloats.deallocate(block, count: count)
            return
        }
        free[count, default: []].append(block)
        held += count
    }

    deinit {
        for (count, blocks) in free { for block in blocks { AlignedFloats.deallocate(block, count: count) } }
    }
}
