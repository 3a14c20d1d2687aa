import Foundation
import Testing
@testable import RnnbookCLI

/// Re-grading one student's folder keeps the folder's name as the id.
@Suite(.serialized) struct GradingRegradeTests {
    @Test func regradingOneFolderSubmissionKeepsItsId() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = GradingCommandTests.lab
        let source = try folder.write("lab.md", lab)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alice"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bob"), withIntermediateDirectories: true)
        let alice = try folder.write("alice/lab.md", lab)
        let bob = try folder.write("bob/lab.md", lab.replacingOccurrences(of: "return 2 * x", with: "return x"))
        let book = folder.appendingPathComponent("g.sqlite").path
        let first = runCLI(["grade", source, alice, bob, "--gradebook", book])
        #expect(first.code == 0)
        #expect(first.out.contains("alice: 2/2"))
        // Alice fixes nothing, Bob fixes his: graded alone, each keeps the folder's name.
        try lab.write(toFile: bob, atomically: true, encoding: .utf8)
        let again = runCLI(["grade", source, bob, "--gradebook", book])
        #expect(again.code == 0)
        #expect(again.out.contains("bob: 2/2"), "\(again.out)")
        #expect(again.out.contains("1 submission changed on `double`: bob"), "\(again.out)")
        let unchanged = runCLI(["grade", source, alice, "--gradebook", book])
        #expect(unchanged.out.contains("alice: 2/2"))
    }

    /// A late submission graded alone is new, not "unchanged since" a run of other students;
    /// a later run compares each student with their own last grade.
    @Test func lateSubmissionsAreGradedForTheFirstTime() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = GradingCommandTests.lab
        let source = try folder.write("lab.md", lab)
        let alice = try folder.write("alice.md", lab)
        let carol = try folder.write("carol.md", lab)
        let book = folder.appendingPathComponent("g.sqlite").path
        #expect(runCLI(["grade", source, alice, "--gradebook", book]).code == 0)
        let late = runCLI(["grade", source, carol, "--gradebook", book])
        #expect(late.out.contains("recorded run 2"), "\(late.out)")
        #expect(late.out.contains("1 student graded for the first time"), "\(late.out)")
        #expect(!late.out.contains("no grade changed"), "\(late.out)")
        let both = runCLI(["grade", source, alice, carol, "--gradebook", book])
        #expect(both.out.contains("no grade changed since each student's last run (runs 1, 2)"), "\(both.out)")
        #expect(!both.out.contains("for the first time"), "\(both.out)")
    }
}
