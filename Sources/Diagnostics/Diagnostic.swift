/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
    case note
}

/// One message about a place in a source file: an error, a warning or a note.
///
/// Messages are lowercase and name what was expected; `id` is a stable identifier of the
/// kind of message (e.g. `unknown-block-option`) so that tests and tools can match on it.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// How serious it is.
    public var severity: Severity
    /// A stable identifier of the message's kind.
    public var id: String
    /// The message, lowercase, without the location prefix.
    public var message: String
    /// The file the message is about.
    public var file: SourceFile
    /// Where in the file.
    public var range: SourceRange
    /// Further lines shown after the caret (call traces, hints).
    public var notes: [String]

    /// Makes a diagnostic.
    public init(
        _ severity: Severity = .error, id: String, _ message: String,
        file: SourceFile, range: SourceRange, notes: [String] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.file = file
        self.range = range
        self.notes = notes
    }

    /// The one-line header: `lab.md:12:8: error: message`.
    public var header: String {
        "\(file.name):\(range.start.line):\(range.start.column): \(severity.rawValue): \(message)"
    }

    /// The header, the source line, a caret under the range, and the notes.
    public var rendered: String { DiagnosticRenderer.render(self) }

    public var description: String { rendered }
}

extension Diagnostic {
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.id == rhs.id && lhs.message == rhs.message
            && lhs.file.name == rhs.file.name && lhs.range == rhs.range && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(message)
        hasher.combine(range)
    }
}
