import Diagnostics
import Foundation
import Notebook

/// Exercises written in modules (`rnn file=models/students_rnn.py exercise=rnn`): their
/// solution regions, and the modules whose solution regions no exercise claims.
extension AssignmentReader {
    /// The solution regions of the module an exercise block shows, by line of the module;
    /// a module that cannot be read, or has no solution region, is an error at the block.
    static func moduleSolutions(_ path: String, exercise id: String, cell: CodeCell, notebook: Notebook,
                                diagnostics: inout [Diagnostic]) -> [Region] {
        let place = cell.options.locations["file"] ?? SourceRange(start: cell.fence)
        guard let text = StudentModules.text(of: path, besides: notebook) else {
            diagnostics.append(Diagnostic(
                id: "file-block", "exercise '\(id)' is written in \(path), which is not a readable file in the notebook's folder",
                file: notebook.file, range: place))
            return []
        }
        let module = SourceFile(name: path, text: text)
        var moduleCell = cell
        moduleCell.code = text
        moduleCell.fence = SourceLocation(line: 1, column: 1)
        moduleCell.codeLine = 1
        moduleCell.optionLineCount = 0
        let regions = scanRegions(moduleCell, file: module, diagnostics: &diagnostics)
        if regions.solutions.isEmpty, !regions.troubled {
            diagnostics.append(Diagnostic(
                id: "no-solution", "exercise '\(id)' has no '### BEGIN SOLUTION' region in \(path)", file: notebook.file, range: place))
        }
        return regions.solutions
    }

    /// A module the notebook imports that holds a solution region but is shown by no
    /// exercise block is an error: grading could not tell whose answer it is, and a
    /// submission without the module would be graded with the instructor's solution.
    static func reportUnclaimedModules(_ notebook: Notebook, claimed: Set<String>, diagnostics: inout [Diagnostic]) {
        for path in StudentModules.imported(by: notebook) where !claimed.contains(path) {
            guard let text = StudentModules.text(of: path, besides: notebook) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let index = lines.firstIndex(where: { Marker.find(in: $0)?.0 == .beginSolution }) else { continue }
            let indent = lines[index].prefix { $0 == " " || $0 == "\t" }.utf8.count
            diagnostics.append(Diagnostic(
                id: "module-without-exercise",
                "\(path) has a solution region, but no block shows it as an exercise: add a block ```rnn file=\(path) exercise=ID``` where the page should show it",
                file: SourceFile(name: path, text: text), range: SourceRange(line: index + 1, column: indent + 1, length: 18)))
        }
    }
}
