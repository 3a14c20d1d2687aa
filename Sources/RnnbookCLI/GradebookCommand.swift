import ArgumentParser
import Foundation
import Grading

/// `rnnbook gradebook show|export|merge`: reads a gradebook without grading again, or
/// combines shard gradebooks.
struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Work with gradebooks.",
        subcommands: [Show.self, Export.self, Merge.self])

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge shard gradebooks into one.",
            discussion: """
                Every input must be an existing gradebook; all are read before the output \
                changes, and the merge is one transaction. A run the output already holds (the \
                same provenance and submissions) is not added again, so merging twice is harmless. \
                An assignment whose name the output holds with another title or total is refused.
                """)

        @Argument(help: ArgumentHelp("The gradebook to merge into (created if needed).", valueName: "out.sqlite"))
        var output: String

        @Argument(help: ArgumentHelp("The shard gradebooks.", valueName: "in.sqlite"))
        var inputs: [String] = []

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one gradebook to merge") }
        }

        func run() throws {
            let console = Console.current
            for input in inputs where OutputPaths.same(input, output) {
                throw OutputPaths.fail("cannot merge \(input) into itself (\(output)): merge into another file")
            }
            do {
                // Every input is opened and read before the output changes; the merge is then
                // one transaction, and runs already in the output are not added again.
                let sources = try inputs.map { try Gradebook(readingFrom: $0) }
                let summary = try Gradebook(path: output).merge(sources)
                let present = summary.runsAlreadyPresent
                console.print("merged \(inputs.count) gradebook\(inputs.count == 1 ? "" : "s") into \(output): \(summary.runsAdded) run\(summary.runsAdded == 1 ? "" : "s") added"
                    + (present > 0 ? ", \(present) already there" : ""))
            } catch let error as GradebookError {
                console.printError(error.description)
                throw ExitCode(1)
            }
        }
    }
}
