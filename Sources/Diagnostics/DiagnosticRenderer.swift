/// Renders diagnostics as compilers do: header, quoted source line, caret, notes.
public enum DiagnosticRenderer {
    /// Renders one diagnostic.
    ///
    /// ```
    /// lab.md:12:8: error: unknown block option 'pionts' (did you mean 'points'?)
    ///    12 | ```rnn pionts=2
    ///       |        ^~~~~~
    /// ```
    public static func render(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.header]
        let lineNumber = diagnostic.range.start.line
        let source = diagnostic.file.line(lineNumber)
        if lineNumber >= 1, lineNumber <= diagnostic.file.lineCount {
            let gutter = String(lineNumber)
            let pad = String(repeating: " ", count: gutter.count)
            lines.append(" \(gutter) | \(expandTabs(source))")
            lines.append(" \(pad) | \(caret(for: diagnostic.range, in: source))")
        }
        lines.append(contentsOf: diagnostic.notes)
        return lines.joined(separator: "\n")
    }

    /// Renders several diagnostics, separated by newlines, in source order.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted { $0.range.start < $1.range.start }.map(render).joined(separator: "\n")
    }

    /// The marker line under `source`: spaces up to the column, `^`, then `~` to the end.
    static func caret(for range: SourceRange, in source: String) -> String {
        let bytes = Array(source.utf8)
        let startByte = max(0, min(range.start.column - 1, bytes.count))
        // Count display columns (characters, tabs as one space) up to the start.
        let prefix = String(decoding: bytes[0..<startByte], as: UTF8.self)
        let indent = prefix.count
        var width = 1
        if range.end.line == range.start.line, range.end.column > range.start.column {
            let endByte = max(startByte, min(range.end.column - 1, bytes.count))
            let covered = String(decoding: bytes[startByte..<endByte], as: UTF8.self).count
            width = max(1, covered)
        }
        return String(repeating: " ", count: indent) + "^" + String(repeating: "~", count: width - 1)
    }

    static func expandTabs(_ line: String) -> String {
        line.replacingTabs()
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
