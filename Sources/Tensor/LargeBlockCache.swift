import Foundation

/// Freed blocks of `AlignedFloats.largeBlock` floats or more, kept for the next request of
/// the same size instead of being handed back to the C allocator.
///
/// A training step allocates the same large blocks every step: hidden states, their
/// gradient, what a fused kernel saves for backward (Lab 3 at batch 64: 16 MB of states
/// and 66 MB saved by the GRU; at full batch, hundreds of megabytes). Blocks run on a
/// thread of their own, and glibc serves such a thread from an arena of 64 MB heaps: a
/// block too big for a heap is mapped afresh, and a heap that becomes empty is unmapped,
/// so each step paid a page fault and a page clear in the kernel per 4 KB (30 % of Lab 3's
/// CPU time was system time). The cache hands a freed block back for a request of exactly
/// its size, so after the first step these cost nothing.
///
/// It holds at most `limit` bytes (a quarter of the machine's memory, at most 2 GB),
/// dropping the blocks freed longest ago first; the memory stays with the process until
/// `MemoryTuning.releaseCachedBlocks()`. Thread-safe (grading runs sessions side by side).
final class LargeBlockCache: @unchecked Sendable {
    /// The cache of the process.
    static let shared = LargeBlockCache(limit: min(Int(ProcessInfo.processInfo.physicalMemory / 4), 2 << 30))

    /// The cache `AlignedFloats` uses in the current task or thread: `shared` unless a test
    /// binds its own, so that what it counts is its own.
    @TaskLocal static var current: LargeBlockCache = shared

    /// The most bytes held.
    let limit: Int
    private let lock = NSLock()
    /// Free blocks, oldest first, with their sizes in floats.
    private var blocks: [(pointer: UnsafeMutablePointer<Float>, count: Int)] = []
    private var held = 0
    private var missed = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// The bytes held in free blocks.
    var heldBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return held
    }

    /// How many requests found no block of their size (each then allocated a fresh one).
    var misses: Int {
        lock.lock()
        defer { lock.unlock() }
        return missed
    }

    /// Whether a free block of exactly `count` floats is held.
    func holds(count: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return blocks.contains { $0.count == count }
    }

    /// A cached block of exactly `count` floats (its contents undefined), or nil (a miss).
    func take(_ count: Int) -> UnsafeMutablePointer<Float>? {
        lock.lock()
        defer { lock.unlock() }
        guard let i = blocks.lastIndex(where: { $0.count == count }) else {
            missed += 1
            return nil
        }
        held -= count * MemoryLayout<Float>.stride
        return blocks.remove(at: i).pointer
    }

    /// Keeps a freed block of `count` floats, freeing older blocks if it needs their room;
    /// false (the caller frees it) when it alone exceeds the limit.
    func keep(_ pointer: UnsafeMutablePointer<Float>, _ count: Int) -> Bool {
        let bytes = count * MemoryLayout<Float>.stride
        guard bytes <= limit else { return false }
        var evicted: [UnsafeMutablePointer<Float>] = []
        lock.lock()
        while held + bytes > limit, !blocks.isEmpty {
            let oldest = blocks.removeFirst()
            held -= oldest.count * MemoryLayout<Float>.stride
            evicted.append(oldest.pointer)
        }
        blocks.append((pointer, count))
        held += bytes
        lock.unlock()
        for block in evicted { AlignedFloats.release(block) }
        return true
    }

    /// Frees every cached block.
    func clear() {
        lock.lock()
        let all = blocks
        blocks = []
        held = 0
        lock.unlock()
        for block in all { AlignedFloats.release(block.pointer) }
    }

    deinit {
        clear()
    }
}
