import Foundation
import GRDB

extension Gradebook {
    /// One row per student with their latest graded submission of `assignment`: a column per
    /// exercise, in notebook order, then the total. Fields are quoted as RFC 4180 says; see
    /// `columnNames` for the header and `text` for cells a spreadsheet would run as formulas.
    public func csv(assignment: String, exercises: [String]) throws -> String {
        try guarded("cannot read the gradebook") { try queue.read { db in
            let latest = try Row.fetchAll(db, sql: """
                SELECT submission.id, submission.student, submission.score FROM submission
                JOIN gradingRun ON gradingRun.id = submission.runId
                JOIN assignment ON assignment.id = gradingRun.assignmentId
                WHERE assignment.name = ? AND submission.id IN (
                    SELECT MAX(s.id) FROM submission s JOIN gradingRun r ON r.id = s.runId
                    WHERE r.assignmentId = assignment.id GROUP BY s.student)
                ORDER BY submission.student
                """, arguments: [assignment])
            var lines = [Self.columnNames(exercises: exercises).map(Self.field).joined(separator: ",")]
            for row in latest {
                let id: Int64 = row[0]
                let student: String = row[1]
                let score: Double = row[2]
                let points = try Row.fetchAll(db, sql: "SELECT exercise, points FROM exerciseResult WHERE submissionId = ?", arguments: [id])
                var byExercise: [String: Double] = [:]
                for pointRow in points { byExercise[pointRow[0]] = pointRow[1] }
                let cells = [Self.field(Self.text(student))] + exercises.map { Self.number(byExercise[$0] ?? 0) } + [Self.number(score)]
                lines.append(cells.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        } }
    }

    /// The header: `student`, one column per exercise, `total` (the sum). An exercise whose id
    /// is `student` or `total` (in any case) is named `exercise:ID`: ids never hold a colon, so
    /// every column name is unique.
    static func columnNames(exercises: [String]) -> [String] {
        ["student"] + exercises.map { ["student", "total"].contains($0.lowercased()) ? "exercise:\($0)" : $0 } + ["total"]
    }

    /// A text cell made safe for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return would be run as a formula, so it gets a leading `'` (as OWASP advises).
    /// Numbers are written as they are: `-1.5` stays a number.
    static func text(_ value: String) -> String {
        guard let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
