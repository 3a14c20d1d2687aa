import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// The preview's re-runs: prose edits run nothing, a code edit runs that block and the ones
/// after it from the session as it was, and the results are those of a fresh run.
@Suite struct IncrementalRunnerTests {
    static let text = """
        ---
        seed: 5
        ---
        Intro.

        ```rnn
        a = randn(2)
        print("a", a.tolist())
        ```

        ```rnn
        b = a * 2
        print("b", b.tolist())
        ```

        ```rnn
        c = b + randn(2)
        print("c", c.tolist())
        undefined_name
        ```
        """

    static func outputs(_ run: NotebookRun) -> [[BlockOutput]] { run.cells.map(\.result.outputs) }

    @Test func proseEditsRunNothingAndMoveErrors() {
        let runner = IncrementalRunner()
        let first = runner.run(Notebook.parse(name: "i.md", text: Self.text))
        #expect(runner.blocksRun == 3)
        let edited = Notebook.parse(name: "i.md", text: Self.text.replacingOccurrences(of: "Intro.", with: "Intro.\n\nTwo more\nlines."))
        let second = runner.run(edited)
        #expect(runner.blocksRun == 0)
        #expect(second.cells.map(\.result.outputs.count) == first.cells.map(\.result.outputs.count))
        let before = first.cells[2].result.error?.range.start.line
        let after = second.cells[2].result.error?.range.start.line
        #expect(before == 19 && after == 22)
        #expect(second.cells[2].result.error?.file.text == edited.file.text)
    }

    @Test func aCodeEditRunsFromThatBlockAsAFreshRunWould() {
        let runner = IncrementalRunner()
        _ = runner.run(Notebook.parse(name: "i.md", text: Self.text))
        let changed = Self.text.replacingOccurrences(of: "b = a * 2", with: "b = a * 3")
        let incremental = runner.run(Notebook.parse(name: "i.md", text: changed))
        #expect(runner.blocksRun == 2)
        let fresh = NotebookRunner.run(Notebook.parse(name: "i.md", text: changed))
        #expect(Self.outputs(incremental) == Self.outputs(fresh))
    }

    @Test func aFrontMatterEditRunsEverything() {
        let runner = IncrementalRunner()
        _ = runner.run(Notebook.parse(name: "i.md", text: Self.text))
        let reseeded = Self.text.replacingOccurrences(of: "seed: 5", with: "seed: 6")
        let run = runner.run(Notebook.parse(name: "i.md", text: reseeded))
        #expect(runner.blocksRun == 3)
        #expect(Self.outputs(run) == Self.outputs(NotebookRunner.run(Notebook.parse(name: "i.md", text: reseeded))))
    }
}
