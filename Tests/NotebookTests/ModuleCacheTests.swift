import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Cached runs and the preview's kept blocks depend on the module files a notebook imports:
/// an edit to a module runs again the blocks from the first that imported it.
@Suite final class ModuleCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("module-cache-\(UUID().uuidString)")
    var notebookPath: String { folder.appendingPathComponent("lab.md").path }
    static let text = """
        ```rnn
        x = 1
        print("first")
        ```

        ```rnn
        import helper
        print(helper.VALUE)
        ```

        ```rnn
        print("third", x)
        ```
        """

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write("VALUE = 1\n")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ module: String) throws {
        try module.write(to: folder.appendingPathComponent("helper.py"), atomically: true, encoding: .utf8)
    }

    func notebook() -> Notebook { Notebook.parse(name: notebookPath, text: Self.text) }

    func printed(_ run: NotebookRun) -> [String] {
        run.cells.map { cell in
            cell.result.outputs.map { output in
                if case .text(let text) = output { return text }
                return "\(output)"
            }.joined()
        }
    }

    @Test func aCachedRunIsStaleOnceAModuleChanges() throws {
        let cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        let first = cache.run(notebook())
        #expect(!first.fromCache && printed(first.run) == ["first\n", "1\n", "third 1\n"])
        #expect(first.run.importedFiles.count == 1 && first.run.importsAreCurrent)
        #expect(cache.run(notebook()).fromCache)
        try write("VALUE = 2\n")
        let edited = cache.run(notebook())
        #expect(!edited.fromCache && printed(edited.run) == ["first\n", "2\n", "third 1\n"])
        #expect(cache.run(notebook()).fromCache)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("helper.py"))
        #expect(cache.lookUp(notebook(), settings: RunSettings()) == nil)
    }

    /// `refreshes` (`--refresh`): every block runs again, even with results stored, and the
    /// new results replace them. A fresh run that cannot be kept (the module now raises)
    /// removes the entry: restoring the module must not bring back results older than the
    /// last run.
    @Test func aRefreshRunsAfreshAndReplacesTheEntry() throws {
        var cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        cache.refreshes = true
        var started = 0
        let count: (CodeCell) -> Void = { _ in started += 1 }
        let first = cache.run(notebook(), onBlockStart: count)
        #expect(!first.fromCache && started == 3 && printed(first.run) == ["first\n", "1\n", "third 1\n"])
        #expect(cache.lookUp(notebook(), settings: RunSettings()) != nil)
        let again = cache.run(notebook(), onBlockStart: count)
        #expect(!again.fromCache && started == 6)
        try write("raise ValueError('broken')\n")
        #expect(cache.run(notebook()).run.failed)
        try write("VALUE = 1\n")
        #expect(cache.lookUp(notebook(), settings: RunSettings()) == nil)
        cache.refreshes = false
        #expect(!cache.run(notebook()).fromCache)
        #expect(cache.run(notebook()).fromCache)
    }

    @Test func thePreviewRerunsFromTheBlockThatImportedTheModule() throws {
        let runner = IncrementalRunner()
        _ = runner.run(notebook())
        #expect(runner.blocksRun == 3)
        _ = runner.run(notebook())
        #expect(runner.blocksRun == 0)
        try write("VALUE = 3\n")
        let edited = runner.run(notebook())
        #expect(runner.blocksRun == 2)
        #expect(printed(edited) == ["first\n", "3\n", "third 1\n"])
        _ = runner.run(notebook())
        #expect(runner.blocksRun == 0)
    }
}

/// A config file read with `open()` is recorded like a module: the run is cached, and stale
/// once the file changes.
@Suite final class ReadFileCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-cache-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "lr: 0.5\n".write(to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func aRunThatReadsAConfigIsCachedUntilItChanges() throws {
        let notebook = Notebook.parse(name: folder.appendingPathComponent("lab.md").path,
                                      text: "```rnn\nimport yaml\nprint(yaml.safe_load(open('config.yaml'))['lr'])\n```\n")
        let cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        #expect(!cache.run(notebook).fromCache)
        #expect(cache.run(notebook).fromCache)
        try "lr: 0.25\n".write(to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let edited = cache.run(notebook)
        #expect(!edited.fromCache && edited.run.cells.first?.result.outputs == [.text("0.25\n")])
    }

    /// A run that caught a missing file's FileNotFoundError is stale once the file appears.
    @Test func aRunThatFoundNoFileIsStaleOnceItAppears() throws {
        let notebook = Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: """
            ```rnn
            try:
                print(open('extra.txt').read())
            except FileNotFoundError:
                print('defaults')
            ```

            """)
        let cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        #expect(cache.run(notebook).run.cells.first?.result.outputs == [.text("defaults\n")])
        #expect(cache.run(notebook).fromCache)
        try "mine\n".write(to: folder.appendingPathComponent("extra.txt"), atomically: true, encoding: .utf8)
        let found = cache.run(notebook)
        #expect(!found.fromCache && found.run.cells.first?.result.outputs == [.text("mine\n\n")])
        #expect(cache.run(notebook).fromCache)
    }
}
