import Foundation

/// Float arrays aligned to a cache line (64 bytes).
///
/// The kernels load 16 floats (64 bytes) at a time; from a block the C allocator aligned
/// to only 16 bytes, every such load straddles two cache lines, and a training step runs
/// up to a fifth slower depending on where the blocks happened to land.
///
/// Blocks of at least `largeBlock` floats go through `LargeBlockCache`: a training step
/// allocates and frees the same few large blocks every step, and glibc gives them fresh
/// pages each time (a page fault per 4 KB) when they are allocated on a thread other than
/// the main one, which is where notebook blocks run.
public enum AlignedFloats {
    /// The alignment, in bytes.
    public static let alignment = 64
    /// The smallest block kept for reuse when freed: 1 MB. A thread's glibc arena grows in
    /// heaps of 64 MB, maps a block too big for one afresh, and unmaps a heap once nothing
    /// in it is in use, so blocks of megabytes freed at the end of every step came back as
    /// fresh pages.
    public static let largeBlock = 1 << 18

    /// `count` (at least 1) uninitialized floats; a block the system refuses stops the
    /// process, as Swift's own allocation does. For the engine's scratch memory, whose
    /// sizes follow tensors that were allocated already; a tensor asks `allocateIfPossible`.
    public static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        guard let block = allocateIfPossible(count) else {
            fatalError("out of memory: the system refused \(max(count, 1) * MemoryLayout<Float>.stride) bytes")
        }
        return block
    }

    /// `count` (at least 1) uninitialized floats, or nil when the system refuses them (a
    /// grading worker's address-space limit). A refused large block is asked for again
    /// after the cached blocks are freed, so the cache never causes a failure that would
    /// not happen without it.
    public static func allocateIfPossible(_ count: Int) -> UnsafeMutablePointer<Float>? {
        let n = max(count, 1)
        let bytes = n * MemoryLayout<Float>.stride
        guard n >= largeBlock else { return system(bytes) }
        let cache = LargeBlockCache.current
        if let block = cache.take(n) { return block }
        var fresh = system(bytes)
        if fresh == nil {
            cache.clear()
            LargeBlockCache.shared.clear()
            fresh = system(bytes)
        }
        guard let block = fresh else { return nil }
        preferHugePages(UnsafeMutableRawPointer(block), bytes: bytes)
        return block
    }

    /// Frees what `allocate(count)` returned.
    public static func deallocate(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let n = max(count, 1)
        if n >= largeBlock, LargeBlockCache.current.keep(pointer, n) { return }
        release(pointer)
    }

    /// Hands a block back to the C allocator.
    static func release(_ pointer: UnsafeMutablePointer<Float>) {
        free(pointer)
    }

    /// `bytes` from the C allocator, aligned to `alignment`, or nil when it refuses.
    private static func system(_ bytes: Int) -> UnsafeMutablePointer<Float>? {
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else { return nil }
        return raw.bindMemory(to: Float.self, capacity: bytes / MemoryLayout<Float>.stride)
    }

    /// Asks Linux to back the 2 MB-aligned inside of a fresh large block with huge pages
    /// (where transparent huge pages are enabled for `madvise`): the fused kernels read
    /// one row per batch element and step from (B, T, H) sequences, rows T·H floats
    /// apart, and with 4 KB pages every such row costs a TLB miss.
    private static func preferHugePages(_ block: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        let huge = 2 << 20
        let start = (Int(bitPattern: block) + huge - 1) / huge * huge
        let end = (Int(bitPattern: block) + bytes) / huge * huge
        if end > start, let base = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(base, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
