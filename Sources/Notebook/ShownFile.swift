import Diagnostics
import ScriptRuntime

/// A block that shows a module of the lab instead of code of its own:
/// ` ```rnn file=trainer.py ` (with `exercise=ID`, the module holds that exercise).
///
/// The module runs where the notebook imports it, as in Python; the block runs nothing. Its
/// run reads the file as `import` does (from the notebook's folder only, recorded with its
/// text, so a cached result or a preview stands only while the file is unchanged) and the
/// report shows that text, highlighted, under the file's path.
public enum ShownFile {
    /// The path written in `file=` when it names a `.py` file below the notebook's folder
    /// (relative, no `..`), with `./` parts dropped; nil otherwise.
    public static func validPath(_ value: String) -> String? {
        guard !value.hasPrefix("/"), !value.contains("\\"), !value.contains("\0"), value.hasSuffix(".py") else { return nil }
        let parts = value.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        let path = parts.joined(separator: "/")
        return path == ".py" || path.hasSuffix("/.py") ? nil : path
    }

    /// The module's dotted name (`models/rnn.py` is `models.rnn`, `pkg/__init__.py` is `pkg`).
    public static func moduleName(_ path: String) -> String {
        var parts = path.dropLast(3).split(separator: "/").map(String.init)
        if parts.last == "__init__", parts.count > 1 { parts.removeLast() }
        return parts.joined(separator: ".")
    }

    /// The problem with a `file=` block that also holds code: the code would never run.
    static func codeProblem(_ cell: CodeCell, file: SourceFile) -> Diagnostic? {
        guard let path = cell.options.file else { return nil }
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        guard let offset = lines.indices.first(where: { $0 >= cell.optionLineCount && !lines[$0].allSatisfy(\.isWhitespace) })
        else { return nil }
        return Diagnostic(
            id: "file-block-code",
            "a block with file=\(path) shows that module and runs nothing: write this code in \(path), or in a block of its own",
            file: file, range: SourceRange(line: cell.codeLine + offset, column: cell.fence.column))
    }

    /// Runs a `file=` block: reads the module as `import` reads it; a module that cannot be
    /// read is an error at the `file=` option.
    static func run(_ cell: CodeCell, path: String, of notebook: Notebook, in session: ScriptSession) -> (BlockResult, String?) {
        switch session.shownModuleText(path) {
        case .success(let text):
            return (BlockResult(), text)
        case .failure(let problem):
            let range = cell.options.locations["file"] ?? SourceRange(start: cell.fence)
            return (BlockResult(outputs: [.error(Diagnostic(id: "file-block", problem.message, file: notebook.file, range: range))]), nil)
        }
    }
}
