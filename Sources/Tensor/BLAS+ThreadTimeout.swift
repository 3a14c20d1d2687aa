import Foundation

extension BLAS {
    /// The idle time of OpenBLAS's worker threads that rnnbook sets, as OpenBLAS's
    /// `OPENBLAS_THREAD_TIMEOUT` gives it: 2¹⁴ processor cycles, a few microseconds.
    ///
    /// Between two threaded products an OpenBLAS worker does not sleep: it loops on
    /// `sched_yield` until its timeout, 2²⁸ cycles (about 0.1 s) by default, has passed. A
    /// training loop calls threaded products every few hundred microseconds, so with the
    /// default the second core spins the whole time: Lab 4's full render spent 201 s of its
    /// 652 s of CPU in the kernel, and on a loaded machine the spinning thread took turns
    /// from the ones doing the work (629 s of system time, 22 minutes of wall time). With
    /// 2¹⁴ cycles, measured on 2 cores (Lab 4 with one seed per architecture / Lab 3's
    /// full-batch GRU step with 2 threads): system time 23.4 s → 4.6 s, wall 38.6 s → 33.2 s /
    /// 896 → 919 ms per step, within run-to-run noise.
    public static let idleTimeoutExponent = 14

    /// Sets OpenBLAS's worker idle timeout to `idleTimeoutExponent` unless the environment
    /// already sets `OPENBLAS_THREAD_TIMEOUT` (the user's choice wins). OpenBLAS reads the
    /// variable when it loads and when its threads start, so this sets it, has OpenBLAS read
    /// its environment again (`openblas_read_env`) and stops the workers
    /// (`blas_thread_shutdown_`, what OpenBLAS does itself before a `fork`); the next
    /// threaded product starts them again with the new timeout. Call it first thing in
    /// `main`, before any other thread exists. Returns whether the timeout was set.
    @discardableResult
    public static func shortenIdleSpinning() -> Bool {
        guard ProcessInfo.processInfo.environment["OPENBLAS_THREAD_TIMEOUT"] == nil,
            let readEnvironment = symbol("openblas_read_env", as: (@convention(c) () -> Void).self),
            let shutDown = symbol("blas_thread_shutdown_", as: (@convention(c) () -> Int32).self)
        else { return false }
        setenv("OPENBLAS_THREAD_TIMEOUT", String(idleTimeoutExponent), 1)
        return BLASCalls.exclusive {
            readEnvironment()
            return shutDown() == 0
        }
    }

    /// The idle timeout OpenBLAS's threads use, as the exponent of `OPENBLAS_THREAD_TIMEOUT`
    /// (0 when OpenBLAS keeps its built-in default or does not say).
    public static var idleTimeoutSetting: Int {
        guard let timeout = symbol("openblas_thread_timeout", as: (@convention(c) () -> Int32).self) else { return 0 }
        return Int(timeout())
    }

    /// An OpenBLAS function that `cblas.h` does not declare, looked up in the loaded library.
    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        // A null handle is glibc's RTLD_DEFAULT: every loaded library, in load order.
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
