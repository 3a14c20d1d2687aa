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
            let (shown, marker) = quote(source, diagnostic.range)
            lines.append(" \(gutter) | \(shown)")
            lines.append(" \(pad) | \(marker)")
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

    /// The longest source line quoted whole, in bytes.
    static let widestLine = 160

    /// The quoted line and the caret line under it. A line longer than `widestLine` bytes
    /// is cut to that many around the caret, with `…` where it was cut (thousands of
    /// errors on one huge line must not quote it thousands of times).
    static func quote(_ source: String, _ range: SourceRange) -> (String, String) {
        let utf8 = source.utf8
        guard utf8.count > widestLine else { return (expandTabs(source), caret(for: range, in: source)) }
        let bytes = Array(utf8)
        func isContinuation(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] & 0xC0 == 0x80 }
        let start = max(0, min(range.start.column - 1, bytes.count))
        var from = max(0, min(start - widestLine / 4, bytes.count - widestLine))
        while isContinuation(from) { from += 1 }
        var to = min(bytes.count, from + widestLine)
        while isContinuation(to) { to -= 1 }
        let piece = String(decoding: bytes[from..<to], as: UTF8.self)
        let endColumn = range.end.line == range.start.line ? min(range.end.column, to + 1) - from : start - from + 1
        let shifted = SourceRange(line: range.start.line, column: start - from + 1, length: max(1, endColumn - (start - from + 1)))
        let before = from > 0 ? "…" : ""
        return (before + expandTabs(piece) + (to < bytes.count ? "…" : ""),
                (from > 0 ? " " : "") + caret(for: shifted, in: piece))
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
