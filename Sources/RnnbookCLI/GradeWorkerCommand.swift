import ArgumentParser
import Foundation
import Grading
import Notebook
import Tensor

/// `rnnbook grade-worker SOURCE.md`: one grading worker process, started by `rnnbook grade`.
/// It runs the reference, then grades the jobs its parent writes on standard input (one JSON
/// line each) and answers on standard output. Not meant to be run by hand.
struct GradeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-worker",
        abstract: "A grading worker process (started by 'rnnbook grade').",
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("The instructor's notebook.", valueName: "source.md"))
    var source: String

    @Option(help: ArgumentHelp("Address space the worker may add after the reference run, in megabytes.", valueName: "MB"))
    var memoryLimit: Int?

    @Flag(help: "Use one BLAS thread (workers run side by side).")
    var singleThreadedBLAS = false

    @Flag(help: "Run the reference, then fork a worker per request on the socket that is standard input.")
    var zygote = false

    @OptionGroup var options: RunOptions

    func run() throws {
        let assignment = Assignment(try loadNotebook(source))
        var settings = GradingSettings(jobs: 1)
        settings.parameters = try options.parsedParameters()
        let status: Int32
        if zygote {
            // The reference runs alone, with every BLAS thread. Forked workers use one: they run
            // side by side, and a forked process must not start Dispatch's threads, which the
            // batched kernels use when BLAS has several.
            status = GradeWorker.serveAsZygote(assignment: assignment, settings: settings, memoryLimit: memoryLimit,
                                               prepareWorker: { BLAS.setThreadCount(1) })
        } else {
            if singleThreadedBLAS { BLAS.setThreadCount(1) }
            status = GradeWorker.serve(assignment: assignment, settings: settings, memoryLimit: memoryLimit)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
