import ArgumentParser
import Diagnostics
import Notebook
import ScriptRuntime

/// `rnnbook run LAB.md`: runs a notebook and prints its outputs to the terminal.
struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook and print each block's output.",
        discussion: """
            Output appears as it is produced, block by block. Figures are named where they \
            would be drawn; use `rnnbook render` to see them.
            """)

    @Argument(help: ArgumentHelp("The notebook to run.", valueName: "lab.md"))
    var notebook: String

    @OptionGroup var options: RunOptions
    @OptionGroup var files: FileOptions

    func run() throws {
        let console = Console.current
        let notebook = try loadNotebook(notebook)
        let settings = files.applied(to: try options.settings())
        // Problems of `-p` overrides come with the file's own, before any block runs.
        report(notebook.diagnostics + notebook.frontMatter.applying(settings.parameters, file: notebook.file).problems,
               to: console)
        var figures = 0
        // On a terminal, live progress is drawn on one line and erased before the next output.
        var drawn = false
        func clearProgress() {
            if drawn { console.print("\r\u{1B}[K", terminator: "") }
            drawn = false
        }
        let run = NotebookRunner.run(
            notebook, settings: settings,
            onBlockStart: { cell in
                console.print("── [\(cell.index + 1)] \(notebook.file.name):\(cell.fence.line)")
            },
            onOutput: { cell, output in
                clearProgress()
                switch output {
                case .text(let text): console.print(text, terminator: "")
                case .value(let text): console.print("Out[\(cell.index + 1)]: \(text)")
                case .figure(_, let title):
                    figures += 1
                    console.print("[figure \(figures)\(title.map { ": \($0)" } ?? "")]")
                case .error(let diagnostic):
                    console.printError(diagnostic.rendered)
                    if cell.options.errorExpected { console.print("(error expected)") }
                case .warning(let diagnostic): console.printError(diagnostic.rendered)
                }
            },
            onProgress: console.isTerminal ? { _, line in
                console.print("\r\u{1B}[K" + line, terminator: "")
                drawn = true
            } : nil)
        clearProgress()
        let failures = run.cells.filter(\.unexpectedFailure).count
        if run.notebook.hasErrors {
            console.printError("\(notebook.file.name): not run: the notebook has errors")
        } else {
            console.print("ran \(run.cells.count) block\(run.cells.count == 1 ? "" : "s"), \(failures) failed")
        }
        if run.failed { throw ExitCode(1) }
    }
}
