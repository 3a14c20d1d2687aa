import Foundation

/// Python's `time`: `time()`, `perf_counter()`, `monotonic()`, `process_time()` (the CPU
/// time, user + system, of the whole process: every thread's, BLAS threads included) and
/// `sleep()`. Their numbers
/// change from run to run: never print them in an output that must be the same on every
/// run (a rendered notebook, a graded check); use them to measure, e.g. `elapsed < 1.0`.
/// `sleep` waits at most until the block's time budget runs out, and then stops the block
/// with the budget error.
enum TimeModule {
    static func build(_ time: Namespace) {
        time.function("time", Signature("time")) { _, _ in .float(Date().timeIntervalSince1970) }
        for name in ["perf_counter", "monotonic"] {
            time.function(name, Signature(name)) { _, _ in
                .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
            }
        }
        time.function("process_time", Signature("process_time")) { _, _ in
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return .float(Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
        }
        time.function("sleep", Signature("sleep", ["secs"])) { args, interpreter in
            let seconds = try args.double("secs", 0)
            if seconds.isNaN { throw RuntimeError.value("Invalid value NaN (not a number)") }
            if seconds < 0 { throw RuntimeError.value("sleep length must be non-negative") }
            let now = DispatchTime.now().uptimeNanoseconds
            let left = interpreter.meter.deadline > now ? Double(interpreter.meter.deadline - now) / 1e9 : 0
            Thread.sleep(forTimeInterval: Swift.min(seconds, left + 0.001))
            try interpreter.meter.checkClock()
            return .none
        }
    }
}
