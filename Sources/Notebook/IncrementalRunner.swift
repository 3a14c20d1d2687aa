import Diagnostics
import ScriptRuntime

/// Re-runs a notebook after each edit while keeping its session, for `rnnbook preview`. The
/// blocks before the first changed block keep their results (moved to their new lines); the
/// session is rewound to the snapshot taken before that block and runs from there. A prose
/// edit runs nothing. When the front matter changes, or a snapshot could not be taken, the
/// whole notebook runs afresh.
public final class IncrementalRunner {
    private var session: ScriptSession?
    private var frontKey = ""
    private var blockKeys: [String] = []
    private var previous: NotebookRun?
    /// `snapshots[i]`: the session just before block `i`, nil when it could not be copied.
    private var snapshots: [SessionSnapshot?] = []
    /// `blockImports[i]`: the module files block `i` read, with their text; a block whose
    /// module changed on disk runs again, with those after it.
    private var blockImports: [[String: String]] = []
    /// How many blocks the last `run` executed.
    public private(set) var blocksRun = 0

    public init() {}

    /// The notebook's run: results reused for the unchanged leading blocks, the rest run.
    public func run(_ notebook: Notebook, settings: RunSettings = RunSettings()) -> NotebookRun {
        var notebook = notebook
        let (frontMatter, problems) = notebook.frontMatter.applying(settings.parameters, file: notebook.file)
        notebook.diagnostics += problems
        guard !notebook.hasErrors else {
            blocksRun = 0
            return NotebookRun(notebook: notebook, frontMatter: frontMatter, cells: [])
        }
        let cells = notebook.codeCells
        let keys = cells.map(Self.key)
        let front = Self.key(frontMatter, settings: settings)
        var start = 0
        if let previous, session != nil, front == frontKey {
            while start < min(keys.count, blockKeys.count), keys[start] == blockKeys[start],
                  start < previous.cells.count {
                start += 1
            }
            if let changed = blockImports.prefix(start).firstIndex(where: { !ModuleFiles.unchanged($0) }) { start = changed }
            // Rewind to just before the first changed block; without a snapshot, start over.
            if start < keys.count {
                let snapshot = start < snapshots.count ? snapshots[start] : nil
                let rewound = snapshot.map { (try? session?.restore($0)) != nil } ?? false
                if !rewound { start = 0 }
            }
        } else {
            start = 0
        }
        if start == 0 {
            session = NotebookRunner.makeSession(frontMatter, for: notebook, settings: settings)
            snapshots = []
        }
        guard let session else { return NotebookRunner.run(notebook, settings: settings) }
        var runs = previous.map { Array(Self.moved($0, to: notebook).prefix(start)) } ?? []
        snapshots = Array(snapshots.prefix(start))
        blockImports = Array(blockImports.prefix(start))
        for cell in cells[start...] {
            snapshots.append(try? session.snapshot())
            let reads = session.moduleReadCount
            runs.append(NotebookRunner.runCell(cell, of: notebook, in: session, frontMatter: frontMatter, settings: settings))
            blockImports.append(session.moduleReads(since: reads))
        }
        blocksRun = cells.count - start
        var run = NotebookRun(notebook: notebook, frontMatter: frontMatter, cells: runs, touchedFiles: session.touchedFiles)
        run.importedFiles = session.importedFiles
        previous = run
        blockKeys = keys
        frontKey = front
        return run
    }

    /// What a block's results depend on besides the session: its code and run options.
    static func key(_ cell: CodeCell) -> String {
        "\(cell.options.timeout.map { "\($0)" } ?? "-") \(cell.options.errorExpected) \(cell.options.file ?? "-")\n\(cell.code)"
    }

    static func key(_ matter: FrontMatter, settings: RunSettings) -> String {
        var parts = ["\(matter.seed)", "\(matter.operations ?? -1)", "\(matter.timeout ?? -1)", "\(matter.memory ?? -1)",
                     "\(settings.defaultOperations)", "\(settings.defaultSeconds)"]
        for (name, value) in matter.params { parts.append("\(name)=\(RunCache.describe(value))") }
        return parts.joined(separator: "\n")
    }

    /// An earlier run's block results with their diagnostics moved to the blocks' new lines
    /// in `notebook` (whose unchanged blocks may have moved with prose edits).
    static func moved(_ run: NotebookRun, to notebook: Notebook) -> [CellRun] {
        let old = run.notebook.codeCells
        let new = notebook.codeCells
        func line(_ line: Int) -> Int {
            guard let index = old.firstIndex(where: { $0.fence.line <= line && line <= $0.endLine }), index < new.count else {
                return line
            }
            return line + new[index].codeLine - old[index].codeLine
        }
        func move(_ diagnostic: Diagnostic) -> Diagnostic {
            var moved = diagnostic
            moved.file = notebook.file
            moved.range = SourceRange(start: SourceLocation(line: line(diagnostic.range.start.line), column: diagnostic.range.start.column),
                                      end: SourceLocation(line: line(diagnostic.range.end.line), column: diagnostic.range.end.column))
            return moved
        }
        return zip(run.cells, new).map { cellRun, cell in
            var result = cellRun.result
            result.outputs = result.outputs.map { output in
                switch output {
                case .error(let diagnostic): return .error(move(diagnostic))
                case .warning(let diagnostic): return .warning(move(diagnostic))
                default: return output
                }
            }
            return CellRun(cell: cell, result: result, unexpectedFailure: cellRun.unexpectedFailure)
        }
    }
}
