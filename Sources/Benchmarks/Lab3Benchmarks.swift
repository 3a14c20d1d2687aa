import Foundation
import Notebook
import ScriptRuntime
import Tensor

/// Lab 3 (`notebooks/03-comparing-networks.md`) rendered for several seeds (the front
/// matter's `seed`; `LAB3_SEEDS`, comma-separated, default 2024 (the lab's own) and 1–4),
/// to show whether its results hold beyond the seed it was tuned on. Per seed: both models'
/// validation bit error (goal ≤ 5 %, asserted in the lab), the affine R² both ways, the
/// attractors found, CPU time (user and system), wall time and peak RSS, and the first
/// line of each block that failed. `LAB3_PARAMS` (`name=value,…`) overrides parameters as
/// `-p` does, e.g. `gru_epochs=2,node_epochs=2` for a quick look. Works with or without
/// the lab's arm section. Run from the checkout's top folder.
func lab3Benchmarks() throws {
    let candidates = ["notebooks/03-comparing-networks.md", "notebooks/drafts/03-comparing-networks.md"]
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
          let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("lab3: Lab 3 not found (run from the checkout's top folder)")
        return
    }
    let environment = ProcessInfo.processInfo.environment
    let seeds = (environment["LAB3_SEEDS"] ?? "2024,1,2,3,4").split(separator: ",").compactMap { Int($0) }
    let overrides = (environment["LAB3_PARAMS"] ?? "").split(separator: ",").compactMap { item -> (String, ParameterValue)? in
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], ParameterValue(parsing: parts[1])) : nil
    }
    var passed = 0
    for seed in seeds {
        let source = text.replacingOccurrences(of: #"(?m)^seed: \d+$"#, with: "seed: \(seed)", options: .regularExpression)
        var settings = RunSettings()
        settings.parameters = overrides
        resetPeakMemory()
        let before = processUsage()
        let started = Date()
        let run = NotebookRunner.run(Notebook.parse(name: path, text: source), settings: settings)
        let wall = Date().timeIntervalSince(started)
        let after = processUsage()
        MemoryTuning.releaseCachedBlocks()
        if !run.failed { passed += 1 }
        let (user, system) = ((after.user - before.user) / 1000, (after.system - before.system) / 1000)
        print(String(format: "  seed %4d: %@; CPU %.0f s (user %.0f, sys %.0f = %.0f %%), wall %.0f s, peak %.0f MB",
                     seed, run.failed ? "FAILED" : "ok", user + system, user, system, 100 * system / max(user + system, 1e-9),
                     wall, after.peakMegabytes))
        for line in lines(of: run) where isLab3Result(line) { print("    " + line) }
        for failure in failures(of: run) { print("    failed: " + failure) }
    }
    print("Lab 3 sweep: \(passed) of \(seeds.count) seeds render without error")
}

/// Whether `line` is one Lab 3 prints a result with: bit errors, R² both ways, the fixed
/// points after merging, the attractors and saddles, each training's length and time.
private func isLab3Result(_ line: String) -> Bool {
    let prefixes = ["validation bit error rate", "GRU -> NODE", "NODE -> GRU", "after merging", "distance between attractors"]
    if prefixes.contains(where: line.hasPrefix) { return true }
    // "8 attractors, one per corner:", "7 saddles (max|λ| > 1.001):", "25 epochs, 325 steps of Adam in 97 s"
    let words = line.split(separator: " ", maxSplits: 2)
    return words.count > 1 && Int(words[0]) != nil && ["attractors,", "saddles", "epochs,"].contains(String(words[1]))
}

/// The first line of each block's error (the assertion or exception that stopped it).
private func failures(of run: NotebookRun) -> [String] {
    var found: [String] = []
    for cell in run.cells where cell.unexpectedFailure {
        var message = "failed"
        for case .error(let diagnostic) in cell.result.outputs {
            let rendered: String = diagnostic.rendered
            message = rendered.split(separator: "\n").first.map(String.init) ?? rendered
        }
        found.append(message == "failed" ? "the block at line \(cell.cell.codeLine)" : message)
    }
    return found
}
