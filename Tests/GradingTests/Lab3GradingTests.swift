import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 3's example submissions and the scores they must get. The lab runs with small
/// parameters (40 trials of 60 steps, two epochs per model, a short fixed-point search, two
/// batches of arm training on 16 validation trials, no performance asserts) so that grading takes seconds in debug.
@Suite struct Lab3GradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("notebooks/03-comparing-networks.md").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lab3")

    static let expected: [(file: String, score: Double, statuses: [ExerciseStatus])] = [
        ("correct.md", 8, [.passed, .passed, .passed]),
        ("mask_off_by_one.md", 5, [.failed, .passed, .passed]),
        ("r2_swapped.md", 7, [.passed, .partial, .passed]),
        ("stability_real_part.md", 7, [.passed, .passed, .partial]),
        ("crash.md", 5, [.failed, .passed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ]

    static let smallRun: [(name: String, value: ParameterValue)] = [
        ("trial_length", .int(60)), ("n_samples", .int(40)), ("gru_epochs", .int(2)), ("node_epochs", .int(2)), ("fp_inits", .int(32)),
        ("fp_iters", .int(10)), ("max_ber", .float(1)), ("check_r2", .bool(false)), ("check_attractors", .bool(false)), ("q_thresh", .float(10)),
        ("arm_iters", .int(2)), ("arm_val_trials", .int(16)), ("check_reaching", .bool(false)),
    ]

    @Test func exampleSubmissionsGetTheirScores() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        #expect(!assignment.hasErrors)
        #expect(assignment.totalPoints == 8)
        var settings = GradingSettings(jobs: 2)
        settings.parameters = Self.smallRun
        let grader = try Grader(assignment: assignment, settings: settings)
        let results = grader.grade(paths: Self.expected.map { Self.examples.appendingPathComponent($0.file).path })
        for (example, result) in zip(Self.expected, results) {
            #expect(result.score == example.score, "\(example.file): \(result.exercises.map { "\($0.exercise) \($0.points) \($0.reason ?? "")" })")
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.file)")
        }
        #expect(results.first { $0.student == "crash" }?.exercise("transition_mask")?.checks.first?.message?.contains("undefined name 'final_msk'") == true)
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        let committed = try String(contentsOf: Self.examples.appendingPathComponent("untouched.md"), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty)
    }
}
