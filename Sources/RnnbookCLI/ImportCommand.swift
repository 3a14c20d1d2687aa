import ArgumentParser
import Foundation
import Notebook
import Report

/// `rnnbook import LAB.ipynb [-o LAB.md]`: a Jupyter notebook as a Markdown notebook.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Jupyter notebook (.ipynb) into a Markdown notebook.",
        discussion: """
            Markdown cells become prose and code cells rnn blocks; outputs are dropped. \
            Attached images are written to a folder beside the notebook (LAB_files). nbgrader's \
            autograded answer cells become exercise blocks (a cell without '### BEGIN SOLUTION' \
            is all solution) and its test cells checks of the answer before them, with their \
            points; hidden tests keep their '### BEGIN HIDDEN TESTS' markers. What cannot be \
            carried over (manually graded cells, IPython magics) is listed as a warning.
            """)

    @Argument(help: ArgumentHelp("The Jupyter notebook.", valueName: "lab.ipynb"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The Markdown notebook to write (default: beside it, .md).", valueName: "lab.md"))
    var output: String?

    func run() throws {
        let console = Console.current
        let target = output ?? (notebook as NSString).deletingPathExtension + ".md"
        try OutputPaths.refuseOverwriting(target, "-o", inputs: [(notebook, "the Jupyter notebook")])
        try OutputPaths.checkFile(target, "-o")
        guard let data = FileManager.default.contents(atPath: notebook) else {
            throw OutputPaths.fail("\(notebook): cannot read the file")
        }
        let stem = ((target as NSString).lastPathComponent as NSString).deletingPathExtension
        let result: JupyterImporter.Result
        do {
            result = try JupyterImporter.convert(data, name: notebook, assets: stem + "_files")
        } catch let error as JupyterError {
            console.printError(error.message)
            throw ExitCode(1)
        }
        for warning in result.warnings { console.printError(warning) }
        let folder = (target as NSString).deletingLastPathComponent
        for file in result.files {
            let path = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(file.path)
            try OutputPaths.prepareFolder((path as NSString).deletingLastPathComponent, "-o")
            guard FileManager.default.createFile(atPath: path, contents: file.data) else {
                throw OutputPaths.fail("\(path): cannot write the attachment")
            }
        }
        // Images the prose shows by relative path go along when the notebook moves folder.
        let source = (notebook as NSString).deletingLastPathComponent
        let manager = FileManager.default
        for image in JupyterImporter.relativeImages(in: result.markdown) {
            let from = ((source.isEmpty ? "." : source) as NSString).appendingPathComponent(image)
            let to = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(image)
            guard manager.fileExists(atPath: from), !manager.fileExists(atPath: to) else { continue }
            try OutputPaths.prepareFolder((to as NSString).deletingLastPathComponent, "-o")
            do {
                try manager.copyItem(atPath: from, toPath: to)
            } catch {
                console.printError("\(notebook): warning: cannot copy the image \(image) (\(OutputPaths.reason(error)))")
            }
        }
        do {
            try CourseSite.write(result.markdown, to: target)
        } catch let error as NotebookFileError {
            console.printError(error.message)
            throw ExitCode(1)
        }
        let attachments = result.files.isEmpty ? "" : " and \(result.files.count) attachment\(result.files.count == 1 ? "" : "s")"
        console.print("wrote \(target)\(attachments)")
    }
}
