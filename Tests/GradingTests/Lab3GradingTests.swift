import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 3's example submissions and the scores they must get. The lab runs with small
/// parameters (40 trials of 60 steps, two epochs per model, a short fixed-point search, two
/// batches of arm training on 16 validation trials, no performance asserts) so that grading takes seconds in debug.
@Suite struct Lab3GradingTests {
    static let lab = LabExamples(notebook: "03-comparing-networks.md", examples: "Lab3", expected: [
        ("correct.md", 8, [.passed, .passed, .passed]),
        ("mask_off_by_one.md", 5, [.failed, .passed, .passed]),
        ("r2_swapped.md", 7, [.passed, .partial, .passed]),
        ("stability_real_part.md", 7, [.passed, .passed, .partial]),
        ("crash.md", 5, [.failed, .passed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ])

    static let smallRun: [(name: String, value: ParameterValue)] = [
        ("trial_length", .int(60)), ("n_samples", .int(40)), ("gru_epochs", .int(2)), ("node_epochs", .int(2)), ("fp_inits", .int(32)),
        ("fp_iters", .int(10)), ("max_ber", .float(1)), ("check_r2", .bool(false)), ("check_attractors", .bool(false)), ("q_thresh", .float(10)),
        ("arm_iters", .int(2)), ("arm_val_trials", .int(16)), ("check_reaching", .bool(false)),
    ]

    @Test func exampleSubmissionsGetTheirScores() throws {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = Self.smallRun
        let (_, results) = try Self.lab.grade(totalPoints: 8, settings: settings)
        let crash = try Self.lab.exercise("transition_mask", of: "crash", in: results)
        #expect(crash.checks.first?.message?.contains("undefined name 'final_msk'") == true, "\(crash.checks)")
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        try Self.lab.checkStudentVersion()
    }
}
