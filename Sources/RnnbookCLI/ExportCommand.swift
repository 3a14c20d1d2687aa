import ArgumentParser
import Foundation
import Notebook
import Report

/// `rnnbook export LAB.md [-o LAB.ipynb]`: runs a notebook and writes it as a Jupyter notebook.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run a notebook and write it as a Jupyter notebook with its outputs.",
        discussion: """
            Prose becomes Markdown cells; each rnn block a code cell with its printed text, \
            values, errors and figures (SVG). Exercises and checks carry nbgrader's metadata \
            (answer and test cells, points, grade ids), so the notebook opens in Jupyter and \
            nbgrader. Results come from the cache when the notebook is unchanged.
            """)

    @Argument(help: ArgumentHelp("The notebook to export.", valueName: "lab.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write (default: beside it, .ipynb).", valueName: "lab.ipynb"))
    var output: String?

    @OptionGroup var options: RunOptions
    @OptionGroup var caching: CacheOptions

    func run() throws {
        let console = Console.current
        let target = output ?? (notebook as NSString).deletingPathExtension + ".ipynb"
        try OutputPaths.refuseOverwriting(target, "-o", inputs: [(notebook, "the notebook")])
        try OutputPaths.checkFile(target, "-o")
        let loaded = try loadNotebook(notebook)
        let (run, fromCache) = runWithProgress(loaded, settings: try options.settings(), cache: caching.cache(), console: console)
        if fromCache { console.print("\(notebook): unchanged since the last run: results reused from the cache (--no-cache runs it afresh)") }
        report(run.allDiagnostics, to: console)
        let data = try JupyterExporter.export(run)
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw OutputPaths.fail("\(target): cannot write the file (\(OutputPaths.reason(error)))")
        }
        console.print("wrote \(target)")
        if run.failed { throw ExitCode(1) }
    }
}
