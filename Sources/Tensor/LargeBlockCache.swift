import Foundation

/// Freed blocks of `AlignedFloats.largeBlock` floats or more, kept for the next request of
/// the same size instead of being unmapped.
///
/// A full-batch training step (Lab 3: 800 trials × 500 steps × 128 units) allocates the
/// same blocks of hundreds of megabytes every step: hidden states, their gradient, what a
/// fused kernel saves for backward. Mapped afresh each time, every 4 KB costs a page fault
/// and a page clear in the kernel, which took half the step. The cache hands a freed block
/// back for a request of exactly its size, so after the first step these cost nothing.
///
/// It holds at most `limit` bytes (a quarter of the machine's memory, at most 2 GB),
/// dropping the blocks freed longest ago first; the memory stays with the process until
/// `MemoryTuning.releaseCachedBlocks()`. Thread-safe (grading runs sessions side by side).
final class LargeBlockCache: @unchecked Sendable {
    /// The cache of the process.
    static let shared = LargeBlockCache(limit: min(Int(ProcessInfo.processInfo.physicalMemory / 4), 2 << 30))

    /// The most bytes held.
    let limit: Int
    private let lock = NSLock()
    /// Free blocks, oldest first, with their sizes in floats.
    private var blocks: [(pointer: UnsafeMutablePointer<Float>, count: Int)] = []
    private var held = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// A cached block of exactly `count` floats (its contents undefined), or nil.
    func take(_ count: Int) -> UnsafeMutablePointer<Float>? {
        lock.lock()
        defer { lock.unlock() }
        guard let i = blocks.lastIndex(where: { $0.count == count }) else { return nil }
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
        for block in evicted { UnsafeMutableRawPointer(block).deallocate() }
        return true
    }

    /// Frees every cached block.
    func clear() {
        lock.lock()
        let all = blocks
        blocks = []
        held = 0
        lock.unlock()
        for block in all { UnsafeMutableRawPointer(block.pointer).deallocate() }
    }
}
