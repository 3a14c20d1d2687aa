import ArgumentParser
import Grading

/// `rnnbook gradebook merge OUT.sqlite IN.sqlite…`: combines shard gradebooks.
struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Work with gradebooks.",
        subcommands: [Merge.self])

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge shard gradebooks into one.")

        @Argument(help: ArgumentHelp("The gradebook to merge into (created if needed).", valueName: "out.sqlite"))
        var output: String

        @Argument(help: ArgumentHelp("The shard gradebooks.", valueName: "in.sqlite"))
        var inputs: [String] = []

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one gradebook to merge") }
        }

        func run() throws {
            let target = try Gradebook(path: output)
            for input in inputs { try target.merge(try Gradebook(path: input)) }
            Console.current.print("merged \(inputs.count) gradebook\(inputs.count == 1 ? "" : "s") into \(output)")
        }
    }
}
