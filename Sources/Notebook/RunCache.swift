import Diagnostics
import Foundation
import ScriptRuntime

/// Results of whole notebook runs kept on disk, so that rendering a notebook again after
/// editing only its prose (or building a course site in which one lab changed) does not
/// train every model again.
///
/// A notebook's results are reused only when everything a run depends on is the same: the
/// file's name, every `rnn` block's code and its `timeout` and `error` options, the seed,
/// parameters (with `-p` overrides) and budgets, and `environment` (the rnnbook build and
/// the BLAS kernels, which change the last bits of floats). Prose does not count, nor does
/// where the blocks are, unless the run printed a diagnostic (its position would move).
///
/// What is never stored: a run with a parse error or a block that failed unexpectedly
/// (a wall-clock budget may be what failed), a run that read or wrote files (`net.load`
/// may read a file that changed since; `plt.savefig` must write again) other than text files
/// and modules (`open(path)`, `import m`: an entry keeps their text and stands only while
/// they hold it), and a notebook
/// with a block marked `cache=false`. A cache that cannot be read or written is passed over: the notebook
/// simply runs.
///
/// An entry holds the whole key, not only its hash, and is used only when the key matches
/// in full, so two notebooks whose keys hash alike can never be confused.
public struct RunCache: Sendable {
    /// The folder of entries.
    public let directory: URL
    /// What identifies the program that runs the notebooks.
    public let environment: String
    /// How many entries the folder keeps; the least recently written go first.
    public var capacity = 200
    /// Whether `run` runs every notebook afresh, its results replacing the stored ones
    /// (`--refresh`: Jupyter's "Restart & Run All", then save). A fresh run that may not be
    /// kept (see the type's notes) removes the stored entry, so that the cache never holds
    /// older results than the last run of the same code.
    public var refreshes = false

    /// Makes a cache in `directory` (created when needed).
    public init(directory: URL, environment: String) {
        self.directory = directory
        self.environment = environment
    }

    /// The cache folder of the user: `RNNBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/rnnbook`,
    /// else `~/.cache/rnnbook`.
    public static func defaultDirectory(environment variables: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = variables["RNNBOOK_CACHE_DIR"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let path = variables["XDG_CACHE_HOME"], !path.isEmpty {
            return URL(fileURLWithPath: path).appendingPathComponent("rnnbook")
        }
        let home = variables["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache").appendingPathComponent("rnnbook")
    }

    /// Whether a notebook may be served from or stored in the cache at all.
    public static func allows(_ notebook: Notebook) -> Bool {
        !notebook.hasErrors && notebook.codeCells.allSatisfy(\.options.cache)
    }

    /// The results of an earlier run of this notebook with these settings, if stored.
    public func lookUp(_ notebook: Notebook, settings: RunSettings) -> NotebookRun? {
        // The `-p` warnings are shown again; an override in error means a fresh run reports it.
        var notebook = notebook
        notebook.diagnostics += notebook.frontMatter.applying(settings.parameters, file: notebook.file).problems
        guard RunCache.allows(notebook) else { return nil }
        let key = self.key(notebook, settings: settings)
        guard let data = try? Data(contentsOf: entryURL(for: key)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.format == Entry.currentFormat, entry.key == key,
            !entry.positionSensitive || entry.positions == RunCache.positions(of: notebook),
            entry.cells.count == notebook.codeCells.count,
            ModuleFiles.unchanged(entry.imports)
        else { return nil }
        let cells = zip(notebook.codeCells, entry.cells).map { cell, stored in
            CellRun(
                cell: cell,
                result: BlockResult(outputs: stored.outputs.map { $0.output(in: notebook.file) }, seconds: stored.seconds),
                unexpectedFailure: stored.unexpectedFailure, shownText: stored.shownText)
        }
        return NotebookRun(notebook: notebook, frontMatter: frontMatter(of: notebook, settings: settings), cells: cells)
    }

    /// The notebook's results from the cache when stored (unless `refreshes`), else from a
    /// fresh run, which is then stored. `fromCache` tells which.
    /// `onBlockStart` and `onProgress` follow a fresh run as `NotebookRunner.run` describes.
    public func run(
        _ notebook: Notebook, settings: RunSettings = RunSettings(),
        onBlockStart: ((CodeCell) -> Void)? = nil, onProgress: ((CodeCell, String) -> Void)? = nil
    ) -> (run: NotebookRun, fromCache: Bool) {
        if !refreshes, let run = lookUp(notebook, settings: settings) { return (run, true) }
        let run = NotebookRunner.run(notebook, settings: settings, onBlockStart: onBlockStart, onProgress: onProgress)
        if !store(run, settings: settings), refreshes {
            try? FileManager.default.removeItem(at: entryURL(for: key(notebook, settings: settings)))
        }
        return (run, false)
    }

    /// Stores a run's results; does nothing for a run that must not be kept (see the type's
    /// notes). Returns whether it was stored.
    @discardableResult
    public func store(_ run: NotebookRun, settings: RunSettings) -> Bool {
        guard RunCache.allows(run.notebook), !run.failed, !run.touchedFiles,
              run.cells.count == run.notebook.codeCells.count, !RunCache.pointsOutside(run) else {
            return false
        }
        let key = self.key(run.notebook, settings: settings)
        let positionSensitive = run.cells.contains { cell in
            cell.result.outputs.contains {
                switch $0 {
                case .error, .warning: return true
                case .text, .value, .figure: return false
                }
            }
        }
        let entry = Entry(
            format: Entry.currentFormat, key: key, imports: run.importedFiles, positionSensitive: positionSensitive,
            positions: RunCache.positions(of: run.notebook),
            cells: run.cells.map {
                StoredCell(outputs: $0.result.outputs.map(StoredOutput.init), seconds: $0.result.seconds,
                           unexpectedFailure: $0.unexpectedFailure, shownText: $0.shownText)
            })
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(entry).write(to: entryURL(for: key), options: .atomic)
        } catch {
            return false
        }
        prune()
        return true
    }

    /// Everything a run depends on except where the blocks are, as one text.
    func key(_ notebook: Notebook, settings: RunSettings) -> String {
        let matter = frontMatter(of: notebook, settings: settings)
        var lines = [
            "environment \(environment)",
            "file \(RunCache.resolvedPath(notebook.file.name))",
            "seed \(matter.seed)",
            "operations \(matter.operations.map(String.init) ?? "default \(settings.defaultOperations)")",
            "timeout \(matter.timeout.map { "\($0)" } ?? "default \(settings.defaultSeconds)")",
            "memory \(matter.memory.map(String.init) ?? "default")",
        ]
        for (name, value) in matter.params { lines.append("param \(name) \(RunCache.describe(value))") }
        for cell in notebook.codeCells {
            let timeout = cell.options.timeout.map { "\($0)" } ?? "-"
            let shown = cell.options.file.map { " file=\($0)" } ?? ""
            lines.append("block timeout=\(timeout) error=\(cell.options.errorExpected)\(shown) bytes=\(cell.code.utf8.count)")
            lines.append(cell.code)
        }
        return lines.joined(separator: "\n")
    }

    func frontMatter(of notebook: Notebook, settings: RunSettings) -> FrontMatter {
        notebook.frontMatter.applying(settings.parameters, file: notebook.file).matter
    }

    static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .int(let i): return "int \(i)"
        case .float(let d): return "float \(d)"
        case .string(let s): return "str \(s.debugDescription)"
        case .bool(let b): return "bool \(b)"
        case .none, .list, .mapping: return "yaml \(value.pythonRepr)"
        }
    }

    /// Whether a diagnostic of the run is in another file than the notebook (a module's):
    /// stored outputs keep only the notebook's file, so such a run is not stored.
    static func pointsOutside(_ run: NotebookRun) -> Bool {
        run.cells.contains { cell in
            cell.result.outputs.contains {
                switch $0 {
                case .error(let d), .warning(let d): return d.file.name != run.notebook.file.name
                case .text, .value, .figure: return false
                }
            }
        }
    }

    /// A notebook's path with `.`, `..` and symbolic links resolved, so that `lab.md`,
    /// `./lab.md` and `/abs/lab.md` share one entry.
    static func resolvedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Where each block is in the file.
    static func positions(of notebook: Notebook) -> [Int] {
        notebook.codeCells.flatMap { [$0.fence.line, $0.fence.column, $0.codeLine] }
    }

    /// The file of an entry: the key's hash names it; the entry holds the whole key.
    func entryURL(for key: String) -> URL {
        directory.appendingPathComponent(fnv1a(key.utf8) + ".json")
    }

    /// Removes the oldest entries beyond `capacity`.
    func prune() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        let entries = names.filter { $0.hasSuffix(".json") }
        guard entries.count > capacity else { return }
        let dated = entries.map { name -> (URL, Date) in
            let url = directory.appendingPathComponent(name)
            let date = (try? manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            return (url, date)
        }
        for (url, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - capacity) {
            try? manager.removeItem(at: url)
        }
    }
}

