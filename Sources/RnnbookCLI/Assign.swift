import ArgumentParser
import Foundation
import Grading
import Notebook
import Report

/// `rnnbook assign SOURCE.md [-o STUDENT.md]`: writes the student version of a lab.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the student version of a lab.",
        discussion: """
            Each '### BEGIN SOLUTION' … '### END SOLUTION' region becomes a todo("…") stub (the \
            text after BEGIN SOLUTION is the prompt); each '### BEGIN HIDDEN TESTS' … \
            '### END HIDDEN TESTS' region is removed; every other byte is kept. The result is \
            checked for leaks: no solution or hidden-test line may survive in it.

            The untouched student version is then graded against the source: an exercise \
            without checks, or whose checks give the stub points, is refused (its points would \
            be free), as is a source that fails with its own solutions. That grading runs the \
            lab; `-p key=value` overrides its parameters (e.g. a short training) for it, and \
            does not change the student version.
            """)

    @Argument(help: ArgumentHelp("The instructor's notebook.", valueName: "source.md"))
    var source: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the student version (default: SOURCE-student.md).", valueName: "student.md"))
    var output: String?

    @Option(name: [.customShort("p"), .customLong("param")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Override a front-matter parameter while the stub is graded; repeatable.", valueName: "key=value"))
    var parameters: [String] = []

    func run() throws {
        let console = Console.current
        let target = output ?? ((source as NSString).deletingPathExtension + "-student.md")
        try OutputPaths.refuseOverwriting(target, "-o", inputs: [(source, "the source notebook")])
        let assignment = Assignment(try loadNotebook(source))
        report(assignment.diagnostics, to: console)
        guard !assignment.hasErrors else { throw ExitCode(1) }
        let student = StudentVersion.make(assignment)
        let leaks = StudentVersion.leaks(assignment, student: student)
        guard leaks.isEmpty else {
            console.printError("\(source): error: the student version would reveal \(leaks.count) secret line(s):")
            for line in leaks { console.printError("  \(line)") }
            throw ExitCode(1)
        }
        do {
            var settings = GradingSettings()
            settings.parameters = try RunOptions.parse(parameters.flatMap { ["-p", $0] }).parsedParameters()
            let problems = try StudentVersion.stubProblems(assignment, student: student, settings: settings)
            if !problems.isEmpty {
                for problem in problems { console.printError("\(source): error: \(problem)") }
                throw ExitCode(1)
            }
        } catch let error as GradingError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        try CourseSite.write(student, to: target)
        let points = assignment.totalPoints == assignment.totalPoints.rounded()
            ? String(Int(assignment.totalPoints)) : String(assignment.totalPoints)
        console.print("wrote \(target): \(assignment.exercises.count) exercise\(assignment.exercises.count == 1 ? "" : "s"), \(assignment.checks.count) checks, \(points) points; no solution or hidden test leaked; every check fails on the stub")
    }
}
