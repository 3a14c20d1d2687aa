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
    static let lab = LabExamples(notebook: "00-eel-project/00-eel-project.md", examples: "Lab0", expected: [
        ("correct", 10, [.passed, .passed, .passed]),
        ("eel_channels_shared", 8, [.partial, .passed, .passed]),
        ("loss_every_step", 7, [.passed, .passed, .failed]),
        ("no_clipping", 8, [.passed, .passed, .partial]),
        ("crash", 7, [.passed, .failed, .passed]),
        ("no_trainer", 7, [.passed, .passed, .missing]),
        ("notebook_only.md", 0, [.missing, .missing, .missing]),
        ("untouched", 0, [.notImplemented, .notImplemented, .notImplemented]),
    ])
    static let modules = ["competency_task_students.py", "models/__init__.py", "models/students_rnn.py", "trainer.py"]

    @Test func exampleSubmissionsGetTheirScores() throws {
        var settings = GradingSettings(jobs: 2)
        settings.parameters = [("num_epochs", .int(1)), ("slides_steps", .int(2))]
        let lab = Self.lab
        let (_, results) = try lab.grade(totalPoints: 10, settings: settings)
        let crash = try lab.exercise("rnn", of: "crash", in: results)
        #expect(crash.checks.first?.message?.contains("undefined name 'activty'") == true, "\(crash.checks)")
        #expect(crash.checks.first?.message?.contains("(students_rnn.py, line 15)") == true, "\(crash.checks)")
        let every = try lab.exercise("train_step", of: "loss_every_step", in: results)
        #expect(every.checks.first?.message?.contains("decision steps") == true, "\(every.checks)")
        let clipping = try lab.exercise("train_step", of: "no_clipping", in: results)
        #expect(clipping.checks.contains { $0.message?.contains("clipped") == true }, "\(clipping.checks)")
        let channels = try lab.exercise("task", of: "eel_channels_shared", in: results)
        #expect(channels.checks.contains { $0.message?.contains("eel2_observe") == true }, "\(channels.checks)")
        let noTrainer = try lab.exercise("train_step", of: "no_trainer", in: results)
        #expect(noTrainer.reason == "the submission has no trainer.py, where exercise 'train_step' is written")
        let alone = try lab.exercise("rnn", of: "notebook_only", in: results)
        #expect(alone.reason?.hasPrefix("exercise 'rnn' is written in models/students_rnn.py, and the submission is a notebook alone") == true)
    }

    /// `untouched/` is what `assign` writes: the student notebook and the stubbed modules.
    @Test func theStudentVersionIsTheOneInTheRepository() throws {
        let lab = Self.lab
        try lab.checkStudentVersion(handout: "untouched/00-eel-project.md")
        let folder = LabExamples.root.appendingPathComponent("notebooks/00-eel-project")
        for module in Self.modules {
            let text = try String(contentsOf: folder.appendingPathComponent(module), encoding: .utf8)
            let (student, problems, leaks) = StudentModules.make(text, file: module)
            #expect(problems.isEmpty && leaks.isEmpty, "\(module)")
            let handedOut = try String(contentsOf: lab.folder.appendingPathComponent("untouched/" + module), encoding: .utf8)
            #expect(student == handedOut, "\(module)")
        }
        let assignment = try lab.assignment()
        #expect(StudentModules.imported(by: assignment.notebook) == Self.modules)
        #expect(assignment.exercises.map { $0.file?.path } == ["competency_task_students.py", "models/students_rnn.py", "trainer.py"])
    }
}
