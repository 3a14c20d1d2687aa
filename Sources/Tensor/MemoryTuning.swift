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
    ///
    /// The limits govern the main thread's heap only. Notebook blocks run on threads of
    /// their own, whose arenas are 64 MB heaps that glibc unmaps when they empty whatever
    /// the limits; that is why `AlignedFloats` keeps freed blocks of 1 MB and more itself.
    public static func keepFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }

    /// Gives the freed large blocks that `AlignedFloats` keeps for reuse (`LargeBlockCache`)
    /// back to the C allocator: call it when a notebook has finished, so that a long-lived
    /// process does not keep the last notebook's peak.
    public static func releaseCachedBlocks() {
        LargeBlockCache.shared.clear()
    }

    /// The bytes of freed large blocks kept for reuse (see `releaseCachedBlocks`).
    public static var cachedBytes: Int { LargeBlockCache.shared.heldBytes }

    /// How many large blocks (`AlignedFloats.largeBlock` floats or more) were allocated
    /// afresh, none of their size being free in the cache: after a training loop's first
    /// step, a count that still grows means the step pays page faults again.
    public static var freshLargeBlocks: Int { LargeBlockCache.shared.misses }
}
