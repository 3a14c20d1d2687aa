import Foundation
import Testing
@testable import Notebook

/// The cache key names the notebook by its resolved path, however the path was spelt.
@Suite struct CachePathTests {
    @Test func spellingsOfOnePathShareAnEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-cache-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lab.md").path
        try "```rnn\nprint(1 + 1)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let cache = RunCache(directory: folder.appendingPathComponent("cache"), environment: "test")
        let (_, first) = cache.run(try Notebook.load(path: path))
        #expect(!first)
        for spelling in [folder.path + "/sub/../lab.md", folder.path + "/./lab.md", link] {
            let (run, fromCache) = cache.run(try Notebook.load(path: spelling))
            #expect(fromCache, "\(spelling) missed the cache")
            #expect(run.cells.first?.result.outputs == [.text("2\n")])
        }
    }

    @Test func aJupyterNotebookIsRefusedWithTheImportCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-ipynb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lab.ipynb").path
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Notebook.load(path: path)
        } throws: { error in
            (error as? NotebookFileError)?.message == "\(path): error: is a Jupyter notebook; convert it first with 'rnnbook import \(path) -o \(folder.path)/lab.md', then use the .md file"
        }
    }
}
