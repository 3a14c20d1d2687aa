import Foundation
import Testing
@testable import Grading

@Suite struct GradebookTests {
    static func provenance(_ shard: String? = nil) -> RunProvenance {
        RunProvenance(
            assignment: "lab.md", title: "Lab", totalPoints: 5, engineVersion: "test", sourceHash: "abc", seed: 1,
            budgetOperations: 1000, budgetSeconds: 2, jobs: 1, shard: shard, startedAt: "2026-11-21T00:00:00Z")
    }

    static func result(_ student: String, double: Double, total: Double) -> SubmissionResult {
        func exercise(_ id: String, _ points: Double, _ max: Double) -> ExerciseResult {
            ExerciseResult(
                exercise: id, status: points == max ? .passed : .failed, points: points, maxPoints: max,
                reason: points == max ? nil : "failed \(id).1", errorDetail: nil, studentCode: "x = 1\n",
                checks: [CheckResult(name: "\(id).1", exercise: id, hidden: false, passed: points == max, points: points,
                                     maxPoints: max, message: points == max ? nil : "assertion failed")],
                seconds: 0.01)
        }
        return SubmissionResult(
            student: student, file: "\(student).md", fileHash: "h", exercises: [exercise("double", double, 2), exercise("total", total, 3)],
            seconds: 0.02)
    }

    @Test func recordsRunsAndReportsChanges() throws {
        let book = try Gradebook()
        let first = try book.record(Self.provenance(), results: [
            Self.result("ann", double: 2, total: 3), Self.result("bob", double: 0, total: 3), Self.result("cy", double: 2, total: 0),
        ])
        let second = try book.record(Self.provenance(), results: [
            Self.result("ann", double: 2, total: 3), Self.result("bob", double: 2, total: 3), Self.result("cy", double: 0, total: 3),
        ])
        #expect(try book.runs(of: "lab.md") == [first, second])
        #expect(try book.changes(from: first, to: second) == [
            ExerciseChange(exercise: "double", students: ["bob", "cy"]),
            ExerciseChange(exercise: "total", students: ["cy"]),
        ])
        #expect(try book.points(inRun: second)["bob"] == ["double": 2, "total": 3])
    }

    @Test func csvHasTheLatestRowPerStudent() throws {
        let book = try Gradebook()
        try book.record(Self.provenance(), results: [Self.result("bob", double: 0, total: 3), Self.result("ann, jr", double: 2, total: 3)])
        try book.record(Self.provenance(), results: [Self.result("bob", double: 2, total: 3)])
        #expect(try book.csv(assignment: "lab.md", exercises: ["double", "total"]) == """
            student,double,total,total
            "ann, jr",2,3,5
            bob,2,3,5

            """)
    }

    @Test func shardGradebooksMerge() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-gb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Gradebook(path: folder.appendingPathComponent("1.sqlite").path)
        try one.record(Self.provenance("1/2"), results: [Self.result("ann", double: 2, total: 3)])
        let two = try Gradebook(path: folder.appendingPathComponent("2.sqlite").path)
        try two.record(Self.provenance("2/2"), results: [Self.result("bob", double: 0, total: 3)])
        let merged = try Gradebook(path: folder.appendingPathComponent("all.sqlite").path)
        try merged.merge(one)
        try merged.merge(two)
        #expect(try merged.runs(of: "lab.md").count == 2)
        #expect(try merged.csv(assignment: "lab.md", exercises: ["double", "total"]) == "student,double,total,total\nann,2,3,5\nbob,0,3,3\n")
        // Reopening runs no migration twice and keeps the data.
        let reopened = try Gradebook(path: folder.appendingPathComponent("all.sqlite").path)
        #expect(try reopened.runs(of: "lab.md").count == 2)
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let book = try Gradebook()
        var broken = Self.result("ann", double: 2, total: 3)
        broken.exercises[0].checks[0].points = .nan
        // SQLite stores NaN as NULL, which the NOT NULL column refuses: the whole run is rolled back.
        #expect(throws: (any Error).self) { try book.record(Self.provenance(), results: [Self.result("bob", double: 2, total: 3), broken]) }
        #expect(try book.runs(of: "lab.md").isEmpty)
    }
}
