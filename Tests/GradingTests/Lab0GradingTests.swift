import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 0's example submissions (the eel project) and the scores they must get: the right
/// answers, the mistakes the lab warns about (eel 2 on eel 1's channels, the slides' loss on
/// every step, no gradient clipping), a crash and the untouched handout. Grading stops at
/// the last check, before any training, so it takes seconds in debug.
@Suite struct Lab0GradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("notebooks/00-eel-project/00-eel-project.md").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lab0")

    static let expected: [(file: String, score: Double, statuses: [ExerciseStatus])] = [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("eel_channels_shared.md", 8, [.partial, .passed, .passed]),
        ("loss_every_step.md", 7, [.passed, .passed, .failed]),
        ("no_clipping.md", 8, [.passed, .passed, .partial]),
        ("crash.md", 7, [.passed, .failed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ]

    static var settings: GradingSettings {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [("num_epochs", .int(1)), ("slides_steps", .int(2))]
        return settings
    }

    @Test func exampleSubmissionsGetTheirScores() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        #expect(!assignment.hasErrors)
        #expect(assignment.totalPoints == 10)
        let grader = try Grader(assignment: assignment, settings: Self.settings)
        let results = grader.grade(paths: Self.expected.map { Self.examples.appendingPathComponent($0.file).path })
        for (example, result) in zip(Self.expected, results) {
            #expect(result.score == example.score, "\(example.file): \(result.exercises.map { "\($0.exercise) \($0.points) \($0.reason ?? "")" })")
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.file)")
        }
        let crash = try #require(results.first { $0.student == "crash" }?.exercise("rnn"))
        #expect(crash.checks.first?.message?.contains("undefined name 'activty'") == true, "\(crash.checks)")
        let every = try #require(results.first { $0.student == "loss_every_step" }?.exercise("train_step"))
        #expect(every.checks.first?.message?.contains("decision steps") == true, "\(every.checks)")
        let clipping = try #require(results.first { $0.student == "no_clipping" }?.exercise("train_step"))
        #expect(clipping.checks.contains { $0.message?.contains("clipped") == true }, "\(clipping.checks)")
        let channels = try #require(results.first { $0.student == "eel_channels_shared" }?.exercise("task"))
        #expect(channels.checks.contains { $0.message?.contains("eel2_observe") == true }, "\(channels.checks)")
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        let committed = try String(contentsOf: Self.examples.appendingPathComponent("untouched.md"), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty)
    }
}
