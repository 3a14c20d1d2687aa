import Foundation
import Testing
@testable import Notebook
@testable import Report

/// The reader, student and instructor editions of one run.
struct EditionTests {
    static let source = """
        ---
        title: Editions
        ---

        Setup first.

        ```rnn
        data = [1, 2, 3]
        print("setup", len(data))
        ```

        **Exercise 1.** Write `double`.

        ```rnn exercise=double points=2
        def double(x):
            ### BEGIN SOLUTION Return twice x.
            secret_product = x * 2
            return secret_product
            ### END SOLUTION
        ```

        ```rnn check=double points=1
        assert double(2) == 4
        ```

        ```rnn check=double points=1
        ### BEGIN HIDDEN TESTS
        assert double(-7) == -14, "hidden_probe"
        ### END HIDDEN TESTS
        ```

        ```rnn
        doubled = [double(v) for v in data]
        ```

        ```rnn
        print("doubled", doubled)
        ```

        ```rnn
        for v in data:
            print("independent", v)
        ```
        """

    static func run() -> NotebookRun {
        NotebookRunner.run(Notebook.parse(name: "editions.md", text: source))
    }

    /// The page's text without tags, entities decoded as far as the tests need.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test func readerFoldsSolutionsAndDropsHiddenTests() throws {
        let html = try ReportRenderer.render(Self.run(), edition: .reader).html
        #expect(html.contains("<details class=\"solution\"><summary>Show solution</summary>"))
        #expect(!html.contains("<details class=\"solution\" open"))
        // The solution is inside the folded part, its markers are gone.
        let folded = html.components(separatedBy: "<details class=\"solution\">")[1].components(separatedBy: "</details>")[0]
        #expect(Self.text(folded).contains("secret_product = x * 2"))
        #expect(!html.contains("BEGIN SOLUTION") && !html.contains("END SOLUTION"))
        #expect(!html.contains("hidden_probe") && !html.contains("HIDDEN TESTS"))
        #expect(Self.text(html).contains("doubled [2, 4, 6]"))
        #expect(!html.contains("pre class=\"error\""))
        #expect(!html.contains("class=\"check-result") && !html.contains("class=\"run-time"))
        // Five blocks shown (the wholly hidden check is left out), numbered without gaps.
        #expect(html.contains("id=\"cell-6\"") && !html.contains("id=\"cell-7\""))
    }

    @Test func studentShowsStubsAndWaitingNotes() throws {
        let html = try ReportRenderer.render(Self.run(), edition: .student).html
        let text = Self.text(html)
        #expect(text.contains("todo(\"Return twice x.\")"))
        #expect(!text.contains("secret_product") && !html.contains("hidden_probe"))
        #expect(!html.contains("<details"))
        #expect(!html.contains("pre class=\"error\""))
        // Setup and the independent block keep their output; the check and the blocks that use
        // `double` (directly or through `doubled`) wait for the exercise.
        #expect(text.contains("setup 3") && text.contains("independent 3"))
        #expect(!text.contains("doubled [2, 4, 6]"))
        #expect(html.components(separatedBy: "Runs when you have done Exercise 1.").count - 1 == 3)
        // No empty cell: the wholly hidden check is left out.
        #expect(html.components(separatedBy: "<div class=\"cell").count - 1 == 6)
    }

    @Test func instructorShowsEverythingWithResults() throws {
        let html = try ReportRenderer.render(Self.run(), edition: .instructor).html
        let text = Self.text(html)
        #expect(text.contains("### BEGIN SOLUTION") && html.contains("hidden_probe"))
        #expect(text.contains("Check double.1: passed, 1 of 1 point"))
        #expect(text.contains("Check double.2: passed, 1 of 1 point"))
        #expect(html.components(separatedBy: "class=\"run-time\"").count - 1 == 7)
    }

    @Test func instructorShowsAFailedCheck() throws {
        let broken = Self.source.replacingOccurrences(of: "secret_product = x * 2", with: "secret_product = x * 3")
        let html = try ReportRenderer.render(NotebookRunner.run(Notebook.parse(name: "e.md", text: broken))).html
        #expect(Self.text(html).contains("Check double.1: failed, 0 of 1 point"))
    }

    @Test func brokenMarkersRefuseThePublicEditions() throws {
        let broken = Self.source.replacingOccurrences(of: "    ### END SOLUTION\n", with: "")
        let run = NotebookRunner.run(Notebook.parse(name: "e.md", text: broken))
        for edition in [Edition.reader, .student] {
            #expect(throws: EditionError.self) { try ReportRenderer.render(run, edition: edition) }
        }
        _ = try ReportRenderer.render(run, edition: .instructor)
    }

    @Test func longOutputsAreKeptWholeInABoundedBox() throws {
        let notebook = Notebook.parse(name: "long.md", text: """
            ```rnn
            for i in range(3000):
                print("line", i)
            ```

            ```rnn
            print("short")
            ```
            """)
        let html = try ReportRenderer.render(NotebookRunner.run(notebook), edition: .reader).html
        #expect(html.contains("<pre class=\"stream long\">line 0\n"))
        #expect(html.contains("line 2999\n</pre>"))
        #expect(html.contains("<pre class=\"stream\">short\n</pre>"))
        #expect(html.contains(".outputs pre.long { max-height: 24em; overflow-y: auto; }"))
    }

    @Test func dependencyScannerFindsBindingsAndReads() {
        let names = BlockNames(code: """
            import numpy as np
            a, b = f(x, key=1)
            c += a
            for i, j in pairs:
                net.train()
            def g(p, q=r):
                return p + q
            print(f"{later}")
            print(f"accuracy {score:.3f} {{braces}}")
            """)
        #expect(names.bound.isSuperset(of: ["np", "a", "b", "c", "i", "j", "g"]))
        #expect(names.receivers == ["net"])
        #expect(!names.bound.contains("key") && !names.bound.contains("f"))
        #expect(names.used.isSuperset(of: ["f", "x", "c", "pairs", "net", "later", "print"]))
        #expect(!names.used.contains("a") && !names.used.contains("p") && !names.used.contains("i"))
        // Only an f-string's fields are code: not its text, not its format spec.
        #expect(names.used.contains("score") && !names.used.contains("accuracy"))
        #expect(names.fresh.isSuperset(of: ["a", "b", "i", "j", "g"]) && !names.fresh.contains("c"))
        #expect(names.imported == ["numpy", "np"])
    }
}
