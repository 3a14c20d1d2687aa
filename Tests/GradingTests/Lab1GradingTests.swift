import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 1's example submissions and the scores they must get. The lab runs with small
/// parameters (a short training, few test trials) so that grading takes seconds in debug.
@Suite struct Lab1GradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("notebooks/01-rnn-cognitive-tasks.md").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lab1")

    static let expected: [(file: String, score: Double, statuses: [ExerciseStatus])] = [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("leak_forgotten.md", 7, [.failed, .passed, .passed]),
        ("accuracy_counts.md", 8, [.passed, .failed, .passed]),
        ("bptt_no_recurrence.md", 5, [.passed, .passed, .failed]),
        ("crash.md", 7, [.failed, .passed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ]

    @Test func exampleSubmissionsGetTheirScores() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        #expect(!assignment.hasErrors)
        #expect(assignment.totalPoints == 10)
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [
            ("train_steps", .int(60)), ("test_trials", .int(20)), ("bptt_steps", .int(5)), ("min_accuracy", .float(0)),
            ("hidden_size", .int(32)), ("step_train_steps", .int(20)),
        ]
        let grader = try Grader(assignment: assignment, settings: settings)
        // The reference trained a network, and grading still rewinds it rather than replaying.
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let results = grader.grade(paths: Self.expected.map { Self.examples.appendingPathComponent($0.file).path })
        for (example, result) in zip(Self.expected, results) {
            #expect(result.score == example.score, "\(example.file): \(result.exercises.map { "\($0.exercise) \($0.points) \($0.reason ?? "")" })")
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.file)")
        }
        #expect(results.first { $0.student == "crash" }?.exercise("leaky_step")?.checks.first?.message?.contains("undefined name 'totl'") == true)
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        let committed = try String(contentsOf: Self.examples.appendingPathComponent("untouched.md"), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty)
    }
}
