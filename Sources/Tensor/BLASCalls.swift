import Foundation

/// Keeps OpenBLAS's thread count from changing while a BLAS or LAPACK call runs.
///
/// `openblas_set_num_threads` is process-wide, and OpenBLAS 0.3.21 does not guard a change
/// made while another thread is inside a threaded GEMM (a wrong 64×64 product was once seen in
/// a parallel test run). Every call into BLAS or LAPACK therefore holds this lock shared
/// (`run`); a thread-count change holds it exclusively (`BLAS.setThreadCount`), so it waits
/// for the calls under way and the next calls wait for it. The lock prefers writers, so a
/// stream of products on other threads cannot starve a change; calls must not nest.
public enum BLASCalls {
    /// The lock, made once and never freed.
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_rwlock_t> = {
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        return lock
    }()

    /// Runs one BLAS or LAPACK call (or a few, none of which calls `run` again) while the
    /// thread count cannot change.
    @inline(__always)
    public static func run<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` while no BLAS call runs (for changing the thread count).
    static func exclusive<T>(_ body: () -> T) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }
}
