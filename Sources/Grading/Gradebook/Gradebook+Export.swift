import Foundation
import GRDB

extension Gradebook {
    /// One row per student with their latest graded submission of `assignment`: a column per
    /// exercise, in notebook order, then the total. Fields are quoted as RFC 4180 says; see
    /// `columnNames` for the header and `text` for cells a spreadsheet would run as formulas.
    public func csv(assignment: String, exercises: [String]) throws -> String {
        try guarded("cannot read the gradebook") { try queue.read { db in
            var lines = [Self.columnNames(exercises: exercises).map(Self.field).joined(separator: ",")]
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM assignment WHERE name = ?", arguments: [assignment])
            for row in try id.map({ try Self.latestRows(db, assignmentId: $0, exercises: exercises) }) ?? [] {
                let cells = [Self.field(Self.text(row.student))] + row.points.map(Self.number) + [Self.number(row.score)]
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
