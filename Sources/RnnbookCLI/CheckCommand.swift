import Foundation
import ArgumentParser
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
        for exercise in assignment.exercises {
            let exerciseRun = run.run(ofCell: exercise.cellIndex)
            let notImplemented = exerciseRun?.result.error?.message.contains("student exercise not implemented") ?? false
            console.print("exercise \(exercise.id) (\(format(exercise.points)) point\(exercise.points == 1 ? "" : "s"))\(notImplemented ? ": not implemented" : "")")
            if let error = exerciseRun?.result.error, !notImplemented { console.print("  ✗ error: \(error.message) (line \(error.range.start.line))") }
            for check in assignment.checks where check.exercise == exercise.id {
                let cell = notebook.codeCells.first { $0.index == check.cellIndex }
                if cell?.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                    console.print("  · \(check.name)  hidden: runs at grading (\(format(check.points)))")
                    continue
                }
                available += check.points
                let error = exerciseRun?.result.error ?? run.run(ofCell: check.cellIndex)?.result.error
                if let error {
                    anyFailed = true
                    let why = notImplemented ? "not implemented" : error.message
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
