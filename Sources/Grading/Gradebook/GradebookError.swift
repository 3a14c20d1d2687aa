import GRDB

/// A gradebook that cannot be opened, read or written, or a run it refuses; the message names
/// the file: `g.sqlite: error: cannot open the gradebook: file is not a database`.
public struct GradebookError: Error, CustomStringConvertible {
    /// The gradebook's path.
    public var path: String
    /// What is wrong, in words.
    public var message: String

    /// Makes an error about the gradebook at `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// Describes an SQLite error met while `doing` something, without the SQL.
    init(path: String, _ error: DatabaseError, doing: String) {
        var reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        if error.resultCode == .SQLITE_BUSY {
            reason += " (another process kept it locked for \(Int(Gradebook.busyTimeout)) s)"
        }
        self.init(path: path, message: "\(doing): \(reason)")
    }

    public var description: String { "\(path): error: \(message)" }
}
