import Foundation
import Testing
@testable import RnnbookCLI

/// `build` and `render` editions, the index, `import` and `export`, progress and output checks.
@Suite struct PublishCommandTests {
    static let lab = """
        ---
        title: Doubling
        authors: [Ada, Grace]
        description: Write a function and test it.
        time: 45 min
        ---

        ```rnn
        print("setup ran")
        ```

        ```rnn exercise=double points=1
        def double(x):
            ### BEGIN SOLUTION
            return x * 2
            ### END SOLUTION
        ```

        ```rnn check=double
        assert double(3) == 6
        ```

        ```rnn
        print("doubled", double(21))
        ```
        """

    @Test func buildEditionsAndIndex() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let labs = folder.appendingPathComponent("labs")
        try FileManager.default.createDirectory(at: labs, withIntermediateDirectories: true)
        _ = try labs.write("01-double.md", Self.lab)
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: labs.appendingPathComponent("02-latin1.md"))
        _ = try labs.write("03-old.ipynb", "{}")
        let cache = folder.appendingPathComponent("cache").path
        for edition in ["reader", "student", "instructor"] {
            let site = folder.appendingPathComponent(edition).path
            let result = runCLI(["build", labs.path, "-o", site, "--edition", edition, "--cache-dir", cache])
            #expect(result.code == 1, "\(result.error)")
            let page = try String(contentsOfFile: site + "/01-double.html", encoding: .utf8)
            switch edition {
            case "reader":
                #expect(page.contains("<details class=\"solution\"><summary>Show solution</summary>"))
                #expect(page.contains("doubled 42"))
            case "student":
                #expect(!page.contains("x <span class=\"o\">*</span> <span class=\"m\">2</span>"))
                #expect(page.contains("todo"))
                #expect(page.contains("Runs when you have done Exercise 1."))
                #expect(!page.contains("doubled 42") && page.contains("setup ran"))
            default:
                #expect(page.contains("Check double.1: passed, 1 of 1 point"))
            }
            #expect(page.contains("<nav class=\"site\""))
            let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
            #expect(index.contains("<a href=\"01-double.html\">Doubling</a>"))
            #expect(index.contains("<p class=\"authors\">Ada, Grace</p>"))
            #expect(index.contains("<p class=\"description\">Write a function and test it.</p>"))
            #expect(index.contains("<span class=\"time\">45 min</span>"))
            #expect(index.contains("02-latin1.md: error: is not UTF-8 text"))
            #expect(index.contains("03-old.ipynb: error: is a Jupyter notebook; convert it first with &#39;rnnbook import")
                    || index.contains("03-old.ipynb: error: is a Jupyter notebook; convert it first with &#x27;rnnbook import")
                    || index.contains("03-old.ipynb: error: is a Jupyter notebook; convert it first with 'rnnbook import"))
            #expect(result.error.contains("02-latin1.md: error: is not UTF-8 text"))
        }
    }

    @Test func renderEditionAndEarlyOutputCheck() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("lab.md", Self.lab)
        let out = folder.appendingPathComponent("lab-reader.html").path
        let result = runCLI(["render", path, "-o", out, "--edition", "reader"])
        #expect(result.code == 0, "\(result.error)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Show solution"))
        // A missing output folder is reported before anything runs.
        let missing = runCLI(["render", path, "-o", folder.path + "/nowhere/lab.html"])
        #expect(missing.code == 1)
        #expect(missing.error.contains("lab.html: error: cannot write the file: the folder \(folder.path)/nowhere does not exist"))
        #expect(!missing.out.contains("wrote"))
        // So is a site folder that is a file.
        let file = try folder.write("site", "not a folder")
        let site = runCLI(["build", folder.path, "-o", file])
        #expect(site.code == 1 && site.error.contains("-o \(file) is a file, not a folder"))
        #expect(!site.out.contains("rendering"))
        let bad = runCLI(["render", path, "--edition", "teacher"])
        #expect(bad.code == 64)
    }

    @Test func importThenExportOnTheCommandLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ipynb = folder.appendingPathComponent("lab.ipynb").path
        let exported = runCLI(["export", source, "-o", ipynb, "--cache-dir", folder.appendingPathComponent("cache").path])
        #expect(exported.code == 0, "\(exported.error)")
        let back = folder.appendingPathComponent("back.md").path
        let imported = runCLI(["import", ipynb, "-o", back])
        #expect(imported.code == 0, "\(imported.error)")
        let text = try String(contentsOfFile: back, encoding: .utf8)
        #expect(text.contains("```rnn exercise=double points=1\n") == false)
        #expect(text.contains("```rnn exercise=double\n") && text.contains("```rnn check=double points=1 grade_id=double_1\n"))
        #expect(text.hasPrefix("---\ntitle: Doubling\n"))
        // Running a Jupyter notebook directly names `import`.
        let direct = runCLI(["render", ipynb, "-o", folder.appendingPathComponent("x.html").path])
        #expect(direct.code == 1 && direct.error.contains("rnnbook import \(ipynb) -o"))
        // Images shown by relative path travel with the notebook to another folder.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("figs"), withIntermediateDirectories: true)
        _ = try folder.write("figs/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let withImage = try folder.write("img.ipynb", #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "![a](figs/a.svg) and ![web](https://example.org/b.png)"}]}"#)
        let elsewhere = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        #expect(runCLI(["import", withImage, "-o", elsewhere.appendingPathComponent("img.md").path]).code == 0)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("figs/a.svg").path))
        // import never overwrites its input.
        #expect(runCLI(["import", ipynb, "-o", ipynb]).code == 1)
    }

    @Test(arguments: ["render", "check"]) func showsTheRunningBlockOnATerminal(_ verb: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("p.md", ProgressTests.notebook)
        for terminal in [true, false] {
            let capture = CapturedConsole(isTerminal: terminal)
            let code: Int32 = Console.$current.withValue(capture.console) {
                do {
                    var command = try Rnnbook.parseAsRoot(verb == "render" ? ["render", path, "--no-cache"] : ["check", path])
                    try command.run()
                    return 0
                } catch {
                    return Rnnbook.exitCode(for: error).rawValue
                }
            }
            #expect(code == 0)
            if terminal {
                #expect(capture.out.contains("\r\u{1B}[K[1/1] \(path):1"))
                #expect(capture.out.contains("  train [########################]     4/4  loss "))
            } else {
                #expect(!capture.out.contains("\u{1B}") && !capture.out.contains("train ["))
            }
        }
    }
}
