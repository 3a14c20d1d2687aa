import Foundation
import Testing
@testable import RnnbookCLI

/// Output problems of `grade` are found before grading, and feedback pages appear only once
/// the gradebook holds the run.
@Suite(.serialized) struct GradingOutputTests {
    static let lab = GradingCommandTests.lab

    @Test func aFolderInTheWayOfAFeedbackPageIsFoundBeforeGrading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let pages = folder.appendingPathComponent("fb")
        try FileManager.default.createDirectory(at: pages.appendingPathComponent("ann.html"), withIntermediateDirectories: true)
        let book = folder.appendingPathComponent("g.sqlite").path
        let result = runCLI(["grade", source, ann, "--feedback", pages.path, "--gradebook", book])
        #expect(result.code == 1)
        #expect(result.error.contains("ann.html is a folder, not a file"), "\(result.error)")
        #expect(!result.out.contains("graded"))
        #expect(!FileManager.default.fileExists(atPath: book))
    }

    @Test func aGradebookThatIsNotADatabaseIsFoundBeforeGrading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        // A gradebook that is not a SQLite file cannot be recorded into.
        let book = try folder.write("g.sqlite", "not a database")
        let result = runCLI(["grade", source, ann, "--gradebook", book])
        #expect(result.code == 1)
        #expect(!result.out.contains("graded"))
        #expect(Grade.probeWorks(book))
    }

    @Test func feedbackPagesAreStagedThenPublished() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let pages = folder.appendingPathComponent("fb")
        try FileManager.default.createDirectory(at: pages.appendingPathComponent(".rnnbook-pending-old"), withIntermediateDirectories: true)
        let result = runCLI(["grade", source, ann, "--feedback", pages.path, "--gradebook", folder.appendingPathComponent("g.sqlite").path])
        #expect(result.code == 0, "\(result.error)")
        // The pages are in place, the staging folders (a stopped run's too) are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: pages.path) == ["ann.html"])
        let recorded = result.out.range(of: "recorded run")
        let wrote = result.out.range(of: "wrote 1 feedback page")
        #expect(recorded != nil && wrote != nil && recorded!.lowerBound < wrote!.lowerBound, "\(result.out)")
    }
}
