import ArgumentParser
import Foundation
@testable import RnnbookCLI

/// What one in-process run of the command line gave.
struct CLIResult {
    var code: Int32
    var out: String
    var error: String
}

/// Parses and runs `rnnbook ARGUMENTS` in process, with output captured. `render` and
/// `build` get a fresh results cache of their own unless the arguments name one, so tests
/// neither see each other's results nor write into the user's cache.
func runCLI(_ arguments: [String]) -> CLIResult {
    var arguments = arguments
    if let command = arguments.first, command == "render" || command == "build",
       !arguments.contains("--cache-dir"), !arguments.contains("--no-cache"), !arguments.contains("--help") {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-cache-\(UUID().uuidString)")
        arguments += ["--cache-dir", cache.path]
    }
    let capture = CapturedConsole()
    let code: Int32 = Console.$current.withValue(capture.console) {
        do {
            var command = try Rnnbook.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = Rnnbook.exitCode(for: error).rawValue
            let message = Rnnbook.fullMessage(for: error)
            if !message.isEmpty {
                code == 0 ? capture.console.print(message) : capture.console.printError(message)
            }
            return code
        }
    }
    return CLIResult(code: code, out: capture.out, error: capture.error)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

extension URL {
    /// Writes text into a file in this folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
