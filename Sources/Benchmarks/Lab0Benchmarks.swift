import Foundation
import Notebook
import ScriptRuntime

/// Lab 0 (`notebooks/00-eel-project/`): the page rendered once per training seed
/// (`-p training_seed=K`), with the validation accuracy the page asserts (≥ 0.85), its
/// accuracy by difference, the validations during training, and the time each render took
/// (wall clock and CPU). `RNNBOOK_LAB0_SEEDS=N` sets how many seeds (default 6: 0 … 5).
/// Run from the checkout's top folder.
func lab0Benchmarks() throws {
    let path = "notebooks/00-eel-project/00-eel-project.md"
    guard FileManager.default.fileExists(atPath: path) else {
        print("lab0: \(path) not found (run from the checkout's top folder)")
        return
    }
    let count = ProcessInfo.processInfo.environment["RNNBOOK_LAB0_SEEDS"].flatMap(Int.init) ?? 6
    var passed = 0
    var accuracies: [Double] = []
    for seed in 0..<max(1, count) {
        let wall = Date()
        let cpu = processCPUSeconds()
        let settings = RunSettings(parameters: [("training_seed", .int(seed))])
        let run = NotebookRunner.run(try Notebook.load(path: path), settings: settings)
        let seconds = Date().timeIntervalSince(wall)
        let cpuSeconds = processCPUSeconds() - cpu
        let output = printedLines(of: run)
        let validation = output.first { $0.hasPrefix("validation accuracy") } ?? "no validation line"
        let byDifference = output.first { $0.hasPrefix("by difference") } ?? ""
        let during = mainRunValidations(output)
        if let value = validation.split(separator: " ").dropFirst(2).first.flatMap({ Double($0) }) { accuracies.append(value) }
        let failure = run.cells.first { $0.unexpectedFailure }?.result.error.map { "FAILED: \($0.message)" }
        if failure == nil { passed += 1 }
        print(String(format: "  seed %d: %5.1f s wall, %5.1f s CPU; ", seed, seconds, cpuSeconds)
              + "\(validation); \(byDifference); validations during training \(during.joined(separator: " ")); \(failure ?? "ok")")
    }
    let low = accuracies.min().map { String(format: "%.3f", $0) } ?? "-"
    let high = accuracies.max().map { String(format: "%.3f", $0) } ?? "-"
    print("Lab 0 sweep: \(passed) of \(max(1, count)) seeds render without error; final validation \(low)–\(high) (asserted ≥ 0.85)")
}

/// The CPU time of this process so far (all threads), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// The validation accuracies the main run printed (`epoch  10: validation accuracy 0.498`),
/// up to the next run's first (its epochs start again).
private func mainRunValidations(_ lines: [String]) -> [String] {
    var values: [String] = []
    var lastEpoch = 0
    for line in lines {
        let words = line.split(separator: " ")
        guard words.count == 5, words[0] == "epoch", words[2] == "validation", let value = words.last, Double(value) != nil,
              let epoch = Int(words[1].dropLast()) else { continue }
        if epoch <= lastEpoch { break }
        lastEpoch = epoch
        values.append(String(value))
    }
    return values
}

/// The printed lines of a run, in order.
private func printedLines(of run: NotebookRun) -> [String] {
    run.cells.flatMap { cell in
        cell.result.outputs.flatMap { output -> [String] in
            if case .text(let text) = output { return text.split(separator: "\n").map(String.init) }
            return []
        }
    }
}
