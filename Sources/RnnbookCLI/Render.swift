import ArgumentParser
import Diagnostics
import Foundation
import Notebook
import Report

/// `rnnbook render LAB.md [-o OUT.html]`: runs a notebook and writes its HTML report.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook and write its HTML report.",
        discussion: """
            The report is one self-contained HTML file: styles inline, figures as inline SVG, \
            math as MathML, no network. It is written even when a block fails, with the error \
            shown in place; the exit code is then 1. When the notebook's code, parameters and \
            rnnbook itself are unchanged since a run that succeeded, its results are taken \
            from the cache and no block runs again; a block with cache=false turns that off \
            for its notebook. --refresh runs every block afresh and stores the new results \
            (Restart & Run All, then save); --no-cache runs afresh and leaves the cache alone.
            """)

    @Argument(help: ArgumentHelp("The notebook to render.", valueName: "lab.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report (default: beside the notebook, .html).", valueName: "out.html"))
    var output: String?

    @Option(help: EditionHelp.text(default: .instructor))
    var edition: Edition = .instructor

    @Flag(help: "Open the report in the default browser afterwards.")
    var open = false

    @OptionGroup var options: RunOptions
    @OptionGroup var files: FileOptions
    @OptionGroup var caching: CacheOptions
    @OptionGroup var html: HTMLOptions

    func run() throws {
        let console = Console.current
        try OutputPaths.refuseOverwriting(output ?? defaultOutput(for: notebook), "-o", inputs: [(notebook, "the notebook")])
        if let problem = CourseSite.writeProblem(output ?? defaultOutput(for: notebook)) {
            // Said before anything runs, so that no work is lost to a report that cannot be written.
            console.printError("\(output ?? defaultOutput(for: notebook)): error: cannot write the file: \(problem)")
            throw ExitCode(1)
        }
        let templates = try options.loadTemplates()
        let notebook = try loadNotebook(notebook)
        let settings = files.applied(to: try options.settings())
        let (run, fromCache) = runWithProgress(notebook, settings: settings, cache: caching.cache(), console: console)
        if fromCache {
            console.print("\(self.notebook): \(CacheOptions.reused)")
        }
        let page: RenderedPage
        do {
            page = try ReportRenderer.render(run, templates: templates, edition: edition, trustHTML: html.trustHTML)
        } catch let error as EditionError {
            report(error.diagnostics, to: console)
            console.printError(error.message)
            throw ExitCode(1)
        }
        let target = output ?? defaultOutput(for: self.notebook)
        report(run.allDiagnostics + page.warnings, to: console)
        do {
            try CourseSite.write(page.html, to: target)
        } catch let error as NotebookFileError {
            console.printError(error.message)
            throw ExitCode(1)
        }
        console.print("wrote \(target)")
        if open { openInBrowser(target) }
        if run.failed { throw ExitCode(1) }
    }

    func defaultOutput(for path: String) -> String {
        (path as NSString).deletingPathExtension + ".html"
    }

    func openInBrowser(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", path]
        try? process.run()
    }
}

/// Loads a notebook, turning a file problem into a clean failure.
func loadNotebook(_ path: String) throws -> Notebook {
    do {
        return try Notebook.load(path: path)
    } catch let error as NotebookFileError {
        Console.current.printError(error.message)
        throw ExitCode(1)
    }
}

/// Prints diagnostics to standard error, in file order.
func report(_ diagnostics: [Diagnostic], to console: Console) {
    guard !diagnostics.isEmpty else { return }
    console.printError(DiagnosticRenderer.render(diagnostics))
}
