import Diagnostics
import Notebook

/// Grading markers: the regions they delimit, and look-alikes that must not pass for code.
extension AssignmentReader {
    /// Finds the solution and hidden-test regions of a block, checking that markers balance.
    static func scanRegions(_ cell: CodeCell, file: SourceFile, diagnostics: inout [Diagnostic]) -> (solutions: [Region], hidden: [Region], troubled: Bool) {
        let reported = diagnostics.count
        var solutions: [Region] = []
        var hidden: [Region] = []
        var open: (Marker, Int, String, String)?
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let number = cell.codeLine + offset
            guard let (marker, text) = Marker.find(in: line) else {
                if let miss = Marker.nearMiss(in: line) {
                    diagnostics.append(misspelt(miss, file: file, line: number, column: cell.fence.column + miss.offset))
                }
                continue
            }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let column = cell.fence.column + indent.utf8.count
            func fail(_ message: String) {
                diagnostics.append(Diagnostic(id: "unbalanced-marker", message, file: file,
                                              range: SourceRange(line: number, column: column, length: marker.rawValue.utf8.count)))
            }
            switch marker {
            case .beginSolution, .beginHidden:
                if let (current, _, _, _) = open {
                    fail("'\(marker.rawValue)' inside an open '\(current.rawValue)' region")
                } else {
                    open = (marker, number, indent, text)
                }
            case .endSolution, .endHidden:
                let expected: Marker = marker == .endSolution ? .beginSolution : .beginHidden
                guard let (current, begin, beginIndent, prompt) = open, current == expected else {
                    fail("'\(marker.rawValue)' without a matching '\(expected.rawValue)'")
                    continue
                }
                let region = Region(beginLine: begin, endLine: number, indent: beginIndent, prompt: prompt)
                marker == .endSolution ? solutions.append(region) : hidden.append(region)
                open = nil
            }
        }
        if let (marker, begin, indent, _) = open {
            let end: Marker = marker == .beginSolution ? .endSolution : .endHidden
            diagnostics.append(Diagnostic(
                id: "unbalanced-marker", "'\(marker.rawValue)' is never closed by '\(end.rawValue)'", file: file,
                range: SourceRange(line: begin, column: cell.fence.column + indent.utf8.count, length: marker.rawValue.utf8.count)))
        }
        return (solutions, hidden, diagnostics.count > reported)
    }

    /// The error for a line that looks like a marker but is not one exactly.
    static func misspelt(_ miss: (offset: Int, text: String, meant: Marker), file: SourceFile, line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            id: "misspelt-marker",
            "'\(miss.text)' is not a grading marker; write '\(miss.meant.rawValue)' exactly (upper case, '###', single spaces)",
            file: file, range: SourceRange(line: line, column: column, length: max(1, miss.text.utf8.count)))
    }

    /// Reports markers and look-alikes outside `rnn` blocks (in prose, in a block of another
    /// language, or in an `rnn` block inside a list or quote, which is not run): none is read,
    /// so whatever they were meant to hide would reach the student version as it is.
    static func reportStrayMarkers(_ notebook: Notebook, diagnostics: inout [Diagnostic]) {
        let file = notebook.file
        var inBlocks = Set<Int>()
        for cell in notebook.codeCells where cell.fence.line <= cell.endLine {
            inBlocks.formUnion(cell.fence.line...cell.endLine)
        }
        guard file.lineCount >= 1 else { return }
        for number in 1...file.lineCount where !inBlocks.contains(number) {
            let line = Substring(file.line(number))
            // What follows quote and list markers: where a nested block's code starts.
            let bullets: Set<Character> = [" ", "\t", ">", "-", "*", "+"]
            let afterBullets = line.drop(while: { (c: Character) in bullets.contains(c) })
            let afterNumber = afterBullets.drop(while: { (c: Character) in c.isNumber })
            let content = afterNumber.drop(while: { (c: Character) in c == "." || c == ")" || c == " " || c == "\t" })
            guard content.hasPrefix("#") else { continue }
            let column = line.utf8.count - content.utf8.count + 1
            if let (marker, _) = Marker.find(in: content) {
                diagnostics.append(Diagnostic(
                    id: "marker-outside-block",
                    "'\(marker.rawValue)' outside an rnn exercise or check block is never read, so nothing would be hidden from students",
                    file: file, range: SourceRange(line: number, column: column, length: marker.rawValue.utf8.count)))
            } else if let miss = Marker.nearMiss(in: content), miss.offset == 0 {
                diagnostics.append(Diagnostic(
                    id: "marker-outside-block",
                    "'\(miss.text)' looks like the grading marker '\(miss.meant.rawValue)', but markers are only read in rnn exercise and check blocks, written exactly",
                    file: file, range: SourceRange(line: number, column: column, length: max(1, miss.text.utf8.count))))
            }
        }
    }
}
