import Foundation
import Notebook

/// The submissions of one grading run, each with its student id, resolved together so that no
/// two submissions share an id.
///
/// A submission's id is its front matter's `student:`; else its file name without the
/// extension; but when several submissions have the same file name (the per-student folder
/// layout: `alice/lab.md`, `bob/lab.md`), the name of the folder that holds it. Two
/// submissions that still resolve to one id are refused, as is a path that is not a file:
/// grading them would let one student's grade overwrite another's.
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

    /// Resolves the ids of `paths`; throws a `RosterError` listing every problem.
    public static func resolve(paths: [String]) throws -> Roster {
        var problems: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                problems.append("\(path): error: no such submission file")
            } else if isFolder.boolValue {
                problems.append("\(path): error: is a folder, not a submission file")
            }
        }
        if !problems.isEmpty { throw RosterError(problems: problems) }
        let stems = paths.map { ((($0 as NSString).lastPathComponent) as NSString).deletingPathExtension }
        var stemCounts: [String: Int] = [:]
        for stem in stems { stemCounts[stem, default: 0] += 1 }
        let entries = zip(paths, stems).map { path, stem -> Entry in
            if let student = declaredStudent(path) { return Entry(path: path, student: student) }
            guard stemCounts[stem, default: 0] > 1 else { return Entry(path: path, student: stem) }
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            return Entry(path: path, student: folder.isEmpty || folder == "/" ? stem : folder)
        }
        let roster = Roster(entries: entries)
        problems = roster.clashes(of: \.student) { "student id '\($0)'" }
        if !problems.isEmpty { throw RosterError(problems: problems) }
        return roster
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
            return "error: \(what(value)) would be shared by \(files): give each submission a distinct 'student:' in its front matter, or a distinct file name"
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
