import ArgumentParser
import Foundation
import Grading
import Notebook
import Report

/// `rnnbook export LAB.md [-o LAB.ipynb] [--edition student]`: runs a notebook and writes it as a
/// Jupyter notebook, or writes the student's handout.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run a notebook and write it as a Jupyter notebook with its outputs.",
        discussion: """
            Prose becomes Markdown cells; each rnn block a code cell with its printed text, \
            values, errors and figures (SVG). Exercises and checks carry nbgrader's metadata \
            (answer and test cells, points, grade ids), so the notebook opens in Jupyter and \
            nbgrader. Results come from the cache when the notebook is unchanged.

            --edition student writes the handout instead, as nbgrader's release version: \
            stubs in place of solutions, hidden tests removed, nothing run, no outputs.
            """)

    @Argument(help: ArgumentHelp("The notebook to export.", valueName: "lab.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write (default: beside it, .ipynb).", valueName: "lab.ipynb"))
    var output: String?

    @Option(help: ArgumentHelp(
        "instructor: the notebook as written, run, with its outputs; student: the handout, not run (default: instructor).",
        valueName: "edition"))
    var edition: Edition = .instructor

    @OptionGroup var options: RunOptions
    @OptionGroup var caching: CacheOptions

    func run() throws {
        let console = Console.current
        let target = output ?? (notebook as NSString).deletingPathExtension + ".ipynb"
        try OutputPaths.refuseOverwriting(target, "-o", inputs: [(notebook, "the notebook")])
        try OutputPaths.checkFile(target, "-o")
        let loaded = try loadNotebook(notebook)
        if let refusal = JupyterExporter.refusal(loaded) {
            console.printError(refusal.message)
            report(refusal.diagnostics, to: console)
            throw ExitCode(1)
        }
        switch edition {
        case .instructor: break
        case .student:
            try write(try studentHandout(loaded), to: target, console: console)
            return
        case .reader:
            console.printError("\(notebook): error: export writes the instructor's or the student's notebook (--edition instructor|student); for a reader's copy publish the page: rnnbook render \(notebook) --edition reader")
            throw ExitCode(1)
        }
        let (run, fromCache) = runWithProgress(loaded, settings: try options.settings(), cache: caching.cache(), console: console)
        if fromCache { console.print("\(notebook): \(CacheOptions.reused)") }
        report(run.allDiagnostics, to: console)
        try write(try JupyterExporter.export(run), to: target, console: console)
        if run.failed { throw ExitCode(1) }
    }

    /// The student's notebook, after the checks `assign` makes: markup without errors and no
    /// solution or hidden-test line left in the handout.
    func studentHandout(_ loaded: Notebook) throws -> Data {
        let console = Console.current
        let assignment = Assignment(loaded)
        report(assignment.diagnostics, to: console)
        guard !assignment.hasErrors else { throw ExitCode(1) }
        let leaks = StudentVersion.leaks(assignment, student: StudentVersion.make(assignment))
        guard leaks.isEmpty else {
            console.printError("\(notebook): error: the student version would reveal \(leaks.count) secret line(s):")
            for line in leaks { console.printError("  \(line)") }
            throw ExitCode(1)
        }
        return try JupyterExporter.exportStudent(assignment)
    }

    func write(_ data: Data, to target: String, console: Console) throws {
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw OutputPaths.fail("\(target): cannot write the file (\(OutputPaths.reason(error)))")
        }
        console.print("wrote \(target)")
    }
}
