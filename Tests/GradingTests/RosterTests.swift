import Foundation
import Testing
@testable import Grading

/// Student ids resolved across a class: file name, the student's folder, or a roster file.
@Suite struct RosterTests {
    /// A fresh folder with `files` (relative path to contents); removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-roster-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func matter(_ student: String) -> String { "---\nstudent: \"\(student)\"\n---\n" }

    @Test func oneFolderPerStudentGivesTheFoldersNames() throws {
        let folder = try Self.folder(["alice/lab.md": "", "bob/lab.md": "", "carol/lab.md": Self.matter("carol.c"), "dave.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["alice/lab.md", "bob/lab.md", "carol/lab.md", "dave.md"].map { folder.appendingPathComponent($0).path }
        let roster = try Roster.resolve(paths: paths)
        // The front matter never decides; its disagreement is reported.
        #expect(roster.entries.map(\.student) == ["alice", "bob", "carol", "dave"])
        #expect(roster.entries.map(\.path) == paths)
        #expect(roster.mismatches == ["\(paths[2]): warning: its front matter says 'student: carol.c', but it is graded as 'carol' (ids come from file names or --roster, never from the submission)"])
    }

    /// Re-grading one student's folder keeps the folder's name as the id: the file is named
    /// like the source.
    @Test func oneFolderSubmissionAloneKeepsItsId() throws {
        let folder = try Self.folder(["alice/lab1.md": "", "bob/notes.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let alice = folder.appendingPathComponent("alice/lab1.md").path
        #expect(try Roster.resolve(paths: [alice], source: "course/lab1.md").entries.map(\.student) == ["alice"])
        let bob = folder.appendingPathComponent("bob/notes.md").path
        #expect(try Roster.resolve(paths: [bob], source: "course/lab1.md").entries.map(\.student) == ["notes"])
    }

    /// A front matter naming another student cannot take their row.
    @Test func aFrontMatterCannotClaimAnotherStudentsId() throws {
        let folder = try Self.folder(["honest.md": "", "mallory.md": Self.matter("honest")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["honest.md", "mallory.md"].map { folder.appendingPathComponent($0).path }
        let roster = try Roster.resolve(paths: paths)
        #expect(roster.entries.map(\.student) == ["honest", "mallory"])
        #expect(roster.mismatches.count == 1)
        #expect(Submission.load(path: paths[1]).student == "mallory")
    }

    @Test func idsAreValidatedBeforeGrading() throws {
        let long = String(repeating: "x", count: 200)
        let folder = try Self.folder(["\(long).md": "", "a b.md": "", "ok-id_1.2@x+y.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: RosterError.self) {
            try Roster.resolve(paths: ["\(long).md", "a b.md", "ok-id_1.2@x+y.md"].map { folder.appendingPathComponent($0).path })
        }
        #expect(error.problems.count == 2)
        #expect(error.problems[0].hasSuffix("is longer than 64 characters: rename the file (or its folder), or give ids with --roster"))
        #expect(error.problems[1].hasSuffix("may hold only letters, digits, '-', '_', '.', '@' and '+': rename the file (or its folder), or give ids with --roster"))
        #expect(Roster.problem(id: ".hidden") == "starts with a dot")
        #expect(Roster.problem(id: "") == "is empty")
    }

    @Test func aRosterFileGivesTheIds() throws {
        let folder = try Self.folder([
            "roster.csv": "student,file\nann,subs/1.md\n\"bo\",subs/2.md\n",
            "subs/1.md": Self.matter("bo"), "subs/2.md": "",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try Roster.load(csv: folder.appendingPathComponent("roster.csv").path)
        #expect(roster.entries.map(\.student) == ["ann", "bo"])
        #expect(roster.mismatches.count == 1)
        let one = folder.appendingPathComponent("subs/2.md").path
        #expect(try Roster.load(csv: folder.appendingPathComponent("roster.csv").path, submissions: [one]).entries
            == [Roster.Entry(path: one, student: "bo")])
        let stranger = folder.appendingPathComponent("roster.csv").path
        #expect(throws: RosterError.self) { try Roster.load(csv: stranger, submissions: [stranger]) }
    }

    @Test func idsThatStillClashAreRefusedNamingTheFiles() throws {
        let folder = try Self.folder(["one.md": "", "two.md": "", "roster.csv": "student,file\nann,one.md\nann,two.md\n", "s1/x/lab.md": "", "s2/x/lab.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.md").path
        let two = folder.appendingPathComponent("two.md").path
        let error = try #require(throws: RosterError.self) { try Roster.load(csv: folder.appendingPathComponent("roster.csv").path) }
        #expect(error.problems == ["error: student id 'ann' would be shared by \(one) ('ann'), \(two) ('ann'): give each submission a distinct file name or folder, or give ids with --roster"])
        let nested = ["s1/x/lab.md", "s2/x/lab.md"].map { folder.appendingPathComponent($0).path }
        #expect(throws: RosterError.self) { try Roster.resolve(paths: nested) }
        // The same file twice is two submissions of one student.
        #expect(throws: RosterError.self) { try Roster.resolve(paths: [one, one]) }
    }

    @Test func missingFilesAndFoldersWithoutOneNotebookAreRefused() throws {
        let folder = try Self.folder(["a.md": "", "b.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.md").path
        let error = try #require(throws: RosterError.self) {
            try Roster.resolve(paths: [folder.appendingPathComponent("a.md").path, missing, folder.path])
        }
        #expect(error.problems == ["\(missing): error: no such submission file", "\(folder.path): error: is a folder with 2 notebooks (a.md, b.md); give the notebook's path"])
    }

    @Test func feedbackPagesThatWouldCollideAreFound() throws {
        let folder = try Self.folder(["a_b.md": "", "A_B.md": "", "four.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["a_b.md", "A_B.md", "four.md"].map { folder.appendingPathComponent($0).path }
        let roster = try Roster.resolve(paths: paths)
        #expect(Roster.feedbackFileName(for: "a,b") == "a_b.html")
        let clashes = roster.feedbackClashes()
        #expect(clashes.count == 1)
        #expect(clashes.first?.hasPrefix("error: the feedback page 'a_b.html' would be shared by \(paths[0]) ('a_b'), \(paths[1]) ('A_B')") == true)
    }

    @Test func shardsSplitByStudentIdSoAFolderPerStudentClassIsSplit() throws {
        let names = (0..<12).map { "student\($0)" }
        let folder = try Self.folder(Dictionary(uniqueKeysWithValues: names.map { ("\($0)/lab.md", "") }))
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try Roster.resolve(paths: names.map { folder.appendingPathComponent("\($0)/lab.md").path })
        let shares = (1...3).map { roster.shard($0, of: 3).entries.map(\.student) }
        #expect(shares.allSatisfy { !$0.isEmpty })
        #expect(shares.flatMap { $0 }.sorted() == names.sorted())
    }
}
