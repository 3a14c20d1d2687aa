import Foundation
import GRDB
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

    @Test func aRegradeComparesEachStudentWithTheirOwnLastGrade() throws {
        let book = try Gradebook()
        let first = try book.record(Self.provenance(), results: [Self.result("ann", double: 2, total: 3), Self.result("bob", double: 0, total: 3)])
        let late = try book.record(Self.provenance(), results: [Self.result("cy", double: 2, total: 0)])
        #expect(try book.regradeSummary(of: late, after: [first]) == RegradeSummary(changes: [], firstGraded: ["cy"], comparedRuns: []))
        let third = try book.record(Self.provenance(), results: [
            Self.result("ann", double: 0, total: 3), Self.result("cy", double: 2, total: 0), Self.result("dee", double: 2, total: 3),
        ])
        #expect(try book.regradeSummary(of: third, after: [first, late]) == RegradeSummary(
            changes: [ExerciseChange(exercise: "double", students: ["ann"])], firstGraded: ["dee"], comparedRuns: [first, late]))
    }

    @Test func csvHasTheLatestRowPerStudent() throws {
        let book = try Gradebook()
        try book.record(Self.provenance(), results: [Self.result("bob", double: 0, total: 3), Self.result("ann, jr", double: 2, total: 3)])
        try book.record(Self.provenance(), results: [Self.result("bob", double: 2, total: 3)])
        #expect(try book.csv(assignment: "lab.md", exercises: ["double", "total"]) == """
            student,double,exercise:total,total
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
        #expect(try merged.csv(assignment: "lab.md", exercises: ["double", "total"]) == "student,double,exercise:total,total\nann,2,3,5\nbob,0,3,3\n")
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

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-gb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func count(_ table: String, in book: Gradebook) throws -> Int {
        try book.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    @Test func csvColumnsAreUniqueAndTextCellsCannotBeFormulas() throws {
        let book = try Gradebook()
        try book.record(Self.provenance(), results: [
            Self.result("=HYPERLINK(\"x\")", double: 2, total: 3), Self.result("+1", double: -1.5, total: 0),
            Self.result("-x", double: 0, total: 0), Self.result("@me", double: 0, total: 0), Self.result("ann", double: 0, total: 0),
        ])
        #expect(try book.csv(assignment: "lab.md", exercises: ["double", "total"]) == """
            student,double,exercise:total,total
            '+1,-1.5,0,-1.5
            '-x,0,0,0
            "'=HYPERLINK(""x"")",2,3,5
            '@me,0,0,0
            ann,0,0,0

            """)
        #expect(Gradebook.columnNames(exercises: ["Student", "a", "TOTAL"]) == ["student", "exercise:Student", "a", "exercise:TOTAL", "total"])
    }

    @Test func anotherLabOfTheSameNameIsRefused() throws {
        let book = try Gradebook()
        try book.record(Self.provenance(), results: [Self.result("ann", double: 2, total: 3)])
        var other = Self.provenance()
        other.title = "Lab 2"
        let error = try #require(throws: GradebookError.self) { try book.record(other, results: [Self.result("bob", double: 2, total: 3)]) }
        #expect(error.description == ":memory:: error: the gradebook's assignment 'lab.md' is 'Lab' worth 5 points, but this lab is 'Lab 2' worth 5: a different lab of the same name? Give it its own name with --assignment NAME")
        #expect(throws: GradebookError.self) { try book.checkAssignment("lab.md", title: "Lab", totalPoints: 7) }
        try book.checkAssignment("lab.md", title: "Lab", totalPoints: 5)
        try book.checkAssignment("lab2.md", title: "Lab 2", totalPoints: 5)
        #expect(try book.runs(of: "lab.md").count == 1)
    }

    @Test func mergingIsIdempotent() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Gradebook(path: folder.appendingPathComponent("1.sqlite").path)
        try one.record(Self.provenance("1/2"), results: [Self.result("ann", double: 2, total: 3)])
        let two = try Gradebook(path: folder.appendingPathComponent("2.sqlite").path)
        try two.record(Self.provenance("2/2"), results: [Self.result("bob", double: 0, total: 3)])
        let merged = try Gradebook(path: folder.appendingPathComponent("all.sqlite").path)
        #expect(try merged.merge([one, one, two]) == MergeSummary(runsAdded: 2, runsAlreadyPresent: 1))
        #expect(try merged.merge([one, two]) == MergeSummary(runsAdded: 0, runsAlreadyPresent: 2))
        for (table, rows) in [("gradingRun", 2), ("submission", 2), ("exerciseResult", 4), ("checkResult", 4), ("assignment", 1)] {
            #expect(try Self.count(table, in: merged) == rows, "\(table)")
        }
        // A second run of a shard is another run, and is added.
        try one.record(Self.provenance("1/2"), results: [Self.result("ann", double: 0, total: 3)])
        #expect(try merged.merge(one) == MergeSummary(runsAdded: 1, runsAlreadyPresent: 1))
    }

    @Test func aBadInputChangesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.sqlite").path
        let error = try #require(throws: GradebookError.self) { try Gradebook(readingFrom: missing) }
        #expect(error.description == "\(missing): error: no such gradebook")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try "not a database, just text that is long enough to be read as a header".write(toFile: garbage, atomically: true, encoding: .utf8)
        let bad = try #require(throws: GradebookError.self) { try Gradebook(readingFrom: garbage) }
        #expect(bad.description == "\(garbage): error: cannot read the gradebook: file is not a database")
        // A conflicting assignment in the second input rolls the whole merge back.
        let one = try Gradebook(path: folder.appendingPathComponent("1.sqlite").path)
        try one.record(Self.provenance("1/2"), results: [Self.result("ann", double: 2, total: 3)])
        let other = try Gradebook(path: folder.appendingPathComponent("other.sqlite").path)
        var provenance = Self.provenance()
        provenance.totalPoints = 9
        try other.record(provenance, results: [Self.result("bob", double: 2, total: 3)])
        let merged = try Gradebook(path: folder.appendingPathComponent("all.sqlite").path)
        #expect(throws: GradebookError.self) { try merged.merge([one, other]) }
        #expect(try Self.count("gradingRun", in: merged) == 0)
    }

    @Test func sqliteErrorsNameTheGradebook() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("g.sqlite").path
        try String(repeating: "garbage ", count: 100).write(toFile: garbage, atomically: true, encoding: .utf8)
        let error = try #require(throws: GradebookError.self) { try Gradebook(path: garbage) }
        #expect(error.description == "\(garbage): error: cannot open the gradebook: file is not a database")
    }

    @Test func aWriterWaitsForAnotherProcesssTransaction() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.sqlite").path
        let first = try Gradebook(path: path)
        let second = try Gradebook(path: path)
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? first.queue.write { db in
                try db.execute(sql: "INSERT INTO assignment (name, title, totalPoints) VALUES ('other.md', 'Other', 1)")
                started.signal()
                Thread.sleep(forTimeInterval: 0.5)
            }
            done.signal()
        }.start()
        started.wait()
        // Without a busy timeout this fails at once with "database is locked".
        try second.record(Self.provenance(), results: [Self.result("ann", double: 2, total: 3)])
        done.wait()
        #expect(try Self.count("assignment", in: second) == 2)
    }
}
