import Diagnostics
import Foundation
import ScriptRuntime
import Testing
@testable import Notebook
@testable import Report

@Suite struct ReportPageTests {
    static let source = """
        ---
        title: Small lab
        authors: [Ada]
        ---
        # Small lab

        Intro with $x_i$ and a link to [docs](https://example.org/docs), see @fig-loss.

        ## Training

        ```rnn #fig-loss caption="Loss <curve>"
        loss = 1 # note
        print("a < b")
        ```

        ### Details

        ```python
        not_run = "<b>"
        ```
        """

    /// A run of the small lab with hand-made outputs, so the report does not depend on the engine.
    static func run() -> NotebookRun {
        let notebook = Notebook.parse(name: "small.md", text: source)
        let cell = notebook.codeCells[0]
        let error = Diagnostic(id: "x", "something & wrong", file: notebook.file, range: SourceRange(line: 12, column: 1))
        let result = BlockResult(outputs: [
            .text("a < b\n"), .text("more\n"), .value("1.5"),
            .figure(svg: "<svg role=\"img\"><title>Loss</title></svg>", title: "Loss"), .error(error),
        ])
        return NotebookRun(
            notebook: notebook, frontMatter: notebook.frontMatter,
            cells: [CellRun(cell: cell, result: result, unexpectedFailure: true)])
    }

    @Test func goldenBodyHTML() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{title}}|{{authors}}\n{{#toc}}{{level}}:{{id}}:{{text}}\n{{/toc}}{{#cells}}{{#markdown}}{{{html}}}{{/markdown}}{{#code}}{{> cell}}{{/code}}{{/cells}}"
            .write(to: folder.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let templates = try Templates.overriding(with: folder.path)
        let page = try ReportRenderer.render(Self.run(), templates: templates)
        #expect(page.html == """
            Small lab|Ada
            2:training:Training
            3:details:Details
            <p>Intro with <math><semantics><mrow><msub><mi>x</mi><mi>i</mi></msub></mrow><annotation encoding="application/x-tex">x_i</annotation></semantics></math> and a link to <a href="https://example.org/docs">docs</a>, see <a class="xref" href="#fig-loss">Figure&nbsp;1</a>.</p>
            <h2 id="training">Training</h2>
            <div class="cell failed" id="cell-1">
            <div class="input"><span class="prompt">[1]</span><pre class="source"><code class="language-rnn">loss <span class="o">=</span> <span class="m">1</span> <span class="c"># note</span>
            print(<span class="s">&quot;a &lt; b&quot;</span>)</code></pre><span class="run-time" title="run time">0.00 s</span></div>
            <div class="outputs">
            <pre class="stream">a &lt; b
            more
            </pre>
            <pre class="value">1.5</pre>
            <pre class="error">small.md:12:1: error: something &amp; wrong
             12 | loss = 1 # note
                | ^</pre>

            <figure id="fig-loss">
            <div class="plot"><svg role="img"><title>Loss</title></svg></div>
            <figcaption><span class="figure-label">Figure 1:</span> Loss &lt;curve&gt;</figcaption>
            </figure>
            </div>
            </div>
            <h3 id="details">Details</h3>
            <pre class="code"><code class="language-python">not_run = &quot;&lt;b&gt;&quot;
            </code></pre>

            """)
    }

    @Test func builtInPageIsSelfContained() throws {
        let page = try ReportRenderer.render(Self.run())
        let html = page.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>\n:root {"))
        #expect(html.contains("<title>Small lab</title>"))
        #expect(html.contains("<nav class=\"toc\""))
        #expect(html.contains("<a href=\"#training\">Training</a>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link "))
        // The only external address is the one the author wrote.
        let addresses = html.components(separatedBy: "://").dropFirst().map { $0.prefix(while: { $0 != "\"" && $0 != "<" }) }
        #expect(addresses == ["example.org/docs"])
    }

    @Test func unknownFigureReferenceWarns() throws {
        let notebook = Notebook.parse(name: "w.md", text: "See @fig-los and $\\badcmd$.\n\n```rnn #fig-loss\n```\n")
        let page = try ReportRenderer.render(NotebookRunner.run(notebook))
        #expect(page.warnings.map(\.header) == [
            "w.md:1:5: warning: reference to unknown figure '@fig-los' (did you mean 'fig-loss'?)",
            "w.md:1:19: warning: cannot render math: unsupported TeX command '\\badcmd'; shown as TeX",
        ])
        #expect(page.html.contains("<span class=\"xref missing\">??</span>"))
        #expect(page.html.contains("<code class=\"tex\">$\\badcmd$</code>"))
    }

    @Test func hiddenSourceAndOutputs() throws {
        let notebook = Notebook.parse(name: "h.md", text: "```rnn echo=false\nsecret = 1\n```\n\n```rnn output=false\nshown = 2\n```\n")
        let html = try ReportRenderer.render(NotebookRunner.run(notebook)).html
        #expect(!html.contains("secret"))
        #expect(html.contains("shown"))
    }

    @Test func parseErrorsAreShownOnThePage() throws {
        let notebook = Notebook.parse(name: "e.md", text: "```rnn pionts=1\n```\n")
        let html = try ReportRenderer.render(NotebookRunner.run(notebook)).html
        #expect(html.contains("<section class=\"problems\""))
        #expect(html.contains("unknown block option &#39;pionts&#39; (did you mean &#39;points&#39;?)"))
    }

    @Test func templateProblemsAreErrors() throws {
        #expect(throws: TemplateError.self) { try Templates.overriding(with: "/nonexistent/templates") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#cells}} unclosed".write(to: folder.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        let templates = try Templates.overriding(with: folder.path)
        #expect(throws: TemplateError.self) { try ReportRenderer.render(Self.run(), templates: templates) }
    }

    @Test func sameNotebookSameBytes() throws {
        let text = """
            ---
            seed: 5
            ---
            ```rnn
            env = PerceptualDecisionMaking(dt=100)
            net = RNNNet(3, 8, 3, dt=100)
            log = train(net, Dataset(env, batch_size=4, seq_len=22), steps=6, optimizer=Adam(net.parameters(), lr=0.01), log_every=3)
            plt.plot(log.loss)
            print(randn(3))
            ```
            """
        // The published editions are reproducible; the instructor's also shows run times.
        func render() throws -> String {
            try ReportRenderer.render(NotebookRunner.run(Notebook.parse(name: "r.md", text: text)), edition: .reader).html
        }
        let first = try render()
        #expect(first.contains("step 6/6"))
        #expect(try render() == first)
    }

    @Test func builtInTemplatesAreEmbedded() {
        #expect(Templates.builtIn.files.keys.sorted() == ["cell.mustache", "feedback.mustache", "index.mustache", "nav.mustache", "page.mustache", "sitenav.mustache", "style.css"])
    }
}
