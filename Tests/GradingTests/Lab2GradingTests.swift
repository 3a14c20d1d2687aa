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
    static let lab = LabExamples(notebook: "02-value-td.md", examples: "Lab2", expected: [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("target_not_detached.md", 7, [.passed, .partial, .passed]),
        ("padding_counted.md", 6, [.passed, .failed, .passed]),
        ("no_packing.md", 8, [.partial, .passed, .passed]),
        ("crash.md", 7, [.passed, .passed, .failed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ])

    @Test func exampleSubmissionsGetTheirScores() throws {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [("max_epochs", .int(5)), ("min_r2", .float(-1e9)), ("max_reward_rpe", .float(1e9))]
        let (grader, results) = try Self.lab.grade(totalPoints: 10, settings: settings)
        // Every value the lab keeps (figures' axes, a BytesIO buffer, models) can be snapshotted,
        // so grading rewinds the reference rather than replaying it.
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let crash = try Self.lab.exercise("rpe", of: "crash", in: results)
        #expect(crash.checks.first?.message?.contains("undefined name 'v'") == true, "\(crash.checks)")
        let detached = try Self.lab.exercise("value_loss", of: "target_not_detached", in: results)
        #expect(detached.checks.contains { $0.message?.contains("detach") == true }, "\(detached.checks)")
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        try Self.lab.checkStudentVersion()
    }
}
