import Diagnostics
import Foundation
import ScriptRuntime

/// Settings of one notebook run, from the command line.
public struct RunSettings: Sendable {
    /// Parameter overrides (`-p key=value`), applied over the front matter's `params`.
    public var parameters: [(name: String, value: ParameterValue)] = []
    /// The default operation budget of a block when the front matter sets none.
    public var defaultOperations = 50_000_000
    /// The default wall-clock budget of a block, in seconds, when the front matter sets none.
    public var defaultSeconds: Double = 60
    /// Folders or files the code may use besides the notebook's folder (`--allow-files`).
    public var allowedFiles: [String] = []
    /// The file access of the run when set (graders set `.none`); by default the
    /// notebook's folder plus `allowedFiles`.
    public var fileAccess: FileAccessPolicy?

    /// Makes default settings.
    public init(parameters: [(name: String, value: ParameterValue)] = [], fileAccess: FileAccessPolicy? = nil) {
        self.parameters = parameters
        self.fileAccess = fileAccess
    }
}

extension RunSettings {
    /// The file access of a run of `notebook`: `fileAccess` when set, else the folder the
    /// notebook's file is in plus `allowedFiles`.
    public func fileAccess(for notebook: Notebook) -> FileAccessPolicy {
        if let fileAccess { return fileAccess }
        let folder = (notebook.file.name as NSString).deletingLastPathComponent
        return .notebook(in: folder.isEmpty ? "." : folder, allowing: allowedFiles)
    }
}

/// The outcome of one `rnn` block in a run.
public struct CellRun: Sendable, Equatable {
    /// The block.
    public var cell: CodeCell
    /// What it produced.
    public var result: BlockResult
    /// Whether it failed when it should not have (or did not fail when marked `error=expected`).
    public var unexpectedFailure: Bool
    /// The text of the module a `file=` block shows, as the run read it.
    public var shownText: String?

    /// Makes a block's outcome.
    public init(cell: CodeCell, result: BlockResult, unexpectedFailure: Bool, shownText: String? = nil) {
        self.cell = cell
        self.result = result
        self.unexpectedFailure = unexpectedFailure
        self.shownText = shownText
    }
}

/// The outcome of running a whole notebook.
public struct NotebookRun: Sendable {
    /// The notebook, with its parse diagnostics.
    public var notebook: Notebook
    /// The front matter with `-p` overrides applied.
    public var frontMatter: FrontMatter
    /// One entry per `rnn` block that ran, in order.
    public var cells: [CellRun]
    /// Whether the code read or wrote files (`net.load`, `net.save`, `plt.savefig`).
    public var touchedFiles = false
    /// The module files the code imported and the text files it read, by resolved path, with their text.
    public var importedFiles: [String: String] = [:]

    /// Whether every imported module file still holds the text that ran.
    public var importsAreCurrent: Bool { ModuleFiles.unchanged(importedFiles) }

    /// Makes a run from its parts (a renderer's test or the fuzzer may make one by hand).
    public init(notebook: Notebook, frontMatter: FrontMatter, cells: [CellRun], touchedFiles: Bool = false) {
        self.notebook = notebook
        self.frontMatter = frontMatter
        self.cells = cells
        self.touchedFiles = touchedFiles
    }

    /// Whether the notebook failed: a parse error or a block that failed unexpectedly.
    public var failed: Bool { notebook.hasErrors || cells.contains { $0.unexpectedFailure } }

    /// The run of a block, by its index among the notebook's `rnn` blocks.
    public func run(ofCell index: Int) -> CellRun? {
        cells.first { $0.cell.index == index }
    }
}

/// Runs a notebook's `rnn` blocks in order in one fresh session.
public enum NotebookRunner {
    /// Runs every block. A block that fails does not stop the run; a notebook with parse
    /// errors runs no block. `onOutput` sees each block's outputs as they happen.
    public static func run(
        _ notebook: Notebook, settings: RunSettings = RunSettings(),
        onBlockStart: ((CodeCell) -> Void)? = nil,
        onOutput: ((CodeCell, BlockOutput) -> Void)? = nil,
        onProgress: ((CodeCell, String) -> Void)? = nil
    ) -> NotebookRun {
        var notebook = notebook
        let (frontMatter, problems) = notebook.frontMatter.applying(settings.parameters, file: notebook.file)
        notebook.diagnostics += problems
        var runs: [CellRun] = []
        guard !notebook.hasErrors else {
            return NotebookRun(notebook: notebook, frontMatter: frontMatter, cells: [])
        }
        let session = makeSession(frontMatter, for: notebook, settings: settings)
        for cell in notebook.codeCells {
            runs.append(runCell(cell, of: notebook, in: session, frontMatter: frontMatter, settings: settings,
                                onBlockStart: onBlockStart, onOutput: onOutput, onProgress: onProgress))
        }
        var run = NotebookRun(notebook: notebook, frontMatter: frontMatter, cells: runs, touchedFiles: session.touchedFiles)
        run.importedFiles = session.importedFiles
        return run
    }

    /// A session for a notebook's front matter: its seed, parameters and memory limit, and
    /// the files the run may touch.
    static func makeSession(_ frontMatter: FrontMatter, for notebook: Notebook, settings: RunSettings) -> ScriptSession {
        let session = ScriptSession(
            seed: frontMatter.seed,
            parameters: Dictionary(frontMatter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
        if let megabytes = frontMatter.memory { session.setMemoryLimit(megabytes: megabytes) }
        session.fileAccess = settings.fileAccess(for: notebook)
        return session
    }

    /// Runs one block in `session` under its budget, checking `error=expected`.
    static func runCell(
        _ cell: CodeCell, of notebook: Notebook, in session: ScriptSession, frontMatter: FrontMatter,
        settings: RunSettings, onBlockStart: ((CodeCell) -> Void)? = nil,
        onOutput: ((CodeCell, BlockOutput) -> Void)? = nil, onProgress: ((CodeCell, String) -> Void)? = nil
    ) -> CellRun {
        onBlockStart?(cell)
        if let onProgress { session.onProgress = { onProgress(cell, $0) } }
        let budget = Budget(
            operations: frontMatter.operations ?? settings.defaultOperations,
            seconds: cell.options.timeout ?? frontMatter.timeout ?? settings.defaultSeconds)
        let origin = BlockOrigin(file: notebook.file, line: cell.codeLine, column: cell.fence.column)
        if let path = cell.options.file {
            let (result, text) = ShownFile.run(cell, path: path, of: notebook, in: session)
            result.error.map { onOutput?(cell, .error($0)) }
            return CellRun(cell: cell, result: result, unexpectedFailure: result.failed, shownText: text)
        }
        var result = session.run(cell.code, origin: origin, budget: budget) { output in
            onOutput?(cell, output)
        }
        var unexpected = result.failed && !cell.options.errorExpected
        if cell.options.errorExpected, !result.failed {
            let diagnostic = Diagnostic(
                id: "expected-error-missing", "block is marked error=expected but ran without error",
                file: notebook.file,
                range: cell.options.locations["error"] ?? SourceRange(start: cell.fence))
            result.outputs.append(.error(diagnostic))
            onOutput?(cell, .error(diagnostic))
            unexpected = true
        }
        return CellRun(cell: cell, result: result, unexpectedFailure: unexpected)
    }
}
