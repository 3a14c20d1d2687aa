import Foundation
import Notebook
import Report

/// `rnnbook preview`'s work after a prose edit of Lab 1: parse the edited notebook, let the
/// `IncrementalRunner` find that no block changed, and render the page (issue 20's goal:
/// under 0.3 s). Prints the median of five edits, wall and CPU time.
func previewBenchmarks() throws {
    let path = "notebooks/01-rnn-cognitive-tasks.md"
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("preview: \(path) not found (run from the checkout's top folder)")
        return
    }
    let runner = IncrementalRunner()
    _ = try ReportRenderer.render(runner.run(Notebook.parse(name: path, text: source)))
    var wall: [Double] = []
    var cpu: [Double] = []
    for edit in 1...5 {
        let edited = source.replacingOccurrences(of: "In this lab you train", with: "In this lab (edit \(edit)) you train")
        let startWall = DispatchTime.now().uptimeNanoseconds
        let startCPU = clock()
        let run = runner.run(Notebook.parse(name: path, text: edited))
        let page = try ReportRenderer.render(run)
        cpu.append(Double(clock() - startCPU) / Double(CLOCKS_PER_SEC))
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - startWall) / 1e9)
        guard runner.blocksRun == 0, page.html.contains("(edit \(edit))") else {
            print("preview: the prose edit re-ran \(runner.blocksRun) blocks or is missing from the page")
            return
        }
    }
    print(String(format: "preview, Lab 1 prose edit re-rendered: %.3f s wall, %.3f s CPU (median of 5; goal < 0.3 s), no block re-run",
                 wall.sorted()[2], cpu.sorted()[2]))
}
