import Diagnostics
import Foundation
import Grading
import Notebook

/// How each block of a run is shown in one edition: which code, folded how, with which
/// outputs, notes and results.
struct EditionPlan {
    let edition: Edition
    let assignment: Assignment
    /// The student version's blocks, by index (student edition only).
    let studentCells: [Int: CodeCell]
    /// Blocks that need an exercise done, with the exercise's number.
    let waiting: [Int: Int]
    /// The number shown beside the next block.
    private var shown = 0

    /// Reads the notebook's exercises. Refuses a reader or student edition of a notebook whose
    /// grading markup is broken.
    init(_ run: NotebookRun, edition: Edition) throws {
        self.edition = edition
        assignment = Assignment(run.notebook)
        if let problem = Self.problem(assignment, edition: edition) { throw problem }
        var studentCells: [Int: CodeCell] = [:]
        if edition == .student {
            let text = StudentVersion.make(assignment)
            let student = Notebook.parse(name: run.notebook.file.name, text: text)
            guard student.codeCells.count == run.notebook.codeCells.count else {
                throw EditionError(message: "\(run.notebook.file.name): error: the student version's blocks do not match the notebook's", diagnostics: [])
            }
            for cell in student.codeCells { studentCells[cell.index] = cell }
        }
        self.studentCells = studentCells
        waiting = edition == .student ? ExerciseDependencies.waiting(
            run.notebook, assignment: assignment, userModules: ExerciseDependencies.userModules(run)) : [:]
    }

    /// Why a notebook cannot be published in an edition, nil when it can.
    static func problem(_ notebook: Notebook, edition: Edition) -> EditionError? {
        edition == .instructor ? nil : problem(Assignment(notebook), edition: edition)
    }

    static func problem(_ assignment: Assignment, edition: Edition) -> EditionError? {
        let notebook = assignment.notebook
        let markup = assignment.diagnostics.dropFirst(notebook.diagnostics.count).filter { $0.severity == .error }
        guard edition != .instructor, !markup.isEmpty else { return nil }
        return EditionError(
            message: "\(notebook.file.name): error: cannot make the \(edition.rawValue) edition: the grading markers have errors",
            diagnostics: Array(markup))
    }

    /// The template context of a block in this edition, nil when the edition leaves it out.
    /// `base` is the block's context as the instructor sees it.
    mutating func context(_ cell: CodeCell, base: [String: Any], run: CellRun?) -> [String: Any]? {
        var context = base
        context["outputs"] = (base["outputs"] as? [[String: Any]])?.map(Self.markingLong)
        let check = assignment.checks.first { $0.cellIndex == cell.index }
        let exercise = assignment.exercise(atCell: cell.index)
        let display = Self.shownCell(cell, run: run)
        switch edition {
        case .instructor:
            context["segments"] = [["codeHTML": CodeHTML.highlight(display.displayCode.trimmingTrailingNewlines())]]
            if let check {
                let passed = run.map { !$0.result.failed && !$0.unexpectedFailure } ?? false
                context["check"] = ["name": check.name, "passed": passed,
                                    "points": "\(Self.format(passed ? check.points : 0)) of \(Self.format(check.points)) point\(check.points == 1 ? "" : "s")"]
            }
            if let run { context["seconds"] = Self.duration(run.result.seconds) }
            return context
        case .reader:
            let segments = CodeSegment.split(display, solutions: exercise?.file?.solutions ?? exercise?.solutions ?? [], hidden: check?.hidden ?? [])
            if segments.isEmpty, check != nil { return nil }
            if let check, !check.hidden.isEmpty { context["showOutput"] = false }
            context["segments"] = segments.map(\.context)
            context["echo"] = cell.options.echo && !segments.isEmpty
        case .student:
            var studentCell = studentCells[cell.index] ?? cell
            if let path = cell.options.file, display.code != cell.code {
                studentCell = display
                studentCell.code = StudentModules.make(display.code, file: path).student
            }
            let code = studentCell.displayCode.trimmingCharacters(in: .whitespacesAndNewlines)
            let waits = waiting[cell.index]
            if exercise != nil || waits != nil { context["showOutput"] = false }
            if let waits { context["waiting"] = waits }
            if code.isEmpty, check != nil { return nil }
            context["segments"] = code.isEmpty ? [] : [["codeHTML": CodeHTML.highlight(studentCell.displayCode.trimmingTrailingNewlines())]]
            context["echo"] = (cell.options.echo || exercise != nil || waits != nil) && !code.isEmpty
            context["failed"] = waits == nil && (context["failed"] as? Bool ?? false)
        }
        let echo = context["echo"] as? Bool ?? false
        let output = context["showOutput"] as? Bool ?? false
        guard echo || output || context["waiting"] != nil else { return nil }
        shown += 1
        context["number"] = shown
        return context
    }

    /// The block as shown: itself, or for a `file=` block that read its module, the module's
    /// text as a block of its own (lines numbered from 1, as the module's solution regions are).
    static func shownCell(_ cell: CodeCell, run: CellRun?) -> CodeCell {
        guard cell.options.file != nil, let text = run?.shownText else { return cell }
        var shown = cell
        shown.code = text
        shown.codeLine = 1
        shown.optionLineCount = 0
        return shown
    }

    /// Outputs longer than this many lines are shown whole, in a box of bounded height.
    static let longOutputLines = 200

    /// An output with `long` set when its text has more than `longOutputLines` lines.
    static func markingLong(_ output: [String: Any]) -> [String: Any] {
        var output = output
        for kind in ["stream", "value"] {
            guard var body = output[kind] as? [String: Any], let text = body["text"] as? String else { continue }
            var lines = 0
            for byte in text.utf8 where byte == UInt8(ascii: "\n") { lines += 1 }
            body["long"] = lines > longOutputLines
            output[kind] = body
        }
        return output
    }

    /// Points without a needless `.0`.
    static func format(_ points: Double) -> String {
        points == points.rounded() && abs(points) < 1e15 ? String(Int(points)) : String(points)
    }

    /// A block's run time in words: `0.04 s`, `12.3 s`, `2 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
