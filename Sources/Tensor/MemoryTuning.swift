#if os(Linux)
import CMalloc
import Glibc
#endif

/// How the C allocator treats the engine's large buffers.
public enum MemoryTuning {
    /// Keeps freed memory in the process for the next allocation instead of handing it
    /// back to the system.
    ///
    /// A training step allocates and frees tensors of hundreds of kilobytes (saved hidden
    /// states, gradients). glibc serves those with fresh `mmap`s or trims them off the heap
    /// when freed, so the next step pays a page fault and a page clear per 4 KB: about a
    /// tenth of an LSTM step. With these limits such blocks are reused; the process keeps
    /// its peak heap (bounded by the tensor budget). Call once at startup; a no-op where
    /// the allocator is not glibc's.
    public static func keepFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }

    /// Gives the freed blocks of hundreds of megabytes that `AlignedFloats` keeps for reuse
    /// (`LargeBlockCache`) back to the system, e.g. after training on a full batch.
    public static func releaseCachedBlocks() {
        LargeBlockCache.shared.clear()
    }
}

/// Float arrays aligned to a cache line (64 bytes).
///
/// The kernels load 16 floats (64 bytes) at a time; from a block the C allocator aligned
/// to only 16 bytes, every such load straddles two cache lines, and a training step runs
/// up to a fifth slower depending on where the blocks happened to land.
///
/// Blocks of at least `largeBlock` floats (the size from which glibc maps fresh memory
/// from the system and unmaps it when freed) go through `LargeBlockCache`: a training
/// step on a full batch allocates and frees the same few blocks of hundreds of megabytes
/// every step, and fresh mappings would cost a page fault per 4 KB each time.
public enum AlignedFloats {
    /// The alignment, in bytes.
    public static let alignment = 64
    /// The smallest block kept for reuse when freed: 64 MB, glibc's mapping threshold as
    /// `MemoryTuning.keepFreedMemory` sets it (smaller blocks come from its heap).
    public static let largeBlock = 1 << 24

    /// `count` (at least 1) uninitialized floats.
    public static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let n = max(count, 1)
        if n >= largeBlock, let block = LargeBlockCache.shared.take(n) { return block }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Float>.stride, alignment: alignment)
        if n >= largeBlock { preferHugePages(raw, bytes: n * MemoryLayout<Float>.stride) }
        return raw.bindMemory(to: Float.self, capacity: n)
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

    /// Frees what `allocate(count)` returned.
    public static func deallocate(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let n = max(count, 1)
        if n >= largeBlock, LargeBlockCache.shared.keep(pointer, n) { return }
        UnsafeMutableRawPointer(pointer).deallocate()
    }
}
