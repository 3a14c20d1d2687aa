import Foundation
import Testing

/// Runs the built `rnnbook` binary, copied away from the checkout so that it can only use the
/// templates embedded in it.
@Suite struct SubprocessTests {
    /// The folder holding the test bundle, where SwiftPM also puts the `rnnbook` executable.
    static var productsFolder: URL {
        Bundle.main.bundleURL.hasDirectoryPath && Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : Bundle.main.bundleURL
    }

    func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> (code: Int32, out: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["RNNBOOK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        process.environment = environment
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        // Read the pipes before waiting, or a full pipe deadlocks the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test func movedBinaryRendersWithEmbeddedTemplates() throws {
        let built = Self.productsFolder.appendingPathComponent("rnnbook")
        try #require(FileManager.default.isExecutableFile(atPath: built.path), "rnnbook binary not found at \(built.path)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-moved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("rnnbook")
        try FileManager.default.copyItem(at: built, to: binary)
        try "# Moved\n\n$\\alpha$\n".write(to: folder.appendingPathComponent("lab.md"), atomically: true, encoding: .utf8)

        let result = try run(binary, ["render", "lab.md"], in: folder)
        #expect(result.code == 0, "stderr: \(result.error)")
        #expect(result.out == "wrote lab.html\n")
        let html = try String(contentsOf: folder.appendingPathComponent("lab.html"), encoding: .utf8)
        #expect(html.contains("<title>Moved</title>"))
        #expect(html.contains("<mi>α</mi>"))

        // Unchanged: the results come from the cache (RNNBOOK_CACHE_DIR), the page is the same.
        let again = try run(binary, ["render", "lab.md"], in: folder)
        #expect(again.code == 0)
        #expect(again.out == "lab.md: unchanged since the last run: results reused from the cache (--refresh runs it afresh)\nwrote lab.html\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("lab.html"), encoding: .utf8) == html)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache").path))

        let usage = try run(binary, ["render"], in: folder)
        #expect(usage.code == 64)
        #expect(usage.error.contains("Missing expected argument '<lab.md>'"))
        let version = try run(binary, ["--version"], in: folder)
        #expect(version.code == 0 && version.out == "0.1.0\n")
    }
}
