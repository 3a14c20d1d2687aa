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
            guard rest.isEmpty || rest.first == " " || rest.first == ":" else { continue }
            var text = rest.drop { $0 == " " || $0 == ":" }
            while text.last == " " || text.last == "\r" { text = text.dropLast() }
            return (marker, String(text))
        }
        return nil
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
