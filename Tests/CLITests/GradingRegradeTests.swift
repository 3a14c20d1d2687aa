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
}
