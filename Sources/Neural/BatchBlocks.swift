import Dispatch
import Tensor

/// The batch of a recurrence cut into blocks of consecutive elements that a fused kernel
/// runs independently (each with its own time loop, GEMMs and weight-gradient sums), on
/// as many threads as OpenBLAS may use (`BLAS.threadCount`).
///
/// The number of blocks depends only on the batch size, never on the thread count: one
/// block per `minimumRows` elements, rounded down to a power of two, at most
/// `maximumCount`. Each block's weight gradients are summed, and then added block 0 first,
/// in the same order whether one thread ran them all or several ran them side by side, so
/// that every thread count gives the same bytes.
struct BatchBlocks {
    /// The smallest block worth a thread of its own: the per-step GEMMs stay near
    /// OpenBLAS's best speed down to a few hundred rows.
    static let minimumRows = 256
    /// The most blocks.
    static let maximumCount = 8

    /// The blocks, in batch order.
    let ranges: [Range<Int>]

    /// Cuts `batch` elements into blocks.
    init(batch: Int) {
        var count = 1
        while count * 2 <= Self.maximumCount, count * 2 * Self.minimumRows <= batch { count *= 2 }
        let size = batch / count
        let extra = batch % count
        var start = 0
        ranges = (0..<count).map { k in
            let length = size + (k < extra ? 1 : 0)
            defer { start += length }
            return start..<(start + length)
        }
    }

    /// The number of blocks.
    var count: Int { ranges.count }

    /// Runs `body(k)` for every block k: on one thread when there is one block or OpenBLAS
    /// has one thread, else on up to `BLAS.threadCount` threads, OpenBLAS then running one
    /// thread per call (the blocks are the parallelism) and getting its setting back after.
    func run(_ body: (Int) -> Void) {
        let threads = BLAS.threadCount
        let workers = Swift.min(count, threads)
        guard workers > 1 else {
            for k in 0..<count { body(k) }
            return
        }
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(threads) }
        // The blocks touch disjoint rows and their own sums; nothing else is shared.
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for k in stride(from: worker, to: count, by: workers) { work.value(k) }
            }
        }
    }
}

/// A value handed to other threads that the caller knows is used safely there.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
