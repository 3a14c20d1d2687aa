import Foundation

/// A temporary folder of module files that notebook code imports, removed with the value.
final class ModuleFolder {
    let root: URL

    /// Writes `files` (relative path → text) under a new temporary folder named after `prefix`.
    init(_ prefix: String, files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `code` as a block of a notebook in the folder; returns what it printed.
    func run(_ code: String) -> String {
        runBlocks([code], fileAccess: .notebook(in: root.path))
    }
}
