import Diagnostics
import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Whole-notebook results kept on disk: what reuses them, what does not, what is never kept.
@Suite struct RunCacheTests {
    static let lab = """
        ---
        seed: 3
        params:
          n: 4
        ---
        # Lab

        Some prose.

        ```rnn
        xs = [i * i for i in range(n)]
        print("squares", xs)
        plt.plot(xs)
        plt.title("Squares")
        ```

        ```rnn error=expected
        1 / 0
        ```

        ```rnn
        randn(2).tolist()
        ```
        """

    /// A cache in a fresh folder.
    func makeCache(environment: String = "test") -> RunCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-cache-test-\(UUID().uuidString)")
        return RunCache(directory: folder, environment: environment)
    }

    func notebook(_ text: String = lab, name: String = "lab.md") -> Notebook {
        Notebook.parse(name: name, text: text)
    }

    func outputs(_ run: NotebookRun) -> [[BlockOutput]] { run.cells.map(\.result.outputs) }

    @Test func aStoredRunComesBackTheSame() throws {
        let cache = makeCache()
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        let (first, firstFromCache) = cache.run(notebook())
        #expect(!firstFromCache && !first.failed)
        let (second, secondFromCache) = cache.run(notebook())
        #expect(secondFromCache)
        #expect(outputs(second) == outputs(first))
        #expect(second.cells.map(\.cell) == first.cells.map(\.cell))
        #expect(second.cells.map(\.result.seconds) == first.cells.map(\.result.seconds))
        // The figure, the printed text, the expected error and the random values are all there.
        let kinds = outputs(second).flatMap { $0 }.map { output -> String in
            switch output {
            case .text: "text"
            case .value: "value"
            case .figure: "figure"
            case .error: "error"
            case .warning: "warning"
            }
        }
        #expect(kinds == ["text", "figure", "error", "value"])
        #expect(second.cells[1].result.error?.rendered == first.cells[1].result.error?.rendered)
    }

    @Test func whatARunDependsOnMakesItRunAgain() throws {
        let cache = makeCache()
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        cache.store(NotebookRunner.run(notebook()), settings: RunSettings())
        #expect(cache.lookUp(notebook(), settings: RunSettings()) != nil)
        // Code, seed, parameters and -p overrides, options that change a run, the file name.
        let changed = [
            Self.lab.replacingOccurrences(of: "i * i", with: "i * i * i"),
            Self.lab.replacingOccurrences(of: "seed: 3", with: "seed: 4"),
            Self.lab.replacingOccurrences(of: "n: 4", with: "n: 5"),
            Self.lab.replacingOccurrences(of: "```rnn\nrandn", with: "```rnn timeout=5\nrandn"),
        ]
        for text in changed {
            #expect(cache.lookUp(notebook(text), settings: RunSettings()) == nil, "\(text)")
        }
        #expect(cache.lookUp(notebook(name: "other.md"), settings: RunSettings()) == nil)
        #expect(cache.lookUp(notebook(), settings: RunSettings(parameters: [("n", .int(5))])) == nil)
        // Another build of rnnbook or other BLAS kernels.
        let other = RunCache(directory: cache.directory, environment: "other build")
        #expect(other.lookUp(notebook(), settings: RunSettings()) == nil)
    }

    @Test func proseDoesNotCountUnlessItMovesAReportedPosition() throws {
        let cache = makeCache()
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        let quiet = Self.lab.replacingOccurrences(of: "```rnn error=expected\n1 / 0\n```\n", with: "")
        cache.store(NotebookRunner.run(notebook(quiet)), settings: RunSettings())
        let reworded = quiet.replacingOccurrences(of: "Some prose.", with: "Other words,\n\nover more lines.")
        #expect(cache.lookUp(notebook(reworded), settings: RunSettings()) != nil)

        // The run with an (expected) error is kept with its positions: moving the blocks
        // would move the error, so that runs again; rewording in place does not.
        cache.store(NotebookRunner.run(notebook()), settings: RunSettings())
        let sameLines = Self.lab.replacingOccurrences(of: "Some prose.", with: "Other words.")
        let moved = Self.lab.replacingOccurrences(of: "Some prose.", with: "Other words,\n\nover more lines.")
        let reused = try #require(cache.lookUp(notebook(sameLines), settings: RunSettings()))
        #expect(reused.cells[1].result.error?.header == "lab.md:18:1: error: division by zero")
        #expect(cache.lookUp(notebook(moved), settings: RunSettings()) == nil)
    }

    @Test func failedRunsAndCacheFalseAreNeverKept() throws {
        let cache = makeCache()
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        let failing = notebook("```rnn\nx = undefined_name\n```\n")
        #expect(!cache.store(NotebookRunner.run(failing), settings: RunSettings()))
        #expect(cache.run(failing).fromCache == false)
        #expect(cache.run(failing).fromCache == false)

        let uncached = notebook("```rnn\nx = 1\n```\n\n```rnn cache=false\nprint(x)\n```\n")
        #expect(!RunCache.allows(uncached))
        #expect(!cache.store(NotebookRunner.run(uncached), settings: RunSettings()))
        #expect(cache.run(uncached).fromCache == false)
        #expect(cache.run(uncached).fromCache == false)

        let broken = notebook("```rnn pionts=1\nx = 1\n```\n")
        #expect(!cache.store(NotebookRunner.run(broken), settings: RunSettings()))
    }

    @Test func runsThatReadOrWriteFilesAreNeverKept() throws {
        let cache = makeCache()
        let model = cache.directory.deletingLastPathComponent().appendingPathComponent("rnnbook-cache-model-\(UUID().uuidString).safetensors")
        defer {
            try? FileManager.default.removeItem(at: cache.directory)
            try? FileManager.default.removeItem(at: model)
        }
        var files = RunSettings()
        files.allowedFiles = [cache.directory.deletingLastPathComponent().path]
        let saving = notebook("```rnn\nnet = Linear(2, 2)\nnet.save('\(model.path)')\n```\n")
        #expect(cache.run(saving, settings: files).fromCache == false)
        #expect(cache.run(saving, settings: files).fromCache == false)
        let loading = notebook("```rnn\nnet = Linear(2, 2)\nnet.load('\(model.path)')\n```\n")
        #expect(cache.run(loading, settings: files).fromCache == false)
        #expect(cache.run(loading, settings: files).fromCache == false)
        let figure = cache.directory.deletingLastPathComponent().appendingPathComponent("rnnbook-cache-fig-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: figure) }
        let drawing = notebook("```rnn\nplt.plot([1, 2])\nplt.savefig('\(figure.path)')\n```\n")
        #expect(cache.run(drawing, settings: files).fromCache == false)
        try FileManager.default.removeItem(at: figure)
        #expect(cache.run(drawing, settings: files).fromCache == false)
        #expect(FileManager.default.fileExists(atPath: figure.path))
    }

    @Test func unreadableOrForeignEntriesAreIgnored() throws {
        let cache = makeCache()
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        let run = NotebookRunner.run(notebook())
        #expect(cache.store(run, settings: RunSettings()))
        let entry = cache.entryURL(for: cache.key(notebook(), settings: RunSettings()))

        // Another key in the same file (as if two keys hashed alike) is not taken.
        let text = try String(contentsOf: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "i * i", with: "i + i").write(to: entry, atomically: true, encoding: .utf8)
        #expect(cache.lookUp(notebook(), settings: RunSettings()) == nil)

        // Garbage and truncated JSON are passed over, and a fresh run replaces them.
        try Data([0xFF, 0x00, 0x7B]).write(to: entry)
        #expect(cache.lookUp(notebook(), settings: RunSettings()) == nil)
        try String(text.prefix(text.count / 2)).write(to: entry, atomically: true, encoding: .utf8)
        #expect(cache.run(notebook()).fromCache == false)
        #expect(cache.run(notebook()).fromCache == true)
    }

    @Test func aCacheThatCannotBeWrittenOnlyCostsTheReuse() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-cache-file-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let cache = RunCache(directory: blocker.appendingPathComponent("inside"), environment: "test")
        let (run, fromCache) = cache.run(notebook())
        #expect(!fromCache && !run.failed && run.cells.count == 3)
    }

    @Test func theOldestEntriesGoBeyondCapacity() throws {
        var cache = makeCache()
        cache.capacity = 3
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        for n in 1...5 {
            let text = "```rnn\nprint(\(n))\n```\n"
            #expect(cache.store(NotebookRunner.run(notebook(text)), settings: RunSettings()))
            // Distinct modification times, so that "oldest" is well defined.
            let entry = cache.entryURL(for: cache.key(notebook(text), settings: RunSettings()))
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + n))], ofItemAtPath: entry.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(names.count == 3)
        #expect(cache.lookUp(notebook("```rnn\nprint(1)\n```\n"), settings: RunSettings()) == nil)
        #expect(cache.lookUp(notebook("```rnn\nprint(4)\n```\n"), settings: RunSettings()) != nil)
    }

    @Test func defaultFolderFollowsTheEnvironment() {
        #expect(RunCache.defaultDirectory(environment: ["RNNBOOK_CACHE_DIR": "/tmp/c", "HOME": "/home/a"]).path == "/tmp/c")
        #expect(RunCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/home/a"]).path == "/x/rnnbook")
        #expect(RunCache.defaultDirectory(environment: ["HOME": "/home/a"]).path == "/home/a/.cache/rnnbook")
    }
}
