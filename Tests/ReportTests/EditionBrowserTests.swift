import Foundation
import Testing
@testable import Grading
@testable import Notebook
@testable import Report

/// Lab 1's three editions, laid out by headless Chromium: what a reader can actually see.
@Suite(.enabled(if: Browser.available, "Chromium is not installed"), .serialized)
struct EditionBrowserTests {
    /// What the probe script measured on a page.
    struct Probe: Decodable {
        /// The page's rendered text (`innerText`): folded content is not part of it.
        var visibleText: String
        /// Error boxes with a laid-out size.
        var visibleErrors: Int
        /// `details.solution` elements, and how many are open.
        var solutions: Int
        var openSolutions: Int
        /// The tallest folded solution, summary included.
        var foldedHeight: Double
        /// "Runs when you have done" notes.
        var waiting: Int
    }

    static let script = """
        <script>
        const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
        const details = [...document.querySelectorAll('details.solution')];
        const probe = {
          visibleText: document.body.innerText,
          visibleErrors: [...document.querySelectorAll('pre.error, .problems')].filter(visible).length,
          solutions: details.length,
          openSolutions: details.filter(d => d.open).length,
          foldedHeight: Math.max(0, ...details.map(d => d.getBoundingClientRect().height)),
          waiting: document.querySelectorAll('.waiting').length,
        };
        const out = document.createElement('textarea');
        out.id = 'probe';
        out.textContent = JSON.stringify(probe);
        document.body.appendChild(out);
        </script></body>
        """

    static func probe(_ html: String) throws -> (Probe, (colours: Int, inked: Double)) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-editions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let probed = folder.appendingPathComponent("probe.html")
        // The probe script runs only without the page's Content-Security-Policy.
        try BrowserTests.withoutPolicy(html).replacingOccurrences(of: "</body>", with: script)
            .write(to: probed, atomically: true, encoding: .utf8)
        let dom = try Browser.chromium(["--dump-dom", probed.absoluteString])
        guard let start = dom.range(of: "<textarea id=\"probe\">"), let end = dom.range(of: "</textarea>", range: start.upperBound..<dom.endIndex) else {
            throw BrowserError.badImage
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        let page = folder.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let shot = folder.appendingPathComponent("shot.png")
        _ = try Browser.chromium(["--window-size=900,2400", "--screenshot=\(shot.path)", page.absoluteString])
        return (probe, try Browser.pixelStatistics(png: shot.path))
    }

    @Test func lab1Editions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let notebook = try Notebook.load(path: root.appendingPathComponent("notebooks/01-rnn-cognitive-tasks.md").path)
        let settings = RunSettings(parameters: [
            ("train_steps", .int(60)), ("test_trials", .int(20)), ("bptt_steps", .int(5)), ("min_accuracy", .float(0)),
            ("hidden_size", .int(32)), ("step_train_steps", .int(20)),
        ])
        // One run serves the three editions.
        let run = NotebookRunner.run(notebook, settings: settings)
        #expect(!run.failed)
        let assignment = Assignment(notebook)
        #expect(assignment.exercises.count == 3)
        // Lines found only inside solution or hidden-test regions.
        var secret = Set<Int>()
        for region in assignment.exercises.flatMap(\.solutions) + assignment.checks.flatMap(\.hidden) {
            secret.formUnion(region.beginLine...region.endLine)
        }
        let publicLines = Set((1...notebook.file.lineCount).filter { !secret.contains($0) }
            .map { notebook.file.line($0).trimmingCharacters(in: .whitespaces) })
        let solutionLines = assignment.exercises.flatMap(\.solutions).flatMap { region in
            ((region.beginLine + 1)..<region.endLine).map { notebook.file.line($0).trimmingCharacters(in: .whitespaces) }
        }.filter { $0.count > 12 && !publicLines.contains($0) }
        let hiddenLines = assignment.checks.flatMap(\.hidden).flatMap { region in
            ((region.beginLine + 1)..<region.endLine).map { notebook.file.line($0).trimmingCharacters(in: .whitespaces) }
        }.filter { $0.count > 12 && !publicLines.contains($0) }
        #expect(solutionLines.count > 10 && hiddenLines.count > 10)

