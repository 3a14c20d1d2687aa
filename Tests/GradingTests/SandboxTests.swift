import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// What a submission cannot do to the grader: write files, exhaust memory, outrun the clock.
@Suite struct SandboxTests {
    func grade(replacing old: String, with new: String) throws -> SubmissionResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("student.md").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(Submissions.replacing(old, new)))
        let grader = try Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: Submissions.lab)),
                                settings: GradingSettings(jobs: 1))
        return try #require(grader.grade(paths: [path]).first)
    }

    @Test func submissionsCannotWriteFiles() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-sandbox-\(UUID().uuidString).md")
        try Data("the instructor's source".utf8).write(to: target)
        defer { try? FileManager.default.removeItem(at: target) }
        let result = try grade(replacing: Submissions.doubleSolution,
                               with: "    return 2 * x\nLinear(2, 2).save('\(target.path)')\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == "the instructor's source")
        #expect(result.exercises.map(\.status) == [.error, .passed])
        #expect(result.exercises[0].reason?.contains("writing files is turned off while grading") == true)
    }
}
