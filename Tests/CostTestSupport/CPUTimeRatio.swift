/// How many times more processor time one piece of work takes than another, measured so
/// that load on the machine cannot fool a test that bounds it.
///
/// Each side runs once to warm up (first-touch page faults, lazily built tables), then
/// `runs` times in turns, and the least thread CPU time of each side is compared. Outside
/// load only ever adds time, so the least of several runs is the one closest to the work's
/// own cost; taking turns means a burst of load slows both sides alike.
///
/// Use it for a quadratic blow-up that no deterministic count can see: time the same work
/// on an input `factor` times larger (`Scaling`), or against a reference that does the
/// same reading of the same input without the part that must stay cheap.
public struct CPUTimeRatio: CustomStringConvertible, Sendable {
    /// The least CPU time of the work, in seconds.
    public let work: Double
    /// The least CPU time of the reference, in seconds.
    public let reference: Double

    /// Measures `work` against `reference`.
    public init(runs: Int = 5, of work: () -> Void, to reference: () -> Void) {
        work()
        reference()
        var bestWork = Double.infinity
        var bestReference = Double.infinity
        for _ in 0..<max(1, runs) {
            bestWork = min(bestWork, Self.time(work))
            bestReference = min(bestReference, Self.time(reference))
        }
        self.work = bestWork
        self.reference = bestReference
    }

    /// `work / reference` (a reference too quick to measure counts as one microsecond).
    public var ratio: Double { work / max(reference, 1e-6) }

    public var description: String {
        "\(Self.milliseconds(work)) ms against \(Self.milliseconds(reference)) ms of CPU: \(Self.rounded(ratio))×"
    }

    static func time(_ body: () -> Void) -> Double {
        let start = threadCPUSeconds()
        body()
        return threadCPUSeconds() - start
    }

    static func milliseconds(_ seconds: Double) -> String { rounded(seconds * 1000) }

    static func rounded(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.isFinite ? "\(tenths / 10)" : "\(value)"
    }
}
