import Foundation
import Notebook
import Report

/// Renders Lab 1 as `rnnbook render` does and prints the time and the accuracy it reports
/// (goal: under 30 s, accuracy at least 0.85). Run from the checkout's top folder.
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
}
