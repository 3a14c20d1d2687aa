#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processor time the calling thread has used so far, in seconds.
///
/// Unlike the wall clock it does not run while the thread waits for a core, so a machine
/// busy with other work (a loaded CI runner, parallel test suites in the same process)
/// slows it only through shared caches and memory, not by descheduling. The work measured
/// must run on the calling thread: a `ScriptSession.run` hands its block to a thread of its
/// own, so tests time `runHere` instead.
public func threadCPUSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
