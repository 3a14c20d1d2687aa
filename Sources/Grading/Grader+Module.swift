import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

extension Grader {
    /// Grades an exercise written in a module (`rnn file=models/rnn.py exercise=rnn`).
    ///
    /// The answer is the submission's copy of that file: a submission without it (a notebook
    /// alone, or a folder lacking the file) has not answered, and scores 0, never the
    /// instructor's module. Otherwise the exercise starts from the reference's state before it
    /// with that one module the student's and every other module the instructor's (replaying
    /// the blocks before it when one of them imported the module), so a mistake in one
    /// module costs its own exercise only; the module is imported (its syntax errors and
    /// top-level errors are the exercise's, with their line in the file), then every block
    /// of the section runs, checks included.
    func gradeModule(_ exercise: Exercise, file: ExerciseFile, at position: Int, of submission: Submission,
                     track: ReferenceTrack) -> ExerciseResult {
        guard let folder = submission.moduleFolder else {
            return unanswered(exercise, .missing,
                              "exercise '\(exercise.id)' is written in \(file.path), and the submission is a notebook alone: "
                              + "hand in the lab's folder (the notebook with its modules)")
        }
        guard let text = StudentModules.text(of: file.path, in: folder) else {
            return unanswered(exercise, .missing, "the submission has no \(file.path), where exercise '\(exercise.id)' is written")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        guard let sourceCell = assignment.notebook.codeCells.first(where: { $0.index == exercise.cellIndex }) else {
            return unanswered(exercise, .error, "internal: exercise block not found")
        }
        // When the reference had not imported the module by then, nothing before the exercise
        // depends on it: the shared state serves, with the student's text for the import to come.
        let module = ShownFile.moduleName(file.path)
        let shared = track.session(before: position)
        let session = shared.hasImported(module) ? states.replayedSession(before: position, replacing: [file.path: text]) : shared
        session.moduleReplacements = [file.path: text]
        defer { session.moduleReplacements = [:] }
        let origin = BlockOrigin(file: assignment.notebook.file, line: sourceCell.fence.line, column: sourceCell.fence.column)
        let imported = session.runIsolated("import " + module, origin: origin, budget: budget(for: sourceCell))
        if let error = imported.error {
            let (status, reason) = classify(error)
            let place = error.file.name == file.path ? "\(error.message) (\(file.path), line \(error.range.start.line))" : reason
            return unanswered(exercise, status, status == .notImplemented ? reason : place, code: text, detail: error.rendered,
                              seconds: elapsed())
        }
        let plan = states.plans[position]
        let section = runSection(plan.blocks.map(\.cell), plan: plan, session: session)
        return score(exercise, section, code: text, seconds: elapsed())
    }
}
