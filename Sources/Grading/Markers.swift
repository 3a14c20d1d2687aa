/// The nbgrader markers that instructors already know.
enum Marker: String, CaseIterable {
    case beginSolution = "### BEGIN SOLUTION"
    case endSolution = "### END SOLUTION"
    case beginHidden = "### BEGIN HIDDEN TESTS"
    case endHidden = "### END HIDDEN TESTS"

    /// The marker a code line holds (after its indentation), and the text after it.
    static func find(in line: Substring) -> (Marker, String)? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for marker in allCases where trimmed.hasPrefix(marker.rawValue) {
            let rest = trimmed.dropFirst(marker.rawValue.count)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == ":" || rest.first == "\r" else { continue }
            var text = rest.drop { $0 == " " || $0 == "\t" || $0 == ":" }
            while text.last == " " || text.last == "\t" || text.last == "\r" { text = text.dropLast() }
            return (marker, String(text))
        }
        return nil
    }

    /// Something in a line that looks like a marker but is not one exactly (`### begin solution`,
    /// `### BEGIN SOLUTIONS`, `###BEGIN SOLUTION`, `## END HIDDEN TEST`): its UTF-8 offset in
    /// the line, its text, and the marker it was most likely meant to be. Nil for a line that
    /// holds an exact marker, or nothing like one. Such a line must be an error: taken for
    /// code, it would copy a solution or hidden tests into the student version.
    static func nearMiss(in line: Substring) -> (offset: Int, text: String, meant: Marker)? {
        // Every marker starts with '#'; most lines have none, and the regex is costly to build.
        guard line.utf8.contains(UInt8(ascii: "#")) else { return nil }
        // A marker line is short; on a long line of '#' the regex would take quadratic time.
        guard line.utf8.count <= 300 else { return nil }
        if find(in: line) != nil { return nil }
        let pattern = #/(?i)#+[ \t]*(begin|end)[ \t_-]*(solution|hidden)[a-z_]*([ \t_-]*tests?(?![a-z]))?/#
        guard let match = line.firstMatch(of: pattern) else { return nil }
        let begin = match.output.1.lowercased() == "begin"
        let solution = match.output.2.lowercased() == "solution"
        let meant: Marker = solution ? (begin ? .beginSolution : .endSolution) : (begin ? .beginHidden : .endHidden)
        let offset = line.utf8.distance(from: line.startIndex, to: match.range.lowerBound)
        return (offset, String(match.output.0), meant)
    }
}

/// A marked stretch of a block's code: a solution or hidden tests.
public struct Region: Sendable, Equatable {
    /// The file line of the BEGIN marker.
    public var beginLine: Int
    /// The file line of the END marker.
    public var endLine: Int
    /// The indentation of the BEGIN marker line.
    public var indent: String
    /// For a solution, the text after `### BEGIN SOLUTION`: the prompt for the student.
    public var prompt: String
}
