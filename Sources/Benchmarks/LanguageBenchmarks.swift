import Diagnostics
import Foundation
import ScriptRuntime

/// Scalar programs run by the `rnn` interpreter and by `python3`, side by side.
let languagePrograms: [(name: String, setup: String, timed: String)] = [
    ("loop: s += i, 1e6 times", "", "s = 0\nfor i in range(1000000):\n    s += i\n"),
    ("recursive fib(25)",
     "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n",
     "fib(25)\n"),
    ("while loop with floats, 1e6 steps",
     "", "x = 0.0\ni = 0\nwhile i < 1000000:\n    x = x * 0.5 + 1.0\n    i += 1\n"),
    ("list comprehension, 1e6 items", "", "ys = [i * 2 for i in range(1000000) if i % 3 == 0]\n"),
]

/// The language benchmarks: seconds per program for rnnbook and python3, and their ratio.
///
/// On a shared machine a run's speed drifts by tens of percent from second to second, so
/// each side is timed in `rounds` alternating rounds (rnnbook, python3, rnnbook, …) of
/// five runs, and the best run of each side is compared: both get the same chances at a
/// quiet moment.
func languageBenchmarks() throws {
    let only = ProcessInfo.processInfo.environment["LANGUAGE_BENCHMARK"]
    let rounds = 3
    for program in languagePrograms where only.map({ program.name.contains($0) }) ?? true {
        var ours = Double.infinity
        var theirs: Double?
        for _ in 0..<rounds {
            ours = min(ours, rnnbookSeconds(program.setup, program.timed))
            if let python = pythonSeconds(program.setup, program.timed) { theirs = min(theirs ?? python, python) }
        }
        let ratio = theirs.map { String(format: "%.2fx", ours / $0) } ?? "n/a"
        let python = theirs.map { String(format: "%8.1f ms", $0 * 1000) } ?? "  python3 unavailable"
        let name = program.name.padding(toLength: 36, withPad: " ", startingAt: 0)
        print("\(name) rnnbook " + String(format: "%8.1f ms", ours * 1000) + "   python3 \(python)   rnnbook/python3 \(ratio)")
    }
}

/// The best of five runs of `timed` in a session that already ran `setup`.
func rnnbookSeconds(_ setup: String, _ timed: String) -> Double {
    let session = ScriptSession(seed: 0)
    let file = SourceFile(name: "bench.md", text: setup + timed)
    let budget = Budget(operations: Int.max, seconds: 600)
    _ = session.run(setup, origin: BlockOrigin(file: file, line: 1), budget: budget)
    var best = Double.infinity
    for _ in 0..<5 {
        let result = session.run(timed, origin: BlockOrigin(file: file, line: 1), budget: budget)
        if let error = result.error { print(error.rendered) }
        best = min(best, result.seconds)
    }
    return best
}

/// The best of five runs of `timed` inside `python3`, timed there with `perf_counter`.
func pythonSeconds(_ setup: String, _ timed: String) -> Double? {
    let script = """
    import time
    \(setup)
    best = 1e9
    for _ in range(5):
        t = time.perf_counter()
        exec(\(pythonLiteral(timed)), globals())
        best = min(best, time.perf_counter() - t)
    print(best)
    """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}

func pythonLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
        .replacingOccurrences(of: "'", with: "\\'") + "'"
}
