import Foundation
import Testing
@testable import Notebook
@testable import Report

/// Issue 20: figure text stays legible (at least 9 CSS pixels) on a page 420 px wide, in
/// headless Chromium. Headless windows are at least 500 px wide, so the probe narrows the
/// page itself to 420 px before measuring.
@Suite(.enabled(if: Browser.available, "Chromium is not installed"), .serialized)
struct FigureLegibilityTests {
    @Test func figureTextIsAtLeastNinePixelsAt420Wide() throws {
        let notebook = Notebook.parse(name: "narrow.md", text: """
            # Narrow

            ```rnn
            plt.plot([0, 1, 2], [1, 3, 2], label='a')
            plt.title('A default figure')
            plt.legend();
            ```

            ```rnn
            fig, axes = plt.subplots(1, 3, figsize=(9, 3))
            for ax in axes:
                ax.plot([0, 1], [0, 1]);
            ```

            ```rnn
            fig = plt.figure(figsize=(2.2, 1.7), dpi=200)
            ax = fig.add_subplot(111)
            ax.set_title('Small, 7-point text', fontsize=7, fontweight='bold')
            ax.plot([0, 1], [0, 1], label='line')
            ax.legend(fontsize=7, frameon=False, loc=[0.5, 0.1]);
            ```
            """)
        let run = NotebookRunner.run(notebook)
        #expect(!run.failed)
        let html = try ReportRenderer.render(run).html
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-legible-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each figure's smallest text as drawn: its font size in user units times the scale
        // the page lays the figure out at.
        let probe = BrowserTests.withoutPolicy(html).replacingOccurrences(of: "</body>", with: """
            <script>document.documentElement.style.width = '420px'; const out = [];
            for (const s of document.querySelectorAll('.plot svg')) {
              const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width; let least = 1e9;
              for (const t of s.querySelectorAll('text')) { least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale); }
              out.push(least.toFixed(2)); }
            document.body.setAttribute('data-least', out.join(' '));</script></body>
            """)
        let page = folder.appendingPathComponent("probe.html")
        try probe.write(to: page, atomically: true, encoding: .utf8)
        let dom = try Browser.chromium(["--window-size=500,2000", "--dump-dom", page.absoluteString])
        let least = try #require(dom.components(separatedBy: "data-least=\"").dropFirst().first?.prefix { $0 != "\"" })
            .split(separator: " ").compactMap { Double($0) }
        #expect(least.count == 3)
        for size in least { #expect(size >= 8.99, "figure text of \(size) px at 420 px wide: \(least)") }
    }
}
