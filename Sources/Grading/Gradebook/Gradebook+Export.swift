import Foundation
import GRDB

extension Gradebook {
    /// One row per student with their latest graded submission of `assignment`: a column per
    /// exercise, in notebook order, then the total. Fields are quoted as RFC 4180 says.
    public func csv(assignment: String, exercises: [String]) throws -> String {
        try queue.read { db in
            let latest = try Row.fetchAll(db, sql: """
                SELECT submission.id, submission.student, submission.score FROM submission
                JOIN gradingRun ON gradingRun.id = submission.runId
                JOIN assignment ON assignment.id = gradingRun.assignmentId
                WHERE assignment.name = ? AND submission.id IN (
                    SELECT MAX(s.id) FROM submission s JOIN gradingRun r ON r.id = s.runId
                    WHERE r.assignmentId = assignment.id GROUP BY s.student)
                ORDER BY submission.student
                """, arguments: [assignment])
            var lines = [(["student"] + exercises + ["total"]).map(Self.field).joined(separator: ",")]
            for row in latest {
                let id: Int64 = row[0]
                let student: String = row[1]
                let score: Double = row[2]
                let points = try Row.fetchAll(db, sql: "SELECT exercise, points FROM exerciseResult WHERE submissionId = ?", arguments: [id])
                var byExercise: [String: Double] = [:]
                for pointRow in points { byExercise[pointRow[0]] = pointRow[1] }
                let cells = [Self.field(student)] + exercises.map { Self.number(byExercise[$0] ?? 0) } + [Self.number(score)]
                lines.append(cells.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Copies every assignment, run and result of `other` into this gradebook, in one transaction.
    public func merge(_ other: Gradebook) throws {
        let assignments = try other.queue.read { try AssignmentRecord.fetchAll($0) }
        let runs = try other.queue.read { try RunRecord.order(Column("id")).fetchAll($0) }
        let submissions = try other.queue.read { try SubmissionRecord.order(Column("id")).fetchAll($0) }
        let exercises = try other.queue.read { try ExerciseRecord.order(Column("id")).fetchAll($0) }
        let checks = try other.queue.read { try CheckRecord.order(Column("id")).fetchAll($0) }
        try queue.write { db in
            var assignmentIds: [Int64: Int64] = [:]
            for var assignment in assignments {
                let oldId = assignment.id
                if let existing = try AssignmentRecord.filter(Column("name") == assignment.name).fetchOne(db) {
                    assignment = existing
                } else {
                    assignment.id = nil
                    try assignment.insert(db)
                }
                if let oldId, let newId = assignment.id { assignmentIds[oldId] = newId }
            }
            var runIds: [Int64: Int64] = [:]
            for var run in runs {
                guard let oldId = run.id, let assignmentId = assignmentIds[run.assignmentId] else { continue }
                run.id = nil
                run.assignmentId = assignmentId
                try run.insert(db)
                runIds[oldId] = run.id
            }
            var submissionIds: [Int64: Int64] = [:]
            for var submission in submissions {
                guard let oldId = submission.id, let runId = runIds[submission.runId] else { continue }
                submission.id = nil
                submission.runId = runId
                try submission.insert(db)
                submissionIds[oldId] = submission.id
            }
            var exerciseIds: [Int64: Int64] = [:]
            for var exercise in exercises {
                guard let oldId = exercise.id, let submissionId = submissionIds[exercise.submissionId] else { continue }
                exercise.id = nil
                exercise.submissionId = submissionId
                try exercise.insert(db)
                exerciseIds[oldId] = exercise.id
            }
            for var check in checks {
                guard let exerciseId = exerciseIds[check.exerciseResultId] else { continue }
                check.id = nil
                check.exerciseResultId = exerciseId
                try check.insert(db)
            }
        }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
