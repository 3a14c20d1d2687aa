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
    ("string s += 'x', 2e5 times", "", "s = ''\nfor i in range(200000):\n    s += 'x'\n"),
    ("module(x) on a small user nn.Module, 1e4 times",
     "import torch\nimport torch.nn as nn\ntorch.set_num_threads(1)\nclass Small(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 4)\n    def forward(self, x):\n        return self.fc(x)\nm = Small()\nx = torch.ones(1, 4)\n",
     "for i in range(10000):\n    m(x)\n"),
    ("method call on a user class, 1e6 times",
     "class Counter:\n    def __init__(self):\n        self.n = 0\n    def add(self, k):\n        self.n += k\n        return self.n\nc = Counter()\n",
     "for i in range(1000000):\n    c.add(1)\n"),
]

/// The language benchmarks: the best time of each program in rnnbook and in python3, and
/// the ratio of the two bests.
///
/// The machine may be busy with other work, so each side runs the program many times,
/// rounds alternating between rnnbook and python3 (a burst of outside load then slows both
/// alike rather than one side only), and the best time of each side is compared: at least
/// `LANGUAGE_BENCHMARK_ROUNDS` rounds (9), and more until each side has run for a second
/// (short programs get many chances at a quiet moment). Both sides stay warm between
/// rounds: one rnnbook session and one python3 process per program, and a first round for
/// each that is not timed. `LANGUAGE_BENCHMARK=fib` runs only the programs whose name
/// contains `fib`.
func languageBenchmarks() throws {
    let environment = ProcessInfo.processInfo.environment
    let only = environment["LANGUAGE_BENCHMARK"]
    let minimumRounds = environment["LANGUAGE_BENCHMARK_ROUNDS"].flatMap { Int($0) }.map { max(1, $0) } ?? 9
    let minimumSeconds = 1.0
    let maximumRounds = 500
    // A python3 that dies must not take the benchmark down when its input is written.
    signal(SIGPIPE, SIG_IGN)
    print("best of ≥ \(minimumRounds) interleaved runs per side, more until each side has run \(minimumSeconds) s")
    for program in languagePrograms where only.map({ program.name.contains($0) }) ?? true {
        let rnnbook = RnnbookProgram(setup: program.setup, timed: program.timed)
        var python = PythonProgram(setup: program.setup, timed: program.timed)
        var ours = Timings()
        var theirs = Timings()
        var rounds = -1  // the first round is not timed
        repeat {
            let seconds = rnnbook.run()
            if rounds >= 0 { ours.add(seconds) }
            if let seconds = python?.run() {
                if rounds >= 0 { theirs.add(seconds) }
            } else if let failed = python {
                failed.finish()
                python = nil
            }
            rounds += 1
        } while rounds < minimumRounds
            || (rounds < maximumRounds && min(ours.total, python == nil ? .infinity : theirs.total) < minimumSeconds)
        python?.finish()
        let pythonTime = theirs.best.isFinite ? String(format: "%8.1f ms", theirs.best * 1000) : "unavailable"
        let ratio = theirs.best.isFinite ? String(format: "%.2fx", ours.best / theirs.best) : "n/a"
        let name = program.name.padding(toLength: 36, withPad: " ", startingAt: 0)
        print("\(name) rnnbook " + String(format: "%8.1f ms", ours.best * 1000) + "   python3 \(pythonTime)   rnnbook/python3 \(ratio)")
    }
}

/// The best and the total of one side's times.
struct Timings {
    var best = Double.infinity
    var total = 0.0

    mutating func add(_ seconds: Double) {
        best = min(best, seconds)
        total += seconds
    }
}

/// A program in one rnnbook session that has already run its setup.
final class RnnbookProgram {
    let session = ScriptSession(seed: 0)
    let timed: String
    let origin: BlockOrigin

    init(setup: String, timed: String) {
        self.timed = timed
        origin = BlockOrigin(file: SourceFile(name: "bench.md", text: setup + timed), line: 1)
        _ = session.run(setup, origin: origin, budget: RnnbookProgram.budget)
    }

    static let budget = Budget(operations: Int.max, seconds: 600)

    /// Runs the timed part once and returns its seconds (printing any error).
    func run() -> Double {
        let result = session.run(timed, origin: origin, budget: RnnbookProgram.budget)
        if let error = result.error { print(error.rendered) }
        return result.seconds
    }
}

/// A program in a `python3` process that has already run its setup and runs the timed
/// part (compiled once) each time it reads a line, answering with the seconds it took,
/// measured there with `perf_counter`.
final class PythonProgram {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    /// Output read but not yet consumed (a partial line).
    var buffer = Data()

    /// Starts `python3`, or returns nil when it cannot be started.
    init?(setup: String, timed: String) {
        let script = """
        import sys, time
        \(setup)
        code = compile(\(pythonLiteral(timed)), 'bench', 'exec')
        for _ in sys.stdin:
            t = time.perf_counter()
            exec(code, globals())
            print(time.perf_counter() - t, flush=True)
        """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `RNNBOOK_BENCHMARK_PYTHON` names another interpreter, e.g. a virtual environment's
        // with PyTorch installed for the `nn.Module` program.
        let python = ProcessInfo.processInfo.environment["RNNBOOK_BENCHMARK_PYTHON"] ?? "python3"
        process.arguments = [python, "-c", script]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
    }

    /// Runs the timed part once; nil when python3 failed.
    func run() -> Double? {
        do { try input.fileHandleForWriting.write(contentsOf: Data("run\n".utf8)) } catch { return nil }
        return readLine().flatMap { Double($0) }
    }

    /// The next line python3 printed, nil at the end of its output.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// Closes python3's input so that it ends, then waits for it.
    func finish() {
        try? input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
}

func pythonLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
        .replacingOccurrences(of: "'", with: "\\'") + "'"
}
