import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 1's example submissions and the scores they must get. The lab runs with small
/// parameters (a short training, few test trials) so that grading takes seconds in debug.
@Suite struct Lab1GradingTests {
    static let lab = LabExamples(notebook: "01-rnn-cognitive-tasks.md", examples: "Lab1", expected: [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("leak_forgotten.md", 7, [.failed, .passed, .passed]),
        ("accuracy_counts.md", 8, [.passed, .failed, .passed]),
        ("bptt_no_recurrence.md", 5, [.passed, .passed, .failed]),
        ("crash.md", 7, [.failed, .passed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ])

    @Test func exampleSubmissionsGetTheirScores() throws {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [
            ("train_steps", .int(60)), ("test_trials", .int(20)), ("bptt_steps", .int(5)), ("min_accuracy", .float(0)),
            ("hidden_size", .int(32)), ("step_train_steps", .int(20)),
        ]
        let (grader, results) = try Self.lab.grade(totalPoints: 10, settings: settings)
        // The reference trained a network, and grading still rewinds it rather than replaying.
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let crash = try Self.lab.exercise("leaky_step", of: "crash", in: results)
        #expect(crash.checks.first?.message?.contains("undefined name 'totl'") == true, "\(crash.checks)")
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        try Self.lab.checkStudentVersion()
    }
}
