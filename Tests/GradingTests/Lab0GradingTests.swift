import Foundation
import ScriptRuntime
import Testing
@testable import Grading
@testable import Notebook

/// Lab 0's example submissions (the eel project), each a folder as students hand it in (the
/// notebook with its modules), and the scores they must get: the right answers, the mistakes
/// the lab warns about (eel 2 on eel 1's channels, the slides' loss on every step, no gradient
/// clipping), a crash, a folder without `trainer.py`, the notebook handed in alone, and the
/// untouched handout. Each exercise is graded from its own module, the others being the
/// instructor's, so the crash in `RNNNet` costs the trainer's exercise nothing. Grading stops
/// at the last check, before any training, so it takes seconds in debug.
@Suite struct Lab0GradingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = root.appendingPathComponent("notebooks/00-eel-project/00-eel-project.md").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lab0")
    static let modules = ["competency_task_students.py", "models/__init__.py", "models/students_rnn.py", "trainer.py"]

    static let expected: [(file: String, score: Double, statuses: [ExerciseStatus])] = [
        ("correct", 10, [.passed, .passed, .passed]),
        ("eel_channels_shared", 8, [.partial, .passed, .passed]),
        ("loss_every_step", 7, [.passed, .passed, .failed]),
        ("no_clipping", 8, [.passed, .passed, .partial]),
        ("crash", 7, [.passed, .failed, .passed]),
        ("no_trainer", 7, [.passed, .passed, .missing]),
        ("notebook_only.md", 0, [.missing, .missing, .missing]),
        ("untouched", 0, [.notImplemented, .notImplemented, .notImplemented]),
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
        #expect(crash.checks.first?.message?.contains("(students_rnn.py, line 15)") == true, "\(crash.checks)")
        let every = try #require(results.first { $0.student == "loss_every_step" }?.exercise("train_step"))
        #expect(every.checks.first?.message?.contains("decision steps") == true, "\(every.checks)")
        let clipping = try #require(results.first { $0.student == "no_clipping" }?.exercise("train_step"))
        #expect(clipping.checks.contains { $0.message?.contains("clipped") == true }, "\(clipping.checks)")
        let channels = try #require(results.first { $0.student == "eel_channels_shared" }?.exercise("task"))
        #expect(channels.checks.contains { $0.message?.contains("eel2_observe") == true }, "\(channels.checks)")
        let noTrainer = try #require(results.first { $0.student == "no_trainer" }?.exercise("train_step"))
        #expect(noTrainer.reason == "the submission has no trainer.py, where exercise 'train_step' is written")
        let alone = try #require(results.first { $0.student == "notebook_only" }?.exercise("rnn"))
        #expect(alone.reason?.hasPrefix("exercise 'rnn' is written in models/students_rnn.py, and the submission is a notebook alone") == true)
    }

    /// `untouched/` is what `assign` writes: the student notebook and the stubbed modules.
    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let assignment = Assignment(try Notebook.load(path: Self.source))
        let committed = try String(contentsOf: Self.examples.appendingPathComponent("untouched/00-eel-project.md"), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty)
        let lab = Self.root.appendingPathComponent("notebooks/00-eel-project")
        for module in Self.modules {
            let text = try String(contentsOf: lab.appendingPathComponent(module), encoding: .utf8)
            let (student, problems, leaks) = StudentModules.make(text, file: module)
            #expect(problems.isEmpty && leaks.isEmpty, "\(module)")
            let handedOut = try String(contentsOf: Self.examples.appendingPathComponent("untouched/" + module), encoding: .utf8)
            #expect(student == handedOut, "\(module)")
        }
        #expect(StudentModules.imported(by: assignment.notebook) == Self.modules)
        #expect(assignment.exercises.map { $0.file?.path } == ["competency_task_students.py", "models/students_rnn.py", "trainer.py"])
    }
}
