import Grading
import Notebook

/// A stretch of a block's code as a reader sees it: shown, or folded behind "Show solution".
struct CodeSegment: Equatable {
    /// The code.
    var code: String
    /// Whether it is a solution, folded.
    var folded: Bool

    /// The segment's template context: highlighted code under `codeHTML` or `solutionHTML`.
    var context: [String: Any] {
        [folded ? "solutionHTML" : "codeHTML": CodeHTML.highlight(code)]
    }

    /// Splits a block's displayed code at its solution regions (folded, markers dropped) and
    /// leaves out its hidden-test regions, markers included. Blank stretches are dropped.
    static func split(_ cell: CodeCell, solutions: [Region], hidden: [Region]) -> [CodeSegment] {
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        var segments: [CodeSegment] = []
        var current: [Substring] = []
        var folded = false
        func flush() {
            while let last = current.last, last.allSatisfy(\.isWhitespace) { current.removeLast() }
            while let first = current.first, first.allSatisfy(\.isWhitespace) { current.removeFirst() }
            if !current.isEmpty { segments.append(CodeSegment(code: current.joined(separator: "\n"), folded: folded)) }
            current = []
        }
        for (offset, line) in lines.enumerated() where offset >= cell.optionLineCount {
            let number = cell.codeLine + offset
            if hidden.contains(where: { $0.beginLine <= number && number <= $0.endLine }) { continue }
            if solutions.contains(where: { $0.beginLine == number }) {
                flush()
                folded = true
                continue
            }
            if solutions.contains(where: { $0.endLine == number }) {
                flush()
                folded = false
                continue
            }
            current.append(line)
        }
        flush()
        return segments
    }
}
