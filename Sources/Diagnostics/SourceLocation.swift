/// A 1-based line and UTF-8 column in a source file.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes from the start of the line.
    public var column: Int

    /// Makes a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open stretch of source between two locations.
public struct SourceRange: Sendable, Hashable {
    /// The first character of the range.
    public var start: SourceLocation
    /// The location just past the range's last character (equal to `start` for a point).
    public var end: SourceLocation

    /// Makes a range; `end` defaults to `start`, a point.
    public init(start: SourceLocation, end: SourceLocation? = nil) {
        self.start = start
        self.end = end ?? start
    }

    /// Makes a range on one line from a column and a length in bytes.
    public init(line: Int, column: Int, length: Int = 1) {
        self.start = SourceLocation(line: line, column: column)
        self.end = SourceLocation(line: line, column: column + max(length, 0))
    }
}
