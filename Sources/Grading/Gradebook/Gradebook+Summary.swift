import Foundation
import GRDB

/// What a gradebook holds of one assignment, for `rnnbook gradebook show`.
public struct AssignmentSummary: Sendable, Equatable {
    /// The assignment's name (the source's file name, or `--assignment`).
    public var name: String
    /// The lab's title.
    public var title: String
    /// Its points.
    public var totalPoints: Double
    /// How many grading runs recorded it.
    public var runs: Int
    /// When the latest run started.
    public var latestRun: String?
    /// Its exercise ids, in notebook order.
    public var exercises: [String]
    /// One row per student, their latest graded submission, by student id.
    public var students: [StudentRow]
}

/// A student's latest grade of an assignment.
public struct StudentRow: Sendable, Equatable {
    /// The student's id.
    public var student: String
    /// Points per exercise, in the assignment's exercise order (0 when not graded).
    public var points: [Double]
    /// The total.
    public var score: Double
}

extension Gradebook {
    /// Every assignment the gradebook holds, by name, with each student's latest grade.
    public func summaries() throws -> [AssignmentSummary] {
        try guarded("cannot read the gradebook") { try queue.read { db in
            try AssignmentRecord.order(Column("name")).fetchAll(db).map { record in
                let id = record.id ?? -1
                let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gradingRun WHERE assignmentId = ?", arguments: [id]) ?? 0
                let latest = try String.fetchOne(db, sql: "SELECT startedAt FROM gradingRun WHERE assignmentId = ? ORDER BY id DESC LIMIT 1", arguments: [id])
                let exercises = try Self.exerciseIds(db, assignmentId: id)
                return AssignmentSummary(
                    name: record.name, title: record.title, totalPoints: record.totalPoints, runs: runs, latestRun: latest,
                    exercises: exercises, students: try Self.latestRows(db, assignmentId: id, exercises: exercises))
            }
        } }
    }

    /// The exercise ids of an assignment in the order its latest run recorded them.
    static func exerciseIds(_ db: Database, assignmentId: Int64) throws -> [String] {
        let names = try String.fetchAll(db, sql: """
            SELECT exerciseResult.exercise FROM exerciseResult WHERE submissionId = (
                SELECT MAX(submission.id) FROM submission JOIN gradingRun ON gradingRun.id = submission.runId
                WHERE gradingRun.assignmentId = ?)
            ORDER BY exerciseResult.id
            """, arguments: [assignmentId])
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Each student's latest graded submission of an assignment, ordered by student id.
    static func latestRows(_ db: Database, assignmentId: Int64, exercises: [String]) throws -> [StudentRow] {
        let latest = try Row.fetchAll(db, sql: """
            SELECT submission.id, submission.student, submission.score FROM submission
            WHERE submission.id IN (
                SELECT MAX(s.id) FROM submission s JOIN gradingRun r ON r.id = s.runId
                WHERE r.assignmentId = ? GROUP BY s.student)
            ORDER BY submission.student
            """, arguments: [assignmentId])
        return try latest.map { row in
            let id: Int64 = row[0]
            var byExercise: [String: Double] = [:]
            for pointRow in try Row.fetchAll(db, sql: "SELECT exercise, points FROM exerciseResult WHERE submissionId = ?", arguments: [id]) {
                byExercise[pointRow[0]] = pointRow[1]
            }
            return StudentRow(student: row[1], points: exercises.map { byExercise[$0] ?? 0 }, score: row[2])
        }
    }
}
