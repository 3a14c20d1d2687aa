import Foundation
import Grading

/// The progress of `rnnbook grade` on standard error: on a terminal, one live line redrawn
/// as each submission is graded (done / total, rate, time left, submissions with errors so
/// far); otherwise a plain line per submission. The first result comes after the reference
/// run, which takes as long as a render of the lab, so the rate and the time left are
/// counted from it: counted from the start, a 300-submission run of Lab 1 showed
/// "0.0 per second, about 38 min left" for a run that took 16 s.
final class GradingProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let console: Console
    private let total: Int
    private var firstResult: Date?
    private var done = 0
    private var failures = 0

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
    }

    /// Counts a graded submission and shows the progress.
    func graded(_ result: SubmissionResult) {
        lock.withLock {
            done += 1
            if Self.hasErrors(result) { failures += 1 }
            let now = Date()
            if firstResult == nil { firstResult = now }
            let line = Self.line(
                done: done, total: total, secondsSinceFirst: now.timeIntervalSince(firstResult ?? now), failures: failures)
            if console.isTerminal {
                console.printError("\r\u{1B}[2K" + line, terminator: "")
            } else {
                console.printError("\(line): \(result.student) \(Self.points(result.score))/\(Self.points(result.maxScore))")
            }
        }
    }

    /// Ends the live line.
    func finish() {
        lock.withLock { if console.isTerminal, done > 0 { console.printError("") } }
    }

    /// Whether an exercise of the submission stopped with an error, crashed, ran over its
    /// budget, or could not be read: what an instructor may want to look at.
    static func hasErrors(_ result: SubmissionResult) -> Bool {
        result.exercises.contains { [.error, .crashed, .budget, .unreadable].contains($0.status) }
    }

    /// `graded 12/300, 4.1 per second, about 1 min 10 s left, 2 with errors`, the rate from
    /// the `done - 1` results after the first, `secondsSinceFirst` apart (none before a second
    /// result).
    static func line(done: Int, total: Int, secondsSinceFirst seconds: Double, failures: Int) -> String {
        var parts = ["graded \(done)/\(total)"]
        if done >= 2, seconds > 0 {
            let rate = Double(done - 1) / seconds
            parts.append(String(format: "%.1f per second", rate))
            if done < total { parts.append("about \(duration(Double(total - done) / rate)) left") }
        }
        parts.append("\(failures) with errors")
        return parts.joined(separator: ", ")
    }

    /// `45 s`, `3 min 05 s`, `1 h 02 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
