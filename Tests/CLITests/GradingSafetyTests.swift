import Foundation
import Testing
@testable import RnnbookCLI

/// `grade`, `assign`, `render` and `gradebook merge` refuse what would lose or mix up grades,
/// before doing any work: clashing ids, missing files, outputs that are inputs, destinations
/// that cannot be written, another lab of the same name.
@Suite(.serialized) struct GradingSafetyTests {
    static let lab = GradingCommandTests.lab

    @Test func oneFolderPerStudentIsGradedUnderTheFoldersNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        var submissions: [String] = []
        for name in ["alice", "bob", "carol", "dave"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            submissions.append(try folder.write("\(name)/lab.md", Self.lab))
        }
        let csv = folder.appendingPathComponent("out.csv").path
        let result = runCLI(["grade", source] + submissions + ["--csv", csv, "--feedback", folder.appendingPathComponent("fb").path])
        #expect(result.code == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "student,double,total\nalice,2,2\nbob,2,2\ncarol,2,2\ndave,2,2\n")
        // Shards split such a class by student id.
        var graded: [String] = []
        for k in 1...2 {
            let share = runCLI(["grade", source] + submissions + ["--shard", "\(k)/2"])
            #expect(share.code == 0)
            graded += share.out.split(separator: "\n").filter { $0.contains(": 2/2") }.map { String($0.prefix { $0 != ":" }) }
        }
        #expect(graded.sorted() == ["alice", "bob", "carol", "dave"])
    }

    @Test func clashingIdsAndMissingFilesAreRefusedBeforeGrading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let one = try folder.write("a_b.md", "---\nstudent: bob\n---\n" + Self.lab)
        let two = try folder.write("two.md", Self.lab)
        let three = try folder.write("A_B.md", Self.lab)
        let roster = try folder.write("roster.csv", "student,file\na_b,two.md\na_b,A_B.md\n")
        let book = folder.appendingPathComponent("g.sqlite").path
        let clash = runCLI(["grade", source, "--roster", roster, "--gradebook", book])
        #expect(clash.code == 1)
        #expect(clash.error.contains("error: student id 'a_b' would be shared by \(two) ('a_b'), \(three) ('a_b')"), "\(clash.error)")
        #expect(!clash.out.contains("graded"))
        #expect(!FileManager.default.fileExists(atPath: book))
        let pages = runCLI(["grade", source, one, three, "--feedback", folder.appendingPathComponent("fb").path])
        #expect(pages.code == 1)
        #expect(pages.error.contains("error: the feedback page 'a_b.html' would be shared by \(one) ('a_b'), \(three) ('A_B')"), "\(pages.error)")
        // The front matter's `student: bob` is reported, not trusted.
        #expect(pages.error.contains("its front matter says 'student: bob', but it is graded as 'a_b'"))
        let long = try folder.write(String(repeating: "x", count: 200) + ".md", Self.lab)
        let tooLong = runCLI(["grade", source, long, "--gradebook", book])
        #expect(tooLong.code == 1)
        #expect(tooLong.error.contains("is longer than 64 characters"))
        #expect(!tooLong.out.contains("graded"))
        let missing = folder.appendingPathComponent("nope.md").path
        let absent = runCLI(["grade", source, two, missing, "--gradebook", book])
        #expect(absent.code == 1)
        #expect(absent.error == "\(missing): error: no such submission file\n")
        #expect(!absent.out.contains("nope"))
        #expect(!FileManager.default.fileExists(atPath: book))
    }

    @Test func anotherLabOfTheSameFileNameNeedsItsOwnAssignmentName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("week2"), withIntermediateDirectories: true)
        let other = try folder.write("week2/lab.md", Self.lab.replacingOccurrences(of: "title: Tiny lab", with: "title: Week 2"))
        let ann = try folder.write("ann.md", Self.lab)
        let book = folder.appendingPathComponent("g.sqlite").path
        #expect(runCLI(["grade", source, ann, "--gradebook", book]).code == 0)
        let refused = runCLI(["grade", other, ann, "--gradebook", book])
        #expect(refused.code == 1)
        #expect(refused.error.contains("\(book): error: the gradebook's assignment 'lab.md' is 'Tiny lab' worth 2 points, but this lab is 'Week 2' worth 2"))
        #expect(refused.error.contains("--assignment NAME"))
        #expect(!refused.out.contains("graded"))
        let named = runCLI(["grade", other, ann, "--gradebook", book, "--assignment", "week2"])
        #expect(named.code == 0)
        #expect(named.out.contains("recorded run 2 in \(book)\n"))
        #expect(!named.out.contains("changed"))
    }

    @Test func outputsThatAreInputsAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let sameSource = folder.appendingPathComponent("sub/../lab.md").path
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["assign", source, "-o", sameSource], "error: -o \(sameSource) is the source notebook (\(source)): it would be overwritten"),
            (["grade", source, ann, "--csv", source], "error: --csv \(source) is the source notebook: it would be overwritten"),
            (["grade", source, ann, "--csv", ann], "error: --csv \(ann) is a submission: it would be overwritten"),
            (["grade", source, ann, "--gradebook", ann], "error: --gradebook \(ann) is a submission: it would be overwritten"),
            (["render", source, "-o", source], "error: -o \(source) is the notebook: it would be overwritten"),
        ]
        for (arguments, message) in cases {
            let result = runCLI(arguments)
            #expect(result.code == 1, "\(arguments)")
            #expect(result.error.hasPrefix(message), "\(arguments): \(result.error)")
            #expect(try String(contentsOfFile: source, encoding: .utf8) == Self.lab)
            #expect(try String(contentsOfFile: ann, encoding: .utf8) == Self.lab)
        }
    }

    @Test func destinationsAreCheckedBeforeGrading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let file = try folder.write("notes.txt", "precious\n")
        let garbage = try folder.write("g.sqlite", String(repeating: "garbage ", count: 100))
        let nowhere = folder.appendingPathComponent("no/such/folder/out.csv").path
        let cases: [([String], String)] = [
            (["--feedback", file], "error: --feedback \(file) is a file, not a folder\n"),
            (["--csv", nowhere], "error: --csv \(nowhere): the folder \(folder.appendingPathComponent("no/such/folder").path) does not exist\n"),
            (["--csv", folder.path], "error: --csv \(folder.path) is a folder, not a file\n"),
            (["--gradebook", garbage], "\(garbage): error: cannot open the gradebook: file is not a database\n"),
        ]
        for (options, message) in cases {
            let result = runCLI(["grade", source, ann] + options)
            #expect(result.code == 1, "\(options)")
            #expect(result.error == message, "\(options)")
            #expect(!result.error.contains("NSCocoaErrorDomain"))
            #expect(!result.out.contains("graded"), "\(options): graded before failing")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "precious\n")
    }

    @Test func mergeRefusesMissingInputsItselfAndGarbageAndIsIdempotent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let students = try (0..<4).map { try folder.write("s\($0).md", Self.lab) }
        let shards = (1...2).map { folder.appendingPathComponent("shard\($0).sqlite").path }
        for (k, shard) in shards.enumerated() {
            #expect(runCLI(["grade", source] + students + ["--shard", "\(k + 1)/2", "--gradebook", shard]).code == 0)
        }
        let merged = folder.appendingPathComponent("all.sqlite").path
        let first = runCLI(["gradebook", "merge", merged] + shards)
        #expect(first.out == "merged 2 gradebooks into \(merged): 2 runs added\n")
        let again = runCLI(["gradebook", "merge", merged, shards[0], shards[0]])
        #expect(again.code == 0)
        #expect(again.out == "merged 2 gradebooks into \(merged): 0 runs added, 2 already there\n")
        let csv = folder.appendingPathComponent("all.csv").path
        #expect(runCLI(["grade", source, students[0], "--gradebook", merged, "--csv", csv]).code == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 5)

        let missing = folder.appendingPathComponent("missing.sqlite").path
        let absent = runCLI(["gradebook", "merge", merged, missing])
        #expect(absent.code == 1)
        #expect(absent.error == "\(missing): error: no such gradebook\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let itself = runCLI(["gradebook", "merge", merged, folder.appendingPathComponent("./all.sqlite").path])
        #expect(itself.code == 1)
        #expect(itself.error.hasPrefix("error: cannot merge"))
        #expect(itself.error.contains("into itself"))
        let before = try Data(contentsOf: URL(fileURLWithPath: merged))
        let garbage = try folder.write("garbage.sqlite", String(repeating: "garbage ", count: 100))
        let bad = runCLI(["gradebook", "merge", merged, shards[0], garbage])
        #expect(bad.code == 1)
        #expect(bad.error == "\(garbage): error: cannot read the gradebook: file is not a database\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == before)
    }
}