/// One cache file.
struct Entry: Codable {
    static let currentFormat = 3
    var format: Int
    var key: String
    /// The module and text files the run read, by resolved path, with their text.
    var imports: [String: String]
    var positionSensitive: Bool
    var positions: [Int]
    var cells: [StoredCell]
}

struct StoredCell: Codable {
    var outputs: [StoredOutput]
    var seconds: Double
    var unexpectedFailure: Bool
    /// The module a `file=` block showed.
    var shownText: String?
}

/// A block output as stored; a diagnostic keeps everything but its file, which is the
/// notebook's own.
struct StoredOutput: Codable {
    var kind: String
    var text: String
    var title: String?
    var severity: Severity?
    var id: String?
    var range: [Int]?
    var notes: [String]?

    init(_ output: BlockOutput) {
        switch output {
        case .text(let text): self.init(kind: "text", text: text)
        case .value(let text): self.init(kind: "value", text: text)
        case .figure(let svg, let title): self.init(kind: "figure", text: svg, title: title)
        case .error(let diagnostic): self.init(kind: "error", diagnostic)
        case .warning(let diagnostic): self.init(kind: "warning", diagnostic)
        }
    }

    init(kind: String, text: String, title: String? = nil) {
        self.kind = kind
        self.text = text
        self.title = title
    }

    init(kind: String, _ diagnostic: Diagnostic) {
        self.kind = kind
        text = diagnostic.message
        severity = diagnostic.severity
        id = diagnostic.id
        let range = diagnostic.range
        self.range = [range.start.line, range.start.column, range.end.line, range.end.column]
        notes = diagnostic.notes
    }

    func output(in file: SourceFile) -> BlockOutput {
        switch kind {
        case "value": return .value(text)
        case "figure": return .figure(svg: text, title: title)
        case "error", "warning":
            let r = range.flatMap { $0.count == 4 ? $0 : nil } ?? [1, 1, 1, 1]
            let diagnostic = Diagnostic(
                severity ?? .error, id: id ?? "error", text, file: file,
                range: SourceRange(start: SourceLocation(line: r[0], column: r[1]),
                                   end: SourceLocation(line: r[2], column: r[3])),
                notes: notes ?? [])
            return kind == "error" ? .error(diagnostic) : .warning(diagnostic)
        default: return .text(text)
        }
    }
}

/// A 64-bit FNV-1a hash as 16 hex digits: stable across runs and machines.
public func fnv1a(_ data: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
