import Diagnostics
import ScriptRuntime
import Testing
@testable import Notebook

@Suite struct NotebookRunTests {
    @Test func notebookWithParseErrorsRunsNothing() {
        let notebook = Notebook.parse(name: "lab.md", text: "```rnn bogus=1\nx = 1\n```\n")
        let run = NotebookRunner.run(notebook)
        #expect(run.cells.isEmpty)
        #expect(run.failed)
    }

    @Test func blockExpectedToFailButSucceedingIsAnError() throws {
        let notebook = Notebook.parse(name: "lab.md", text: "```rnn error=expected\nx = 1\n```\n")
        let run = NotebookRunner.run(notebook)
        let cell = try #require(run.cells.first)
        #expect(cell.unexpectedFailure)
        #expect(cell.result.error?.header == "lab.md:1:8: error: block is marked error=expected but ran without error")
        #expect(run.failed)
    }

    @Test func parametersAreOverriddenInOrder() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\nparams:\n  a: 1\n  b: 2\n---\n")
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: [("b", .int(5)), ("c", .string("x"))]))
        #expect(run.frontMatter.params.map(\.name) == ["a", "b", "c"])
        #expect(run.frontMatter.parameter("b") == .int(5))
        #expect(!run.failed)
    }

    /// Issue 21: lists appended in a loop end in a `memory` error at the front matter's
    /// `memory:` budget, not in an abort on allocation.
    @Test func frontMatterMemoryBudgetsTheSession() throws {
        let text = "---\ntimeout: 4\nmemory: 64\n---\n```rnn\nL = []\nfor i in range(30):\n    L.append([0] * 900000)\n```\n"
        let run = NotebookRunner.run(Notebook.parse(name: "lab.md", text: text))
        let cell = try #require(run.cells.first)
        #expect(cell.result.error?.id == "memory")
        #expect(cell.result.error?.header.hasPrefix("lab.md:8:14: error: the repeated list would need 21 MB more") == true,
                "\(cell.result.error?.header ?? "")")
    }

    @Test func placesNamedInASyntaxErrorAreNotebookPositions() throws {
        let text = "# Lab\n\nProse.\n\n  ```rnn\n  x = 1\n  z = (x,\n       y]\n  ```\n"
        let run = NotebookRunner.run(Notebook.parse(name: "lab.md", text: text))
        let cell = try #require(run.cells.first)
        #expect(cell.result.error?.header == "lab.md:8:9: error: expected ')' to close the '(' at 7:7, found ']'")
    }

    @Test func outputsAreStreamedPerBlock() {
        let notebook = Notebook.parse(name: "lab.md", text: "```rnn\nx = 1\n```\n\n```rnn\ny = 2\n```\n")
        var started: [Int] = []
        let run = NotebookRunner.run(notebook, onBlockStart: { started.append($0.index) })
        #expect(started == [0, 1])
        #expect(run.cells.count == 2)
    }
}
