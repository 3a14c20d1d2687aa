import Foundation
import GRDB
import Testing
@testable import Grading

/// The token of a run's staged feedback pages is recorded in the run's transaction; a
/// gradebook of the first schema version still reads, and takes tokens once opened for writing.
@Suite struct GradebookPagesTokenTests {
    @Test func aTokenIsFoundOnlyForTheRunThatRecordedIt() throws {
        let book = try Gradebook()
        let results = [GradebookTests.result("ann", double: 2, total: 3)]
        let first = try book.record(GradebookTests.provenance(), results: results, pagesToken: "token-a")
        _ = try book.record(GradebookTests.provenance(), results: results)
        #expect(try book.run(withPagesToken: "token-a") == first)
        #expect(try book.run(withPagesToken: "token-b") == nil)
        // A token names one run only.
        #expect(throws: (any Error).self) {
            _ = try book.record(GradebookTests.provenance(), results: results, pagesToken: "token-a")
        }
    }

    @Test func aFirstVersionGradebookReadsAndIsMigratedForWriting() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try GradebookSchema.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        let reading = try Gradebook(readingFrom: path)
        #expect(try reading.runs(of: "lab.md").isEmpty)
        #expect(try reading.run(withPagesToken: "token") == nil)
        let writing = try Gradebook(path: path)
        let run = try writing.record(GradebookTests.provenance(), results: [GradebookTests.result("ann", double: 2, total: 3)],
                                     pagesToken: "token")
        #expect(try writing.run(withPagesToken: "token") == run)
    }
}
