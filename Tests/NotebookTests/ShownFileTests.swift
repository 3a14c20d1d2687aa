import Diagnostics
import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Blocks that show a module of the lab (` ```rnn file=models/rnn.py `): the option's
/// checks, the text a run reads (from the notebook's folder only), and the cache and
/// preview, which depend on that text as they depend on an imported module's.
@Suite final class ShownFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shown-file-\(UUID().uuidString)")
    var notebookPath: String { folder.appendingPathComponent("lab.md").path }
    static let text = """
        ```rnn
        x = 1
        ```

        ```rnn file=models/rnn.py exercise=net
        ```

        ```rnn
        from models.rnn import VALUE
        print(VALUE + x)
        ```
        """

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        try write("VALUE = 1\n")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ module: String, to name: String = "models/rnn.py") throws {
        try module.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func notebook(_ text: String = ShownFileTests.text) -> Notebook { Notebook.parse(name: notebookPath, text: text) }

    static let optionCases: [OptionCase] = [
        OptionCase(name: "parent folder", text: "```rnn file=../secret.py\n```\n",
                   expected: ["lab.md:1:13: error: file must be the path of a .py module inside the notebook's folder, like models/rnn.py, got '../secret.py'"]),
        OptionCase(name: "absolute path", text: "```rnn file=/etc/x.py\n```\n",
                   expected: ["lab.md:1:13: error: file must be the path of a .py module inside the notebook's folder, like models/rnn.py, got '/etc/x.py'"]),
        OptionCase(name: "not a module", text: "```rnn file=config.yaml\n```\n",
                   expected: ["lab.md:1:13: error: file must be the path of a .py module inside the notebook's folder, like models/rnn.py, got 'config.yaml'"]),
        OptionCase(name: "with a check", text: "```rnn file=a.py check=a\n```\n",
                   expected: ["lab.md:1:18: error: a block with file= only shows that module, so it takes no check=ID"]),
        OptionCase(name: "with a figure", text: "```rnn file=a.py #fig-a caption=\"A\"\n```\n",
                   expected: ["lab.md:1:18: error: a block with file= only shows that module, so it takes no figure label",
                              "lab.md:1:25: error: a block with file= only shows that module, so it takes no caption="]),
        OptionCase(name: "with code", text: "```rnn file=a.py\n#| echo: true\n\nx = 1\n```\n",
                   expected: ["lab.md:4:1: error: a block with file=a.py shows that module and runs nothing: write this code in a.py, or in a block of its own"]),
    ]

    @Test(arguments: optionCases)
    func mistakesInTheOptionArePositioned(_ example: OptionCase) {
        let notebook = Notebook.parse(name: "lab.md", text: example.text)
        #expect(notebook.diagnostics.map(\.header) == example.expected)
    }

    @Test func pathsAreNormalisedAndNamedAsModules() {
        #expect(ShownFile.validPath("./models/./rnn.py") == "models/rnn.py")
        #expect(ShownFile.validPath("models/../x.py") == nil)
        #expect(ShownFile.validPath(".py") == nil)
        #expect(ShownFile.moduleName("models/rnn.py") == "models.rnn")
        #expect(ShownFile.moduleName("models/__init__.py") == "models")
        #expect(ShownFile.moduleName("trainer.py") == "trainer")
    }

    @Test func theRunReadsTheModuleAndRunsNothing() throws {
        let run = NotebookRunner.run(notebook())
        #expect(!run.failed)
        let shown = try #require(run.run(ofCell: 1))
        #expect(shown.shownText == "VALUE = 1\n" && shown.result.outputs.isEmpty)
        #expect(run.run(ofCell: 2)?.result.outputs == [.text("2\n")])
        #expect(run.importedFiles.values.contains("VALUE = 1\n"))
    }

    @Test func aMissingOrOutsideFileIsAnErrorAtTheOption() throws {
        let missing = NotebookRunner.run(notebook("```rnn file=nothing.py\n```\n"))
        let error = try #require(missing.cells.first?.result.error)
        #expect(error.header == "\(notebookPath):1:13: error: file=nothing.py: there is no module file 'nothing.py' in the notebook's folder")
        #expect(missing.failed)
        // A symbolic link that leads out of the folder is refused like `import`.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("shown-outside-\(UUID().uuidString).py")
        try "SECRET = 1\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.py"), withDestinationURL: outside)
        let linked = NotebookRunner.run(notebook("```rnn file=link.py\n```\n"))
        #expect(linked.cells.first?.result.error?.message.contains("cannot use 'link.py'") == true)
        #expect(linked.cells.first?.shownText == nil)
    }

    @Test func aCachedRunStandsOnlyWhileTheShownFileIsUnchanged() throws {
        let cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        let shownOnly = "```rnn file=models/rnn.py\n```\n"
        let first = cache.run(notebook(shownOnly))
        #expect(!first.fromCache && first.run.cells.first?.shownText == "VALUE = 1\n")
        let again = cache.run(notebook(shownOnly))
        #expect(again.fromCache && again.run.cells.first?.shownText == "VALUE = 1\n")
        try write("VALUE = 2\n")
        let edited = cache.run(notebook(shownOnly))
        #expect(!edited.fromCache && edited.run.cells.first?.shownText == "VALUE = 2\n")
        // Another file is another key, though the block's code (empty) is the same.
        try write("OTHER = 3\n", to: "other.py")
        let other = cache.run(notebook("```rnn file=other.py\n```\n"))
        #expect(!other.fromCache && other.run.cells.first?.shownText == "OTHER = 3\n")
    }

    @Test func thePreviewShowsTheFileAgainOnceItChanges() throws {
        let runner = IncrementalRunner()
        let first = runner.run(notebook())
        #expect(first.run(ofCell: 1)?.shownText == "VALUE = 1\n")
        _ = runner.run(notebook())
        #expect(runner.blocksRun == 0)
        try write("VALUE = 5\n")
        let edited = runner.run(notebook())
        #expect(runner.blocksRun == 2)
        #expect(edited.run(ofCell: 1)?.shownText == "VALUE = 5\n")
        #expect(edited.run(ofCell: 2)?.result.outputs == [.text("6\n")])
    }
}
