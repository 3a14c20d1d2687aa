/// Which readers a page is made for. One run of the notebook serves every edition.
public enum Edition: String, Sendable, CaseIterable {
    /// A published tutorial: solutions run and their output shown, solution code folded
    /// behind "Show solution", hidden tests never present.
    case reader
    /// The handout: stubs shown as code, blocks that need an exercise done shown with a note
    /// instead of their output, hidden tests never present.
    case student
    /// The instructor's page: every block as written, with each check's result and each
    /// block's run time.
    case instructor
}

/// A notebook whose grading markup is broken cannot be published as a reader or student
/// edition: what the markers should hide would be unknown.
public struct EditionError: Error, CustomStringConvertible {
    /// The message, naming the notebook and the edition.
    public var message: String
    /// The markup problems, with positions.
    public var diagnostics: [Diagnostic]
    public var description: String { message }
}

import Diagnostics
