import Foundation

/// The parent process: gives each target an equal share of the time, runs it in worker
/// processes, restarts a worker after the input that crashed or hung it, saves every
/// finding (the input, its index and how to replay it), and prints the figures.
struct Driver {
    let targets: [FuzzTarget]
    let seed: UInt64
    let seconds: Double
    let hangSeconds: Double
    let findings: String
    let executable: String

    /// One target's figures.
    struct Figures {
        var inputs = 0
        var crashes = 0
        var hangs = 0
        var problems = 0
        var seconds = 0.0
        /// The slowest input that finished: its index and seconds.
        var slowest = (index: 0, seconds: 0.0)
    }

    func run() -> Int32 {
        try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
        say("fuzzing \(targets.count) targets for \(Int(seconds)) s, seed \(seed); findings go to \(findings)")
        say(row("target", "inputs", "crashes", "hangs", "problems", "seconds", "inputs/s", "slowest"))
        var total = Figures()
        let start = Date()
        for (position, target) in targets.enumerated() {
            let share = (seconds - Date().timeIntervalSince(start)) / Double(targets.count - position)
            let began = Date()
            let figures = fuzz(target, seconds: max(share, 0.5))
            let elapsed = Date().timeIntervalSince(began)
            total.inputs += figures.inputs
            total.crashes += figures.crashes
            total.hangs += figures.hangs
            total.problems += figures.problems
            total.seconds += elapsed
            say(row(target.name, "\(figures.inputs)", "\(figures.crashes)", "\(figures.hangs)", "\(figures.problems)",
                      String(format: "%.1f", elapsed), "\(Int(Double(figures.inputs) / max(elapsed, 0.001)))",
                      String(format: "%.3f s (#%d)", figures.slowest.seconds, figures.slowest.index)))
        }
        say(row("total", "\(total.inputs)", "\(total.crashes)", "\(total.hangs)", "\(total.problems)",
                  String(format: "%.1f", total.seconds), "\(Int(Double(total.inputs) / max(total.seconds, 0.001)))"))
        return total.crashes + total.hangs + total.problems == 0 ? 0 : 1
    }

    /// Runs one target for `seconds`, restarting its worker after each crash or hang.
    func fuzz(_ target: FuzzTarget, seconds: Double) -> Figures {
        var figures = Figures()
        let deadline = Date().addingTimeInterval(seconds)
        let current = (findings as NSString).appendingPathComponent(".current-\(target.name)")
        let stats = (findings as NSString).appendingPathComponent(".stats-\(target.name)")
        let log = (findings as NSString).appendingPathComponent(".stderr-\(target.name)")
        var next = 0
        while Date() < deadline {
            try? FileManager.default.removeItem(atPath: stats)
            try? FileManager.default.removeItem(atPath: current)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--worker", target.name, "--seed", "\(seed)", "--start", "\(next)",
                                 "--seconds", String(format: "%.3f", deadline.timeIntervalSinceNow),
                                 "--current", current, "--stats", stats]
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: log)
            process.standardOutput = FileHandle.nullDevice
            do { try process.run() } catch {
                say("fuzz: cannot start a worker: \(error)")
                break
            }
            var hung = false
            while process.isRunning {
                usleep(50_000)
                let modified = (try? FileManager.default.attributesOfItem(atPath: current)[.modificationDate] as? Date) ?? Date()
                if Date().timeIntervalSince(modified) > hangSeconds {
                    kill(process.processIdentifier, SIGKILL)
                    hung = true
                }
            }
            process.waitUntilExit()
            figures.problems += collectProblems(target, stats)
            if !hung, process.terminationReason == .exit, process.terminationStatus == 0,
               let text = try? String(contentsOfFile: stats, encoding: .utf8),
               let end = Int(text.split(separator: " ").first ?? "") {
                figures.inputs += end - next
                let fields = text.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
                if fields.count == 4, let index = Int(fields[2]), let took = Double(fields[3]), took > figures.slowest.seconds {
                    figures.slowest = (index, took)
                }
                break
            }
            // The worker died or hung on the input in `current`.
            guard let record = try? String(contentsOfFile: current, encoding: .utf8),
                  let newline = record.firstIndex(of: "\n"), let index = Int(record[..<newline]) else {
                say("fuzz: \(target.name): a worker failed before its first input; see \(log)")
                figures.crashes += 1
                break
            }
            let input = String(record[record.index(after: newline)...])
            let kind = hung ? "hang" : "crash"
            if hung { figures.hangs += 1 } else { figures.crashes += 1 }
            let reason = hung ? "ran over \(Int(hangSeconds)) s" : describe(process, log)
            save(target, kind: kind, index: index, reason: reason, input: input)
            figures.inputs += index - next + 1
            next = index + 1
        }
        return figures
    }

    /// Moves the problems a worker wrote (broken properties) into findings.
    func collectProblems(_ target: FuzzTarget, _ stats: String) -> Int {
        let folder = (stats as NSString).deletingLastPathComponent
        let prefix = (stats as NSString).lastPathComponent + ".problem-"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
            guard lines.count == 3, let index = Int(lines[0]) else { continue }
            save(target, kind: "problem", index: index, reason: String(lines[1]), input: String(lines[2]))
        }
        return names.count
    }

    /// How a worker ended, with the last lines it printed to standard error.
    func describe(_ process: Process, _ log: String) -> String {
        let how = process.terminationReason == .uncaughtSignal
            ? "killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(3)
        return ([how] + lines.map(String.init)).joined(separator: " | ")
    }

    /// Writes a finding: the input in one file, and a line about it on the terminal.
    func save(_ target: FuzzTarget, kind: String, index: Int, reason: String, input: String) {
        let path = (findings as NSString).appendingPathComponent("\(target.name)-\(kind)-\(seed)-\(index).txt")
        try? Data(input.utf8).write(to: URL(fileURLWithPath: path))
        say("  \(kind) in \(target.name) at input \(index): \(reason.prefix(300))")
        say("    saved to \(path); replay: Fuzz --replay \(target.name) \(path)")
    }

    func row(_ cells: String...) -> String {
        zip(cells, [12, 10, 8, 6, 9, 8, 9, 16]).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }.joined()
    }
}

/// Prints a line at once (standard output is a pipe in CI, so nothing may wait in a buffer).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
