import ArgumentParser
import Foundation
import Grading

extension GradebookCommand {
    /// `rnnbook gradebook show G.sqlite`: each assignment's latest grade per student.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each student's latest grade, without grading again.")

        @Argument(help: ArgumentHelp("The gradebook.", valueName: "g.sqlite"))
        var gradebook: String

        @Option(help: ArgumentHelp("Show only this assignment.", valueName: "name"))
        var assignment: String?

        func run() throws {
            let console = Console.current
            let summaries = try GradebookCommand.read(gradebook, assignment: assignment)
            for (index, summary) in summaries.enumerated() {
                if index > 0 { console.print() }
                let runs = "\(summary.runs) run\(summary.runs == 1 ? "" : "s")" + (summary.latestRun.map { ", latest \($0)" } ?? "")
                console.print("\(summary.name) — \(summary.title) (\(number(summary.totalPoints)) points), \(runs)")
                let header = ["student"] + summary.exercises + ["total"]
                let rows = summary.students.map { [$0.student] + $0.points.map(number) + [number($0.score)] }
                let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
                for row in [header] + rows {
                    let cells = row.enumerated().map { column, cell in
                        column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - cell.count) + cell
                    }
                    console.print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
                }
            }
        }

        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
        }
    }

    /// `rnnbook gradebook export G.sqlite --csv OUT.csv`: the CSV for the LMS.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export one row per student to CSV, without grading again.",
            discussion: "The same CSV as 'rnnbook grade --csv': each student's latest grade, a column per exercise, then the total.")

        @Argument(help: ArgumentHelp("The gradebook.", valueName: "g.sqlite"))
        var gradebook: String

        @Option(help: ArgumentHelp("Where to write the CSV.", valueName: "out.csv"))
        var csv: String

        @Option(help: ArgumentHelp("The assignment to export (needed when the gradebook holds several).", valueName: "name"))
        var assignment: String?

        func run() throws {
            try OutputPaths.refuseOverwriting(csv, "--csv", inputs: [(gradebook, "the gradebook")])
            try OutputPaths.checkFile(csv, "--csv")
            let summaries = try GradebookCommand.read(gradebook, assignment: assignment)
            guard summaries.count == 1, let summary = summaries.first else {
                throw OutputPaths.fail("\(gradebook) holds several assignments (\(summaries.map(\.name).joined(separator: ", "))): choose one with --assignment")
            }
            do {
                let text = try Gradebook(readingFrom: gradebook).csv(assignment: summary.name, exercises: summary.exercises)
                try text.write(toFile: csv, atomically: true, encoding: .utf8)
            } catch let error as GradebookError {
                Console.current.printError(error.description)
                throw ExitCode(1)
            }
            Console.current.print("wrote \(csv): \(summary.students.count) student\(summary.students.count == 1 ? "" : "s") of \(summary.name)")
        }
    }

    /// The summaries of a gradebook, or of one assignment; prints the error and exits 1 when
    /// the gradebook cannot be read or does not hold the assignment.
    static func read(_ path: String, assignment: String?) throws -> [AssignmentSummary] {
        do {
            let all = try Gradebook(readingFrom: path).summaries()
            guard let assignment else {
                if all.isEmpty { throw OutputPaths.fail("\(path) holds no grades yet") }
                return all
            }
            guard let one = all.first(where: { $0.name == assignment }) else {
                throw OutputPaths.fail("\(path) holds no assignment '\(assignment)' (it holds: \(all.map(\.name).joined(separator: ", ")))")
            }
            return [one]
        } catch let error as GradebookError {
            Console.current.printError(error.description)
            throw ExitCode(1)
        }
    }
}
