import Foundation
import Notebook

/// The submissions of one grading run, each with its student id, resolved together so that no
/// two submissions share an id.
///
/// A submission's id is its file name without the extension; but when several submissions
/// have the same file name, or the file is named like the source notebook (the per-student
/// folder layout: `alice/lab.md`, `bob/lab.md`, graded together or one at a time), the name
/// of the folder that holds it. A roster file (`Roster.load(csv:)`) gives ids instead. A
/// front matter's `student:` never decides: one that disagrees is reported (`mismatches`),
/// since a student could name another and take their row. Ids are checked (`problem(id:)`)
/// and two submissions that resolve to one id are refused, as is a path that is not a file.
public struct Roster: Sendable, Equatable {
    /// One submission and its student id.
    public struct Entry: Sendable, Equatable {
        /// The submission's path, as given.
        public var path: String
        /// The student's id.
        public var student: String
    }

    /// The submissions, in the order given.
    public var entries: [Entry]
    /// One line per submission whose front matter names another student than its id.
    public var mismatches: [String] = []

    /// The longest id accepted.
    public static let maximumIdLength = 64

    /// Resolves the ids of `paths`; `source` is the source notebook's path. Throws a
    /// `RosterError` listing every problem.
    public static func resolve(paths: [String], source: String? = nil) throws -> Roster {
        try checkFiles(paths)
        let stem = { (path: String) in (((path as NSString).lastPathComponent) as NSString).deletingPathExtension }
        let stems = paths.map(stem)
        var stemCounts: [String: Int] = [:]
        for stem in stems { stemCounts[stem, default: 0] += 1 }
        let sourceStem = source.map(stem)
        let entries = zip(paths, stems).map { path, stem -> Entry in
            // A folder submission (notebook and modules) is named by its folder.
            if Submission.isFolder(path) { return Entry(path: path, student: stem) }
            guard stemCounts[stem, default: 0] > 1 || stem == sourceStem else { return Entry(path: path, student: stem) }
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            return Entry(path: path, student: folder.isEmpty || folder == "/" ? stem : folder)
        }
        return try checked(Roster(entries: entries), fix: "rename the file (or its folder), or give ids with --roster")
    }

    /// Refuses paths that are not files.
    static func checkFiles(_ paths: [String]) throws {
        var problems: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                problems.append("\(path): error: no such submission file")
            } else if isFolder.boolValue, case .failure(let problem) = Submission.notebook(inFolder: path) {
                problems.append("\(path): error: \(problem.reason)")
            }
        }
        if !problems.isEmpty { throw RosterError(problems: problems) }
    }

    /// Checks every id and that no two are the same, and notes front matters that disagree;
    /// `fix` says how to give an invalid id another value.
    static func checked(_ roster: Roster, fix: String) throws -> Roster {
        var roster = roster
        var problems = roster.entries.compactMap { entry in
            problem(id: entry.student).map { "\(entry.path): error: the student id '\(entry.student.prefix(80))' \($0): \(fix)" }
        }
        problems += roster.clashes(of: \.student) { "student id '\($0)'" }
        if !problems.isEmpty { throw RosterError(problems: problems) }
        roster.mismatches = roster.entries.compactMap { entry in
            guard let declared = declaredStudent(entry.path), declared != entry.student else { return nil }
            return "\(entry.path): warning: its front matter says 'student: \(declared.prefix(80))', but it is graded as '\(entry.student)' (ids come from file names or --roster, never from the submission)"
        }
        return roster
    }

    /// What is wrong with an id, or nil: 1 to 64 letters, digits, `-`, `_`, `.`, `@` or `+`,
    /// not starting with a dot.
    public static func problem(id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.count > maximumIdLength { return "is longer than \(maximumIdLength) characters" }
        if id.hasPrefix(".") { return "starts with a dot" }
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@+".contains($0)) }
        return allowed ? nil : "may hold only letters, digits, '-', '_', '.', '@' and '+'"
    }

    /// The front matter's `student:`, when the file is a notebook that has one.
    static func declaredStudent(_ path: String) -> String? {
        guard let source = try? Notebook.loadSource(path: path) else { return nil }
        let student = Notebook.parse(source).frontMatter.student?.trimmingCharacters(in: .whitespaces)
        return student.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The name of a student's feedback page: the id with every character other than a
    /// letter, digit, `-`, `_` or `.` made `_`, then `.html`.
    public static func feedbackFileName(for student: String) -> String {
        String(student.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }) + ".html"
    }

    /// Problems with feedback pages: two students whose pages would have one file name (compared
    /// ignoring case, as some file systems do).
    public func feedbackClashes() -> [String] {
        clashes(of: { Self.feedbackFileName(for: $0.student).lowercased() }) { "the feedback page '\($0)'" }
    }

    /// One message per value of `key` that several entries share, naming their files.
    func clashes(of key: (Entry) -> String, _ what: (String) -> String) -> [String] {
        var groups: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries {
            let value = key(entry)
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(entry)
        }
        return order.compactMap { value in
            guard let group = groups[value], group.count > 1 else { return nil }
            let files = group.map { "\($0.path) ('\($0.student)')" }.joined(separator: ", ")
            return "error: \(what(value)) would be shared by \(files): give each submission a distinct file name or folder, or give ids with --roster"
        }
    }

    /// Share `index` of `count` (1-based), split by the hash of each student id, so that every
    /// machine of a job array computes the same split from the same list.
    public func shard(_ index: Int, of count: Int) -> Roster {
        Roster(entries: entries.filter { entry in
            let hash = UInt64(fnv1a(Array(entry.student.utf8)), radix: 16) ?? 0
            return Int(hash % UInt64(count)) == index - 1
        })
    }
}

/// Submissions that cannot be graded together: missing files, or clashing student ids.
public struct RosterError: Error, CustomStringConvertible {
    /// One line per problem.
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