        let reader = try ReportRenderer.render(run, edition: .reader).html
        let (readerProbe, readerShot) = try Self.probe(reader)
        #expect(readerProbe.solutions == 3 && readerProbe.openSolutions == 0)
        #expect(readerProbe.foldedHeight > 0 && readerProbe.foldedHeight < 40, "a folded solution is one line high")
        #expect(readerProbe.visibleErrors == 0)
        #expect(StudentVersion.leaks(assignment, student: readerProbe.visibleText).isEmpty)
        #expect(!hiddenLines.contains { reader.contains(HTML.escape($0)) || readerProbe.visibleText.contains($0) })
        #expect(readerShot.colours > 20 && readerShot.inked > 0.01, "screenshot looks blank")

        let student = try ReportRenderer.render(run, edition: .student).html
        let (studentProbe, studentShot) = try Self.probe(student)
        #expect(studentProbe.solutions == 0 && studentProbe.visibleErrors == 0)
        #expect(studentProbe.waiting >= 6)
        #expect(StudentVersion.leaks(assignment, student: studentProbe.visibleText).isEmpty)
        #expect(!solutionLines.contains { studentProbe.visibleText.contains($0) })
        #expect(!hiddenLines.contains { studentProbe.visibleText.contains($0) })
        #expect(studentProbe.visibleText.contains("todo(\"Return (1 - alpha) * h + alpha * relu(W_in x + b_in + W_rec h + b_rec)\")"))
        #expect(studentShot.colours > 20 && studentShot.inked > 0.01, "screenshot looks blank")

        let instructor = try ReportRenderer.render(run, edition: .instructor).html
        let (instructorProbe, _) = try Self.probe(instructor)
        #expect(solutionLines.allSatisfy { instructorProbe.visibleText.contains($0) })
        #expect(instructorProbe.visibleText.components(separatedBy: "passed,").count - 1 == assignment.checks.count)
    }
}

/// The print style sheet: Chromium prints a page to PDF without the navigation.
@Suite(.enabled(if: Browser.available, "Chromium is not installed"), .serialized)
struct PrintTests {
    @Test func printingGivesAPDFWithoutNavigation() throws {
        let run = NotebookRunner.run(Notebook.parse(name: "p.md", text: """
            # Printed

            ## Part {#sec-part}

            See @sec-part.

            ```rnn exercise=e points=1
            def f():
                ### BEGIN SOLUTION
                return 1
                ### END SOLUTION
            ```
            """))
        let navigation = PageNavigation(index: "index.html", pages: [("p.html", "Printed", true)])
        let html = try ReportRenderer.render(run, navigation: navigation, edition: .reader).html
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The print rules, applied by a copy that turns them on for the screen, hide the
        // navigation and the folded solution.
        let screen = BrowserTests.withoutPolicy(html).replacingOccurrences(of: "@media print {", with: "@media all {")
            .replacingOccurrences(of: "</body>", with: """
                <script>const hidden = s => [...document.querySelectorAll(s)].every(e => e.getBoundingClientRect().height === 0);
                document.title = [hidden('nav.site'), hidden('.pager'), hidden('.toc'), hidden('details.solution')].join(',');</script></body>
                """)
        let page = folder.appendingPathComponent("screen.html")
        try screen.write(to: page, atomically: true, encoding: .utf8)
        let dom = try Browser.chromium(["--dump-dom", page.absoluteString])
        #expect(dom.contains("<title>true,true,true,true</title>"))
        let printed = folder.appendingPathComponent("p.html")
        try html.write(to: printed, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("p.pdf")
        _ = try Browser.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", printed.absoluteString])
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF".utf8)) && data.count > 1000)
    }
}
