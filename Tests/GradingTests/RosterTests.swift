import Foundation
import Testing
@testable import Grading

/// Student ids resolved across a class: front matter, file name, or the student's folder.
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
        #expect(roster.entries.map(\.student) == ["alice", "bob", "carol.c", "dave"])
        #expect(roster.entries.map(\.path) == paths)
    }

    @Test func idsThatStillClashAreRefusedNamingTheFiles() throws {
        let folder = try Self.folder(["one.md": Self.matter("ann"), "two.md": Self.matter("ann"), "s1/x/lab.md": "", "s2/x/lab.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.md").path
        let two = folder.appendingPathComponent("two.md").path
        let error = try #require(throws: RosterError.self) { try Roster.resolve(paths: [one, two]) }
        #expect(error.problems == ["error: student id 'ann' would be shared by \(one) ('ann'), \(two) ('ann'): give each submission a distinct 'student:' in its front matter, or a distinct file name"])
        let nested = ["s1/x/lab.md", "s2/x/lab.md"].map { folder.appendingPathComponent($0).path }
        #expect(throws: RosterError.self) { try Roster.resolve(paths: nested) }
        // The same file twice is two submissions of one student.
        #expect(throws: RosterError.self) { try Roster.resolve(paths: [one, one]) }
    }

    @Test func missingFilesAndFoldersAreRefused() throws {
        let folder = try Self.folder(["a.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.md").path
        let error = try #require(throws: RosterError.self) {
            try Roster.resolve(paths: [folder.appendingPathComponent("a.md").path, missing, folder.path])
        }
        #expect(error.problems == ["\(missing): error: no such submission file", "\(folder.path): error: is a folder, not a submission file"])
    }

    @Test func feedbackPagesThatWouldCollideAreFound() throws {
        let folder = try Self.folder(["one.md": Self.matter("a,b"), "two.md": Self.matter("a_b"), "three.md": Self.matter("A_B"), "four.md": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["one.md", "two.md", "three.md", "four.md"].map { folder.appendingPathComponent($0).path }
        let roster = try Roster.resolve(paths: paths)
        #expect(Roster.feedbackFileName(for: "a,b") == "a_b.html")
        let clashes = roster.feedbackClashes()
        #expect(clashes.count == 1)
        #expect(clashes.first?.hasPrefix("error: the feedback page 'a_b.html' would be shared by \(paths[0]) ('a,b'), \(paths[1]) ('a_b'), \(paths[2]) ('A_B')") == true)
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
