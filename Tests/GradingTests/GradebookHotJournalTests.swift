import Foundation
import GRDB
import Testing
@testable import Grading

/// A grader killed while the gradebook committed leaves a hot journal, which only a
/// connection that may write can roll back: reading such a gradebook rolls it back first,
/// so `gradebook show` after a stopped run reads the last committed state.
@Suite struct GradebookHotJournalTests {
    /// A copy of a gradebook taken in the middle of a write transaction: the database file and
    /// its journal as a process killed at that moment leaves them.
    static func stoppedMidCommit(in folder: URL) throws -> (path: String, committedRuns: Int) {
        let original = folder.appendingPathComponent("g.sqlite").path
        let book = try Gradebook(path: original)
        _ = try book.record(GradebookTests.provenance(), results: [GradebookTests.result("ann", double: 2, total: 3)])
        let copy = folder.appendingPathComponent("stopped.sqlite").path
        let queue = try DatabaseQueue(path: original)
        // A transaction big enough to spill pages into the file before it commits.
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = 10")
            try db.execute(sql: "BEGIN IMMEDIATE")
            for i in 0..<2000 {
                try db.execute(sql: "INSERT INTO assignment (name, title, totalPoints) VALUES (?, 'x', 1)", arguments: ["a\(i)"])
            }
            try FileManager.default.copyItem(atPath: original, toPath: copy)
            try FileManager.default.copyItem(atPath: original + "-journal", toPath: copy + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        return (copy, 1)
    }

    @Test func readingAGradebookLeftMidCommitRollsItBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, runs) = try Self.stoppedMidCommit(in: folder)
        // A plain read-only connection cannot roll the journal back.
        var configuration = Configuration()
        configuration.readonly = true
        #expect(throws: DatabaseError.self) {
            let plain = try DatabaseQueue(path: path, configuration: configuration)
            _ = try plain.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM assignment") }
        }
        let book = try Gradebook(readingFrom: path)
        #expect(try book.runs(of: "lab.md").count == runs)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }
}
