import Foundation
import Notebook
import Report

/// Lab 2 (`notebooks/02-value-td.md`): the time of a render (goal under 15 s) and, for each
/// seed of a 10-seed sweep, whether the lab reaches its result: the learned value's R² on
/// both trial types (goal ≥ 0.95, asserted in the lab), how many networks died before one
/// trained, and when the tutorial's own stopping rule would have stopped with what R².
/// Run from the checkout's top folder.
func lab2Benchmarks() throws {
    let path = "notebooks/02-value-td.md"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("lab2: \(path) not found (run from the checkout's top folder)")
        return
    }
    let start = Date()
    let run = NotebookRunner.run(try Notebook.load(path: path))
    let page = try ReportRenderer.render(run)
    let figures = page.html.components(separatedBy: "<div class=\"plot\">").count - 1
    print(String(format: "render Lab 2: %.1f s (goal < 15 s), %d figures, %@", Date().timeIntervalSince(start), figures,
                 run.failed ? "FAILED" : "no error"))
    for line in lines(of: run) where line.hasPrefix("cue ") || line.hasPrefix("attempt") { print("  " + line) }

    var reached = 0
    let seeds = 1...10
    for seed in seeds {
        let source = text.replacingOccurrences(of: #"(?m)^seed: \d+$"#, with: "seed: \(seed)", options: .regularExpression)
        let started = Date()
        let sweep = NotebookRunner.run(Notebook.parse(name: "02-value-td-seed\(seed).md", text: source))
        let seconds = Date().timeIntervalSince(started)
        let output = lines(of: sweep)
        let fits = output.filter { $0.hasPrefix("cue ") }.compactMap { $0.components(separatedBy: "R^2 = ").last }
        let attempt = output.first { $0.hasPrefix("attempt") }.map { $0.components(separatedBy: ":").first ?? "" } ?? "?"
        let rule = output.first { $0.hasPrefix("with the tutorial's stopping rule") }
            .map { "tutorial's rule: " + ($0.components(separatedBy: "(").last ?? "").replacingOccurrences(of: "):", with: ",") }
            ?? "tutorial's rule never fired"
        if !sweep.failed { reached += 1 }
        print(String(format: "  seed %2d: %5.1f s, %@, R^2 %@; %@; %@", seed, seconds, attempt,
                     fits.joined(separator: " and "), rule, sweep.failed ? "FAILED" : "ok"))
    }
    print("Lab 2 sweep: \(reached) of \(seeds.count) seeds render without error (R^2 >= 0.95 on both trial types asserted)")
}

/// The printed lines of a run, in order.
func lines(of run: NotebookRun) -> [String] {
    run.cells.flatMap { cell in
        cell.result.outputs.flatMap { output -> [String] in
            if case .text(let text) = output { return text.split(separator: "\n").map(String.init) }
            return []
        }
    }
}
