import Foundation

extension Roster {
    /// Reads a roster file: CSV whose header is `student,file`, one submission a line, each
    /// file relative to the roster's folder. With `submissions`, grades only those, each of
    /// which must be in the roster; without, every file in it. Throws a `RosterError`.
    public static func load(csv path: String, submissions: [String] = []) throws -> Roster {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RosterError(problems: ["\(path): error: cannot read the roster file"])
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var rows: [Entry] = []
        var problems: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, line) in lines.enumerated() {
            let cells = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(unquoted)
            if number == 0 {
                if cells != ["student", "file"] {
                    problems.append("\(path):1: error: the roster's first line must be 'student,file'")
                    break
                }
                continue
            }
            if cells.allSatisfy(\.isEmpty) { continue }
            guard cells.count == 2, !cells[1].isEmpty else {
                problems.append("\(path):\(number + 1): error: expected 'student,file'")
                continue
            }
            let file = cells[1].hasPrefix("/") ? cells[1] : folder.appendingPathComponent(cells[1]).path
            rows.append(Entry(path: file, student: cells[0]))
        }
        if !problems.isEmpty { throw RosterError(problems: problems) }
        var entries = rows
        if !submissions.isEmpty {
            let byFile = Dictionary(rows.map { (canonical($0.path), $0) }, uniquingKeysWith: { first, _ in first })
            entries = []
            for submission in submissions {
                if let row = byFile[canonical(submission)] {
                    entries.append(Entry(path: submission, student: row.student))
                } else {
                    problems.append("\(submission): error: not in the roster \(path)")
                }
            }
            if !problems.isEmpty { throw RosterError(problems: problems) }
        }
        try checkFiles(entries.map(\.path))
        return try checked(Roster(entries: entries), fix: "correct it in the roster")
    }

    static func unquoted(_ cell: Substring) -> String {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return trimmed }
        return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
