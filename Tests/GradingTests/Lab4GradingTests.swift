import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 4's example submissions and the scores they must get. The lab runs with small
/// parameters (one seed per architecture trained on one batch of 64 trials, 30 targets, 22
/// single trials, no findings asserted) so that grading takes seconds, not the render's minutes.
@Suite struct Lab4GradingTests {
    static let lab = LabExamples(notebook: "04-modularity.md", examples: "Lab4", expected: [
        ("correct.md", 10, [.passed, .passed, .passed]),
        ("actor_missing_relu.md", 7, [.partial, .passed, .passed]),
        ("reward_ignores_stop.md", 8, [.passed, .partial, .passed]),
        ("distance_squared.md", 7, [.passed, .passed, .failed]),
        ("crash.md", 6, [.failed, .passed, .passed]),
        ("untouched.md", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ])

    static let smallRun: [(name: String, value: ParameterValue)] = [
        ("n_seeds", .int(1)), ("n_trials", .int(64)), ("eval_every", .int(64)), ("n_targets", .int(30)), ("n_single", .int(22)),
        ("check_findings", .bool(false)),
    ]

    @Test func exampleSubmissionsGetTheirScores() throws {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = Self.smallRun
        let (_, results) = try Self.lab.grade(totalPoints: 10, settings: settings)
        let crash = try Self.lab.exercise("modular_actor", of: "crash", in: results)
        #expect(crash.checks.first?.message?.contains("undefined name 'ACTON_DIM'") == true, "\(crash.checks)")
        let stop = try Self.lab.exercise("reward", of: "reward_ignores_stop", in: results)
        #expect(stop.checks.last?.message?.contains("a trial that never stops is not rewarded") == true, "\(stop.checks)")
    }

    /// The whole lab, past its last check, runs with two seeds per architecture trained briefly: every
    /// block (the figures, the batched evaluation, the decoding) keeps working; the parameter
    /// counts are PyTorch's.
    @Test func theWholeLabRuns() throws {
        let notebook = try Notebook.load(path: Self.lab.source)
        let parameters = Self.smallRun.map { $0.name == "n_seeds" ? ("n_seeds", ParameterValue.int(2)) : $0 }
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: parameters))
        let failures = run.cells.filter(\.unexpectedFailure).map { "\($0.cell.index): \($0.result.error?.header ?? "")" }
        #expect(!run.failed, "\(failures)")
        var text = ""
        var figures = 0
        for output in run.cells.flatMap(\.result.outputs) {
            if case .text(let printed) = output { text += printed }
            if case .figure = output { figures += 1 }
        }
        #expect(text.contains("HolisticActor 201,082 parameters\nModularActor 199,234 parameters"))
        #expect(text.contains("30 targets, "))
        #expect(figures == 13)
    }

    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        try Self.lab.checkStudentVersion()
    }
}
