import Foundation
import Testing
@testable import RnnbookCLI
import Report

@Suite struct CommandLineTests {
    static let good = "---\ntitle: Good\n---\n# Good\n\nText $a_b$.\n\n```rnn\nx = 1\n```\n"

    @Test func rootHelp() {
        #expect(Rnnbook.helpMessage(columns: 100) == """
            OVERVIEW: Run Markdown notebooks of RNN labs and write self-contained HTML reports.

            A notebook is a Markdown file whose ```rnn blocks run in order, in one session, against rnnbook's
            tensor and RNN engine.

            Exit codes: 0 success; 1 a notebook failed (a parse error or a block that failed unexpectedly; the
            report is still written); 64 the command line was wrong.

            USAGE: rnnbook <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              render                  Run a notebook and write its HTML report.
              run                     Run a notebook and print each block's output.
              build                   Render every notebook in a folder into a static course site.
              import                  Convert a Jupyter notebook (.ipynb) into a Markdown notebook.
              export                  Run a notebook and write it as a Jupyter notebook with its outputs.
              preview                 Serve a notebook's page on localhost, rendered again on every save.
              check                   Run a lab and show which of its visible checks pass.
              assign                  Write the student version of a lab.
              grade                   Grade submissions against the instructor's lab.
              gradebook               Work with gradebooks.

              See 'rnnbook help <subcommand>' for detailed help.
            """)
    }

    @Test func renderHelpListsItsOptions() {
        let help = Rnnbook.helpMessage(for: Render.self, columns: 100)
        #expect(help.contains("USAGE: rnnbook render <lab.md> [--output <out.html>] [--edition <edition>] [--open] [--param <key=value> ...] [--templates <dir>]"))
        #expect(help.contains("-p, --param <key=value>"))
        #expect(help.contains("Override a front-matter parameter; repeatable."))
    }

    @Test func helpFlagExitsZero() {
        let result = runCLI(["render", "--help"])
        #expect(result.code == 0)
        #expect(result.out.contains("Run a notebook and write its HTML report."))
    }

    @Test func usageErrorsExit64() {
        #expect(runCLI(["render"]).code == 64)
        #expect(runCLI(["frobnicate"]).code == 64)
        let badParameter = runCLI(["render", "lab.md", "-p", "novalue"])
        #expect(badParameter.code == 64)
        #expect(badParameter.error.contains("-p expects key=value, got 'novalue'"))
        let badName = runCLI(["run", "lab.md", "-p", "2x=1"])
        #expect(badName.code == 64)
        #expect(runCLI(["render", "lab.md", "--templates", "/nonexistent"]).code == 64)
    }

    @Test func renderWritesTheReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("good.md", Self.good)
        let result = runCLI(["render", path])
        #expect(result.code == 0)
        let html = try String(contentsOfFile: folder.appendingPathComponent("good.html").path, encoding: .utf8)
        #expect(html.contains("<title>Good</title>"))
        #expect(html.contains("<msub><mi>a</mi><mi>b</mi></msub>"))
        #expect(result.out == "wrote \(folder.appendingPathComponent("good.html").path)\n")
    }

    @Test func renderOfABrokenNotebookStillWritesAndExitsOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("bad.md", "```rnn pionts=2\n```\n")
        let output = folder.appendingPathComponent("out.html").path
        let result = runCLI(["render", path, "-o", output])
        #expect(result.code == 1)
        #expect(result.error.contains("bad.md:1:8: error: unknown block option 'pionts' (did you mean 'points'?)"))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func unwritableReportsSayWhy() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("good.md", Self.good)
        let intoFolder = runCLI(["render", path, "-o", folder.path])
        #expect(intoFolder.code == 1)
        #expect(intoFolder.error.contains("error: cannot write the file: it is a folder"))
        let missing = folder.appendingPathComponent("nope/out.html").path
        let intoNothing = runCLI(["render", path, "-o", missing])
        #expect(intoNothing.code == 1)
        #expect(intoNothing.error.contains("\(missing): error: cannot write the file: the folder \(folder.path)/nope does not exist"))
    }

    @Test func missingAndBinaryFilesAreClearErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = runCLI(["render", folder.appendingPathComponent("nope.md").path])
        #expect(missing.code == 1)
        #expect(missing.error.hasSuffix("nope.md: error: no such file\n"))
        let binary = folder.appendingPathComponent("bin.md")
        try Data([0x7F, 0x45, 0x00, 0x01]).write(to: binary)
        let result = runCLI(["run", binary.path])
        #expect(result.code == 1)
        #expect(result.error.contains("is a binary file, expected a Markdown notebook"))
    }

    @Test func runPrintsBlocksInOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("good.md", Self.good)
        let result = runCLI(["run", path])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("── [1] \(path):8\n"))
        #expect(result.out.hasSuffix("ran 1 block, 0 failed\n"))
    }

    @Test func runNamesTheFiguresItWouldDraw() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("fig.md", "```rnn\nplt.plot([1, 2])\nplt.title('Training loss')\nplt.figure()\nplt.plot([3, 1])\nprint('after')\n```\n")
        let result = runCLI(["run", path])
        #expect(result.code == 0)
        #expect(result.out.contains("after\n[figure 1: Training loss]\n[figure 2]\n"))
        let html = folder.appendingPathComponent("fig.html").path
        #expect(runCLI(["render", path, "-o", html]).code == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let first = try #require(page.range(of: "<title>Training loss</title>"))
        let second = try #require(page.range(of: "<div class=\"plot\"><svg", range: first.upperBound..<page.endIndex))
        #expect(page.range(of: "<pre class=\"stream\">after")!.lowerBound < first.lowerBound)
        #expect(second.lowerBound > first.lowerBound)
    }

    @Test func buildGoesOnPastNotebooksItCannotRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("03-folder.md"), withIntermediateDirectories: true)
        _ = try notebooks.write("01-good.md", "# Good lab\n")
        try Data([0x7F, 0x45, 0x00, 0x01]).write(to: notebooks.appendingPathComponent("02-binary.md"))
        try FileManager.default.createSymbolicLink(atPath: notebooks.appendingPathComponent("04-dangling.md").path,
                                                   withDestinationPath: "/nonexistent/lab.md")
        let site = folder.appendingPathComponent("site").path
        let result = runCLI(["build", notebooks.path, "-o", site])
        #expect(result.code == 1)
        #expect(result.out.contains("wrote 1 page and index.html"))
        #expect(result.error.contains("02-binary.md: error: ") && result.error.contains("binary file"))
        #expect(result.error.contains("04-dangling.md: error: "))
        #expect(!result.error.contains("03-folder"))
        #expect(FileManager.default.fileExists(atPath: site + "/01-good.html"))
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("01-good.html") && !index.contains("02-binary.html"))
    }

    @Test func buildMakesASiteWithIndexAndNavigation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        _ = try notebooks.write("02-second.md", "# Second lab\n")
        _ = try notebooks.write("01-first.md", "---\ntitle: First lab\n---\nHello.\n")
        let site = folder.appendingPathComponent("site").path
        let result = runCLI(["build", notebooks.path, "-o", site, "--title", "RNN course"])
        #expect(result.code == 0)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<title>RNN course</title>"))
        let firstLink = try #require(index.range(of: "<a href=\"01-first.html\">First lab</a>"))
        let secondLink = try #require(index.range(of: "<a href=\"02-second.html\">Second lab</a>"))
        #expect(firstLink.lowerBound < secondLink.lowerBound)
        let first = try String(contentsOfFile: site + "/01-first.html", encoding: .utf8)
        #expect(first.contains("<a class=\"next\" href=\"02-second.html\" rel=\"next\">Second lab →</a>"))
        #expect(first.contains("<a class=\"home\" href=\"index.html\">Contents</a>"))
        let second = try String(contentsOfFile: site + "/02-second.html", encoding: .utf8)
        #expect(second.contains("<a class=\"previous\" href=\"01-first.html\" rel=\"prev\">← First lab</a>"))
        #expect(result.out.hasSuffix("wrote 2 pages and index.html to \(site)\n"))
    }

    @Test func buildListsALabFolderByTheNotebookOfItsName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("notebooks")
        let project = notebooks.appendingPathComponent("00-project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        _ = try project.write("00-project.md", "---\ntitle: Project lab\n---\nHello.\n")
        _ = try project.write("other.md", "# Not listed\n")
        _ = try notebooks.appendingPathComponent("drafts").write("03-draft.md", "# Draft\n")
        _ = try notebooks.write("01-first.md", "# First lab\n")
        #expect(try CourseSite.notebooks(in: notebooks.path) == [project.appendingPathComponent("00-project.md").path,
                                                                 notebooks.appendingPathComponent("01-first.md").path])
        let site = folder.appendingPathComponent("site").path
        let result = runCLI(["build", notebooks.path, "-o", site])
        #expect(result.code == 0)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"00-project.html\">Project lab</a>"))
        #expect(FileManager.default.fileExists(atPath: site + "/00-project.html"))
        #expect(!index.contains("Not listed") && !index.contains("Draft"))
    }

    @Test func parametersFromTheCommandLineReachTheRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("p.md", "---\nparams:\n  hidden: 8\n---\n")
        #expect(runCLI(["run", path, "-p", "hidden=16", "-p", "name=x"]).code == 0)
        // A text parameter keeps the text typed, a float reads it as a number.
        let typed = try folder.write("t.md", "---\nparams:\n  tag: v1\n  lr: 0.5\n---\n```rnn\nprint(tag, lr)\n```\n")
        #expect(runCLI(["run", typed, "-p", "tag=1.10", "-p", "lr=1.10"]).out.contains("1.10 1.1\n"))
    }
}
