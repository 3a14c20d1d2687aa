import Foundation
import Testing
@testable import RnnbookCLI

/// `--refresh` runs every block afresh, as `--no-cache` does, and stores the new results for
/// the next render (Jupyter's "Restart & Run All", then save); `--no-cache` leaves the cache
/// alone.
@Suite struct RefreshTests {
    static let lab = "# Lab\n\n```rnn\nprint('ran')\n```\n"

    @Test func refreshRunsAfreshAndStoresForTheNextRender() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("lab.md", Self.lab)
        let cache = folder.appendingPathComponent("cache").path
        let wrote = "wrote \(folder.appendingPathComponent("lab.html").path)\n"
        let reused = "\(path): \(CacheOptions.reused)\n" + wrote
        #expect(runCLI(["render", path, "--refresh", "--cache-dir", cache]).out == wrote)
        #expect(runCLI(["render", path, "--cache-dir", cache]).out == reused)
        // With results stored, a refresh still runs every block.
        #expect(runCLI(["render", path, "--refresh", "--cache-dir", cache]).out == wrote)
        #expect(runCLI(["render", path, "--cache-dir", cache]).out == reused)
    }

    @Test func buildRefreshesEveryNotebook() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let labs = folder.appendingPathComponent("labs")
        try FileManager.default.createDirectory(at: labs, withIntermediateDirectories: true)
        _ = try labs.write("lab.md", Self.lab)
        func build(_ extra: [String]) -> String {
            runCLI(["build", labs.path, "-o", folder.appendingPathComponent("site").path,
                    "--cache-dir", folder.appendingPathComponent("cache").path] + extra).out
        }
        #expect(!build([]).contains(CacheOptions.reused))
        #expect(build([]).contains("  \(CacheOptions.reused)\n"))
        #expect(!build(["--refresh"]).contains(CacheOptions.reused))
        #expect(build([]).contains("  \(CacheOptions.reused)\n"))
    }

    @Test func noCacheNeitherReadsNorWritesTheCache() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("lab.md", Self.lab)
        let cache = folder.appendingPathComponent("cache")
        #expect(runCLI(["render", path, "--no-cache", "--cache-dir", cache.path]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }

    @Test func refreshWithNoCacheIsAUsageError() {
        let result = runCLI(["render", "lab.md", "--refresh", "--no-cache"])
        #expect(result.code == 64)
        #expect(result.error.contains(
            "--refresh stores the fresh results in the cache and --no-cache leaves the cache alone: give one of them"))
    }
}
