import Foundation
import Notebook
import Report

/// Renders Lab 1 as `rnnbook render` does and prints the time and the accuracy it reports
/// (goal: under 30 s, accuracy at least 0.85), then the time of rendering it again from the
/// results cache, as after an edit of its prose. Run from the checkout's top folder.
func labBenchmarks() throws {
    let path = "notebooks/01-rnn-cognitive-tasks.md"
    guard FileManager.default.fileExists(atPath: path) else {
        print("lab: \(path) not found (run from the checkout's top folder)")
        return
    }
    let start = Date()
    let notebook = try Notebook.load(path: path)
    let run = NotebookRunner.run(notebook)
    let page = try ReportRenderer.render(run)
    let seconds = Date().timeIntervalSince(start)
    var accuracy = "not reported"
    for cell in run.cells {
        for case .text(let text) in cell.result.outputs where text.hasPrefix("accuracy on ") {
            accuracy = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
    let figures = page.html.components(separatedBy: "<div class=\"plot\">").count - 1
    print(String(format: "render Lab 1: %.1f s (goal < 30 s), %d figures, %@, %@", seconds, figures, accuracy,
                 run.failed ? "FAILED" : "no error"))

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-bench-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = RunCache(directory: folder, environment: "benchmark")
    cache.store(run, settings: RunSettings())
    let again = Date()
    let edited = try Notebook.load(path: path)
    guard let reused = cache.lookUp(edited, settings: RunSettings()) else {
        print("render Lab 1 again: not taken from the cache (a bug)")
        return
    }
    let repeated = try ReportRenderer.render(reused)
    let cachedSeconds = Date().timeIntervalSince(again)
    print(String(format: "render Lab 1 again, results from the cache: %.0f ms, %@", cachedSeconds * 1000,
                 repeated.html == page.html ? "same page" : "DIFFERENT page"))
}
