import Foundation
import ArgumentParser
import Diagnostics
import Grading
import Notebook
import ScriptRuntime

/// `rnnbook check LAB.md`: the student's self-check.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a lab and show which of its visible checks pass.",
        discussion: """
            Prints each exercise, each visible check with pass or fail and its points, and the \
            total. Hidden checks run only at grading. Exits 1 when a check fails.
            """)

    @Argument(help: ArgumentHelp("The lab to check (a student version).", valueName: "lab.md"))
    var notebook: String

    @OptionGroup var options: RunOptions
    @OptionGroup var files: FileOptions

    func run() throws {
        let console = Console.current
        let notebook = try loadNotebook(notebook)
        let assignment = Assignment(notebook)
        // A student version has no solution regions; every other markup problem is the
        // instructor's, reported as assign and grade report it, and stops the check.
        let problems = assignment.diagnostics.filter { $0.id != "no-solution" }
        report(problems, to: console)
        guard !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
        // Never from the cache: a check is a fresh run of the student's code.
        let (run, _) = runWithProgress(notebook, settings: files.applied(to: try options.settings()), cache: nil, console: console)
        var earned = 0.0
        var available = 0.0
        var anyFailed = false
        var shown = Set<String>()
        /// The error where it happened (`lab.md:12:8: message`), then its source line and
        /// call trace the first time it is met.
        func located(_ error: Diagnostic) -> String {
            let place = "\(error.file.name):\(error.range.start.line):\(error.range.start.column): \(error.message)"
            guard shown.insert(error.header).inserted else { return place }
            let excerpt = error.rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            return ([place] + excerpt.map { "      " + $0 }).joined(separator: "\n")
        }
        for exercise in assignment.exercises {
            let exerciseRun = run.run(ofCell: exercise.cellIndex)
            let notImplemented = exerciseRun?.result.error?.message.contains("student exercise not implemented") ?? false
            console.print("exercise \(exercise.id) (\(format(exercise.points)) point\(exercise.points == 1 ? "" : "s"))\(notImplemented ? ": not implemented" : "")")
            if let error = exerciseRun?.result.error, !notImplemented { console.print("  ✗ error: \(located(error))") }
            for check in assignment.checks where check.exercise == exercise.id {
                let cell = notebook.codeCells.first { $0.index == check.cellIndex }
                if cell?.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                    console.print("  · \(check.name)  hidden: runs at grading (\(format(check.points)))")
                    continue
                }
                available += check.points
                let blockError = exerciseRun?.result.error
                let error = blockError ?? run.run(ofCell: check.cellIndex)?.result.error
                if let error {
                    anyFailed = true
                    let why = notImplemented ? "not implemented"
                        : blockError != nil ? "not run: the exercise's block stopped with the error above"
                        : error.message.contains("student exercise not implemented") ? error.message : located(error)
                    console.print("  ✗ \(check.name)  0/\(format(check.points))  \(why)")
                } else {
                    earned += check.points
                    console.print("  ✓ \(check.name)  \(format(check.points))/\(format(check.points))")
                }
            }
        }
        console.print("total: \(format(earned))/\(format(available)) points from visible checks (\(format(assignment.totalPoints)) in all)")
        if anyFailed { throw ExitCode(1) }
    }
}

/// Points without a needless `.0`.
func format(_ points: Double) -> String {
    points == points.rounded() && abs(points) < 1e15 ? String(Int(points)) : String(points)
}
