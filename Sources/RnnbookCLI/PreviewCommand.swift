import ArgumentParser
import Foundation
import Notebook
import Report

/// `rnnbook preview LAB.md`: serves the rendered page on localhost and renders it again on
/// every save.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's page on localhost, rendered again on every save.",
        discussion: """
            Open the address it prints. When the file changes, only the changed block and \
            the blocks after it run again (a prose edit runs nothing), and the page reloads \
            itself. Errors appear in the page. Stop it with Ctrl-C.
            """)

    @Argument(help: ArgumentHelp("The notebook to preview.", valueName: "lab.md"))
    var notebook: String

    @Option(help: "The port on 127.0.0.1 (0: any free port).")
    var port = 8000

    @Option(help: EditionHelp.text(default: .instructor))
    var edition: Edition = .instructor

    @OptionGroup var options: RunOptions

    func run() throws {
        let console = Console.current
        _ = try loadNotebook(notebook)
        let state = PreviewState(path: notebook, settings: try options.settings(), templates: try options.loadTemplates(), edition: edition)
        state.refresh(force: true)
        let server = PreviewServer(state: state)
        let bound: Int
        do {
            bound = try server.bind(port: port)
        } catch let error as PreviewError {
            throw OutputPaths.fail(error.message)
        }
        console.print("previewing \(notebook) at http://127.0.0.1:\(bound)/ (Ctrl-C stops)")
        // Watch the file: render as soon as it is saved, so the page's next poll is quick.
        let watcher = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                if state.refresh() {
                    let ran = state.lastBlocksRun
                    console.print("rendered in \(String(format: "%.2f", state.lastSeconds)) s (\(ran) block\(ran == 1 ? "" : "s") ran)")
                }
            }
        }
        watcher.start()
        server.serve()
    }
}
