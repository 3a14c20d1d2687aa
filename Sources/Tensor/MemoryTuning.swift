#if os(Linux)
import CMalloc
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
}
