import Foundation
import Testing
@testable import Notebook
@testable import Report
@testable import RnnbookCLI

/// `rnnbook preview`, driven over HTTP: the page, its version, a re-render after an edit.
@Suite(.serialized) struct PreviewTests {
    /// A GET request by python3's urllib (no HTTP client in the test's dependencies).
    static func get(_ url: String) throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys, urllib.request, urllib.error
            try:
                r = urllib.request.urlopen(sys.argv[1], timeout=20); print(r.status); sys.stdout.write(r.read().decode())
            except urllib.error.HTTPError as e:
                print(e.code)
            """, url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let newline = text.firstIndex(of: "\n") ?? text.endIndex
        return (Int(text[..<newline]) ?? 0, newline < text.endIndex ? String(text[text.index(after: newline)...]) : "")
    }

    @Test func servesThePageAndRendersEditsAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("p.md", "# Preview\n\nFirst text.\n\n```rnn\nprint(6 * 7)\n```\n")
        let state = PreviewState(path: path, settings: RunSettings(), templates: .builtIn, edition: .instructor)
        state.refresh(force: true)
        let server = PreviewServer(state: state)
        let port = try server.bind(port: 0)
        let thread = Thread { server.serve() }
        thread.start()
        defer { server.stop() }
        let base = "http://127.0.0.1:\(port)"

        let page = try Self.get(base + "/")
        #expect(page.status == 200)
        #expect(page.body.contains("First text.") && page.body.contains("42"))
        #expect(page.body.contains("<script src=\"/preview.js\"></script>"))
        #expect(page.body.contains("data-preview-version=\"1\""))
        #expect(try Self.get(base + "/version").body == "1")
        #expect(try Self.get(base + "/preview.js").body.contains("fetch('/version'"))
        #expect(try Self.get(base + "/missing").status == 404)

        // A prose edit: a new version, nothing run again.
        try "# Preview\n\nSecond text.\n\n```rnn\nprint(6 * 7)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.get(base + "/version").body == "2")
        #expect(state.lastBlocksRun == 0)
        #expect(try Self.get(base + "/").body.contains("Second text."))
        // A code edit with an error: it shows in the page.
        try "# Preview\n\n```rnn\nprint(undefined)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try Self.get(base + "/")
        #expect(state.lastBlocksRun == 1)
        #expect(broken.body.contains("class=\"error\"") && broken.body.contains("undefined"))
        // A file that cannot be read: the problem is the page.
        try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: path))
        #expect(try Self.get(base + "/").body.contains("is not UTF-8 text"))
    }

    /// Lab 1, previewed: a prose edit renders again in under 0.3 s in release (the median of three edits).
    @Test func lab1ProseEditIsFast() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOfFile: root.appendingPathComponent("notebooks/01-rnn-cognitive-tasks.md").path, encoding: .utf8)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("lab1.md", source)
        let settings = RunSettings(parameters: [
            ("train_steps", .int(60)), ("test_trials", .int(20)), ("bptt_steps", .int(5)), ("min_accuracy", .float(0)),
            ("hidden_size", .int(32)), ("step_train_steps", .int(20)),
        ])
        let state = PreviewState(path: path, settings: settings, templates: .builtIn, edition: .instructor)
        state.refresh(force: true)
        var times: [Double] = []
        for edit in 1...3 {
            try source.replacingOccurrences(of: "In this lab you train", with: "In this lab (edit \(edit)) you train")
                .write(toFile: path, atomically: true, encoding: .utf8)
            #expect(state.refresh())
            #expect(state.lastBlocksRun == 0)
            #expect(state.page.html.contains("In this lab (edit \(edit)) you train"))
            times.append(state.lastSeconds)
        }
        let median = times.sorted()[1]
        // The target is 0.3 s in release; a debug build sharing the machine with other test
        // suites (and Chromium) is given more room.
        #if DEBUG
        let limit = 1.5
        #else
        let limit = 0.3
        #endif
        #expect(median < limit, "prose re-render took \(times) s")
        print("lab 1 prose re-render: \(times) s")
    }
}
