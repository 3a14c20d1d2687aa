import Foundation
import Testing
@testable import Notebook
@testable import Report

/// Formulas as Chromium lays them out: align columns, limits, stretchy fences, spacing.
@Suite(.enabled(if: Browser.available, "Chromium is not installed"), .serialized)
struct MathBrowserTests {
    /// One measured box: what it is, and its left, top, right and bottom edges.
    struct Box: Decodable {
        var kind: String
        var text: String
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
    }

    static func measure(_ markdown: String) throws -> [Box] {
        let html = try ReportRenderer.render(NotebookRunner.run(Notebook.parse(name: "m.md", text: markdown))).html
        let script = """
            <script>
            const boxes = [];
            const add = (kind, e) => { const r = e.getBoundingClientRect(); boxes.push({kind, text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}); };
            for (const mo of document.querySelectorAll('mo')) add('mo', mo);
            for (const e of document.querySelectorAll('munderover')) { add('base', e.children[0]); add('under', e.children[1]); add('over', e.children[2]); }
            for (const e of document.querySelectorAll('mi')) add('mi', e);
            for (const e of document.querySelectorAll('mtd.tag')) add('tag', e);
            for (const e of document.querySelectorAll('math[display="block"]')) add('math', e);
            const out = document.createElement('textarea'); out.id = 'probe'; out.textContent = JSON.stringify(boxes); document.body.appendChild(out);
            </script></body>
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-math-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("m.html")
        // The probe script runs only without the page's Content-Security-Policy.
        try BrowserTests.withoutPolicy(html).replacingOccurrences(of: "</body>", with: script)
            .write(to: page, atomically: true, encoding: .utf8)
        let dom = try Browser.chromium(["--window-size=900,700", "--dump-dom", page.absoluteString])
        guard let start = dom.range(of: "<textarea id=\"probe\">"), let end = dom.range(of: "</textarea>", range: start.upperBound..<dom.endIndex) else {
            throw BrowserError.badImage
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode([Box].self, from: Data(json.utf8))
    }

    /// As LaTeX sets them: the formula centred, each row's number at the right margin on
    /// that row's line.
    @Test func equationNumbersSitAtTheRightMarginOfTheirRow() throws {
        let boxes = try Self.measure("""
            Text.

            $$
            \\begin{align}
            a &= b + c \\label{eq-one} \\\\
            d &= e \\label{eq-two}
            \\end{align}
            $$
            """)
        let math = try #require(boxes.first { $0.kind == "math" })
        let tags = boxes.filter { $0.kind == "tag" && !$0.text.isEmpty }
        let rows = boxes.filter { $0.kind == "mi" && ($0.text == "a" || $0.text == "d") }
        #expect(tags.map(\.text) == ["(1)", "(2)"])
        guard tags.count == 2, rows.count == 2 else { return }
        for (tag, row) in zip(tags, rows) {
            #expect(abs(tag.right - math.right) < 2, "number at \(tag.right), margin at \(math.right)")
            #expect(abs((tag.top + tag.bottom) / 2 - (row.top + row.bottom) / 2) < 6, "number off its row")
        }
        #expect(rows[0].left - math.left > 200, "the formula is not centred: it starts at \(rows[0].left - math.left) px")
    }

    @Test func alignColumnsLineUpAtTheEqualsSigns() throws {
        let boxes = try Self.measure("""
            \\begin{align}
            a &= b + c, & \\mathbf{h}_t &= (1-\\alpha)\\,\\mathbf{h}_{t-1}, \\\\
            \\mathcal{L}_{total} &= \\frac{1}{TB}\\sum_{t} \\ell_t, & y &= 2
            \\end{align}
            """)
        let equals = boxes.filter { $0.kind == "mo" && $0.text == "=" }
        #expect(equals.count == 4)
        guard equals.count == 4 else { return }
        // Row 1's first `=` over row 2's first, and the second over the second.
        #expect(abs(equals[0].left - equals[2].left) < 1, "\(equals.map(\.left))")
        #expect(abs(equals[1].left - equals[3].left) < 1, "\(equals.map(\.left))")
        #expect(equals[1].left - equals[0].right > 40, "the column pairs run together")
    }

    @Test func displayLimitsSitAboveAndBelowAndFencesStretch() throws {
        let boxes = try Self.measure("""
            $$
            \\sum_{t=1}^{T} x_t = \\left[ \\frac{\\partial L}{\\partial h} \\right] (a) + \\log\\operatorname{softmax}(x)
            $$
            """)
        let base = try #require(boxes.first { $0.kind == "base" })
        let under = try #require(boxes.first { $0.kind == "under" })
        let over = try #require(boxes.first { $0.kind == "over" })
        #expect(under.top >= base.bottom - 1 && over.bottom <= base.top + 1, "limits beside the sum")
        #expect(under.left < base.right && under.right > base.left, "the lower limit is not under the sum")
        let bracket = try #require(boxes.first { $0.kind == "mo" && $0.text == "[" })
        let paren = try #require(boxes.first { $0.kind == "mo" && $0.text == "(" })
        #expect(bracket.bottom - bracket.top > 1.8 * (paren.bottom - paren.top), "\\left[ does not stretch, or ( does")
        let log = try #require(boxes.first { $0.kind == "mi" && $0.text == "log" })
        let softmax = try #require(boxes.first { $0.kind == "mi" && $0.text == "softmax" })
        #expect(softmax.left - log.right > 1.5, "log and softmax run together")
    }
}
