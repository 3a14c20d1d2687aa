import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 2's example submissions and the scores they must get: the right answers, the TD
/// mistakes the lab warns about (a target that is not detached, padding counted in the
/// loss, a batch run without packing), a crash and the untouched handout. The lab runs with
/// a short training so that grading takes seconds in debug.
@Suite struct Lab2GradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("notebooks/02-value-td.md").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lab2")

    static let expected: [(file: String, score: Double, statuses: [ExerciseStatus])] = [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("target_not_detached.md", 7, [.passed, .partial, .passed]),
        ("padding_counted.md", 6, [.passed, .failed, .passed]),
        ("no_packing.md", 8, [.partial, .passed, .passed]),
        ("crash.md", 7, [.passed, .passed, .failed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ]

    static var settings: GradingSettings {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [("max_epochs", .int(5)), ("min_r2", .float(-1e9)), ("max_reward_rpe", .float(1e9))]
        return settings
    }

    @Test func exampleSubmissionsGetTheirScores() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        #expect(!assignment.hasErrors)
        #expect(assignment.totalPoints == 10)
        let grader = try Grader(assignment: assignment, settings: Self.settings)
        // Every value the lab keeps (figures' axes, a BytesIO buffer, models) can be snapshotted,
        // so grading rewinds the reference rather than replaying it.
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let results = grader.grade(paths: Self.expected.map { Self.examples.appendingPathComponent($0.file).path })
        for (example, result) in zip(Self.expected, results) {
            #expect(result.score == example.score, "\(example.file): \(result.exercises.map { "\($0.exercise) \($0.points) \($0.reason ?? "")" })")
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.file)")
        }
        let crash = try #require(results.first { $0.student == "crash" }?.exercise("rpe"))
        #expect(crash.checks.first?.message?.contains("undefined name 'v'") == true, "\(crash.checks)")
        let detached = try #require(results.first { $0.student == "target_not_detached" }?.exercise("value_loss"))
        #expect(detached.checks.contains { $0.message?.contains("detach") == true }, "\(detached.checks)")
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        let committed = try String(contentsOf: Self.examples.appendingPathComponent("untouched.md"), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty)
    }
}
