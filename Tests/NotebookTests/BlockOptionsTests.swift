import Diagnostics
import ScriptRuntime
import Testing
@testable import Notebook

/// One notebook and the exact diagnostics (header lines) it must produce.
struct OptionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
}

@Suite struct BlockOptionsTests {
    static let errorCases: [OptionCase] = [
        OptionCase(
            name: "misspelt option", text: "# L\n\n```rnn pionts=2\n```\n",
            expected: ["lab.md:3:8: error: unknown block option 'pionts' (did you mean 'points'?)"]),
        OptionCase(
            name: "unknown option without suggestion", text: "```rnn zebra=1\n```\n",
            expected: ["lab.md:1:8: error: unknown block option 'zebra'"]),
        OptionCase(
            name: "caption without quotes", text: "```rnn #fig-a caption=Training loss curve echo=false\n```\n",
            expected: [
                "lab.md:1:32: error: unknown block option 'loss' (a caption with spaces needs quotes: caption=\"Training loss curve\")",
                "lab.md:1:37: error: unknown block option 'curve'",
            ]),
        OptionCase(
            name: "points not a number", text: "```rnn exercise=a points=two\n```\n",
            expected: ["lab.md:1:26: error: points must be a positive number, got 'two'"]),
        OptionCase(
            name: "points not positive", text: "```rnn check=a points=0\n```\n",
            expected: ["lab.md:1:23: error: points must be a positive number, got '0'"]),
        OptionCase(
            name: "bad boolean", text: "```rnn echo=maybe\n```\n",
            expected: ["lab.md:1:13: error: echo must be true or false, got 'maybe'"]),
        OptionCase(
            name: "missing value", text: "```rnn echo\n```\n",
            expected: ["lab.md:1:8: error: block option 'echo' needs a value (e.g. echo=false)"]),
        OptionCase(
            name: "duplicate option", text: "```rnn echo=false echo=true\n```\n",
            expected: ["lab.md:1:19: error: block option 'echo' is given twice"]),
        OptionCase(
            name: "unterminated quote", text: "```rnn caption=\"Loss\n```\n",
            expected: ["lab.md:1:16: error: unterminated quoted value for block option 'caption'"]),
        OptionCase(
            name: "bad error value", text: "```rnn error=yes\n```\n",
            expected: ["lab.md:1:14: error: error must be 'expected', got 'yes'"]),
        OptionCase(
            name: "bad timeout", text: "```rnn timeout=-3\n```\n",
            expected: ["lab.md:1:16: error: timeout must be a positive number of seconds, got '-3'"]),
        OptionCase(
            name: "bad exercise id", text: "```rnn exercise=1abc\n```\n",
            expected: ["lab.md:1:17: error: exercise id must be a name like 'reward', got '1abc'"]),
        OptionCase(
            name: "exercise and check", text: "```rnn exercise=a check=a\n```\n",
            expected: ["lab.md:1:19: error: a block cannot be both an exercise and a check"]),
        OptionCase(
            name: "bad figure label", text: "```rnn #loss\n```\n",
            expected: ["lab.md:1:8: error: figure label 'loss' must look like 'fig-name'"]),
        OptionCase(
            name: "quarto option misspelt", text: "```rnn\n#| ecko: false\nx = 1\n```\n",
            expected: ["lab.md:2:4: error: unknown block option 'ecko' (did you mean 'echo'?)"]),
        OptionCase(
            name: "quarto line without colon", text: "```rnn\n#| echo false\n```\n",
            expected: ["lab.md:2:4: error: expected 'key: value' after '#|', got 'echo false'"]),
        OptionCase(
            name: "quarto bad value", text: "```rnn\n#|   output:   nope\n```\n",
            expected: ["lab.md:2:16: error: output must be true or false, got 'nope'"]),
        OptionCase(
            name: "same option on fence and #| line", text: "```rnn echo=false\n#| echo: true\n```\n",
            expected: ["lab.md:2:4: error: block option 'echo' is given twice"]),
        OptionCase(
            name: "every error in the file is reported",
            text: "```rnn pionts=1\n```\n\ntext\n\n```rnn echo=2 cache=x\n```\n",
            expected: [
                "lab.md:1:8: error: unknown block option 'pionts' (did you mean 'points'?)",
                "lab.md:6:13: error: echo must be true or false, got '2'",
                "lab.md:6:21: error: cache must be true or false, got 'x'",
            ]),
    ]

    @Test(arguments: errorCases)
    func mistakesGiveExactDiagnostics(_ example: OptionCase) {
        let notebook = Notebook.parse(name: "lab.md", text: example.text)
        #expect(notebook.diagnostics.map(\.header) == example.expected)
        #expect(notebook.hasErrors)
    }

    @Test func renderedErrorHasSourceLineAndCaret() {
        let notebook = Notebook.parse(name: "lab.md", text: "# L\n\n```rnn pionts=2\n```\n")
        #expect(notebook.diagnostics.first?.rendered == """
            lab.md:3:8: error: unknown block option 'pionts' (did you mean 'points'?)
             3 | ```rnn pionts=2
               |        ^~~~~~
            """)
    }

    @Test func fenceOptionsAreRead() throws {
        let notebook = Notebook.parse(name: "lab.md", text: """
            ```rnn exercise=reward points=2.5 #fig-loss caption="Training loss, \\"smoothed\\"" echo=false output=false error=expected timeout=30 cache=false
            x = 1
            ```
            """)
        #expect(notebook.diagnostics.isEmpty)
        let options = try #require(notebook.codeCells.first).options
        #expect(options.exercise == "reward")
        #expect(options.points == 2.5)
        #expect(options.figureID == "fig-loss")
        #expect(options.caption == "Training loss, \"smoothed\"")
        #expect(!options.echo && !options.output && options.errorExpected && !options.cache)
        #expect(options.timeout == 30)
        #expect(options.locations["points"] == SourceRange(line: 1, column: 24, length: 6))
    }

    @Test func quartoOptionsAreReadAndHidden() throws {
        let notebook = Notebook.parse(name: "lab.md", text: """
            ```rnn
            #| label: fig-activity
            #| fig-cap: "Hidden activity"
            #| check: reward
            #| points: 1
            y = 2
            ```
            """)
        #expect(notebook.diagnostics.isEmpty)
        let cell = try #require(notebook.codeCells.first)
        #expect(cell.options.figureID == "fig-activity")
        #expect(cell.options.caption == "Hidden activity")
        #expect(cell.options.check == "reward")
        #expect(cell.options.points == 1)
        #expect(cell.optionLineCount == 4)
        #expect(cell.displayCode == "y = 2\n")
        #expect(cell.codeLine == 2)
    }

    @Test func onlyRnnBlocksBecomeCodeCells() {
        let notebook = Notebook.parse(name: "lab.md", text: """
            # A

            ```python
            print(1)
            ```

            ```rnn
            a = 1
            ```

            More.

            ```rnn
            b = 2
            ```
            """)
        #expect(notebook.codeCells.map(\.code) == ["a = 1\n", "b = 2\n"])
        #expect(notebook.codeCells.map(\.index) == [0, 1])
        #expect(notebook.cells.count == 4)
    }

    @Test func nestedRnnBlocksWarn() {
        let notebook = Notebook.parse(name: "lab.md", text: "- item\n\n  ```rnn\n  x = 1\n  ```\n")
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:3:3: warning: an rnn block inside a list or quote is shown but not run (move it to the top level)"
        ])
        #expect(notebook.codeCells.isEmpty)
    }
}
