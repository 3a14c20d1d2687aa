import ArgumentParser
import Foundation
import Notebook
import Report

/// `rnnbook build DIR [-o SITE]`: renders every notebook of a folder into a course site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every notebook in a folder into a static course site.",
        discussion: """
            Notebooks are taken in file-name order (01-…, 02-…). The site has one page per \
            notebook, with links to the previous and next lab, and an index page. Every page \
            works offline on its own.
            """)

    @Argument(help: ArgumentHelp("The folder of notebooks.", valueName: "dir"))
    var directory: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The site folder to write (default: site).", valueName: "site"))
    var output = "site"

    @Option(help: "The course title on the index page (default: the folder's name).")
    var title: String?

    @Option(help: EditionHelp.text(default: .reader))
    var edition: Edition = .reader

    @OptionGroup var options: RunOptions
    @OptionGroup var files: FileOptions
    @OptionGroup var caching: CacheOptions
    @OptionGroup var html: HTMLOptions

    func run() throws {
        let console = Console.current
        let pages: [SitePage]
        let settings = files.applied(to: try options.settings())
        let cache = caching.cache()
        try OutputPaths.prepareFolder(output, "-o")
        do {
            pages = try CourseSite.build(
                directory: directory, output: output, title: title, settings: settings,
                templates: try options.loadTemplates(), edition: edition, cache: cache,
                progress: { console.print("rendering \($0)") },
                reused: { _ in console.print("  " + CacheOptions.reused) },
                runner: { runWithProgress($0, settings: settings, cache: cache, console: console) },
                trustHTML: html.trustHTML)
        } catch let error as NotebookFileError {
            console.printError(error.message)
            throw ExitCode(1)
        }
        for page in pages {
            report(page.diagnostics, to: console)
            if let problem = page.unreadable { console.printError(problem) }
        }
        let failed = pages.filter(\.failed)
        let written = pages.filter { $0.unreadable == nil }.count
        console.print("wrote \(written) page\(written == 1 ? "" : "s") and index.html to \(output)")
        if !failed.isEmpty {
            console.printError("failed: \(failed.map(\.source).joined(separator: ", "))")
            throw ExitCode(1)
        }
    }
}
