import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

extension Grader {
    /// Grades one exercise of a submission from the reference state before it.
    func grade(_ exercise: Exercise, at position: Int, of submission: Submission, track: ReferenceTrack) -> ExerciseResult {
        func zero(_ status: ExerciseStatus, _ reason: String, code: String? = nil, detail: String? = nil, seconds: Double = 0) -> ExerciseResult {
            unanswered(exercise, status, reason, code: code, detail: detail, seconds: seconds)
        }
        if let reason = submission.unreadableReason { return zero(.unreadable, reason) }
        guard let studentNotebook = submission.notebook else { return zero(.unreadable, "the submission cannot be read") }
        if let file = exercise.file { return gradeModule(exercise, file: file, at: position, of: submission, track: track) }
        let blocks = submission.blocks(for: exercise.id)
        if blocks.isEmpty {
            // A notebook filled in Jupyter knows its answer cells by their nbgrader metadata,
            // which a copied or new cell lacks.
            if submission.path.lowercased().hasSuffix(".ipynb") {
                return zero(.missing, "no answer cell for '\(exercise.id)' in the notebook (a code cell whose nbgrader metadata has "
                    + "grade_id '\(exercise.id)'; a copied or new cell has none: answer in the cell the handout gave)")
            }
            let stray = submission.strayBlocks(known: Set(assignment.exercises.map(\.id)))
                .map { "the block at line \($0.line) is marked exercise=\($0.exercise), which this lab does not have" }
            return zero(.missing, (["no block marked exercise=\(exercise.id) in the submission"] + stray).joined(separator: "; "))
        }
        if blocks.count > 1 {
            let lines = blocks.map { String($0.fence.line) }.joined(separator: ", ")
            return zero(.duplicate, "the submission has \(blocks.count) blocks marked exercise=\(exercise.id) (lines \(lines))")
        }
        let studentCell = blocks[0]
        guard let sourceCell = assignment.notebook.codeCells.first(where: { $0.index == exercise.cellIndex }) else {
            return zero(.error, "internal: exercise block not found")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        let session = track.session(before: position)
        let plan = states.plans[position]
        let before = session.globalBindings()
        let origin = BlockOrigin(file: studentNotebook.file, line: studentCell.codeLine, column: studentCell.fence.column)
        let result = session.run(studentCell.code, origin: origin, budget: budget(for: sourceCell))
        if let error = result.error {
            let (status, reason) = classify(error)
            return zero(status, reason, code: studentCell.code, detail: error.rendered, seconds: elapsed())
        }
        let cells = plan.slice(studentNames: BlockNames.of(studentCell.code)?.binds ?? [])
        let guardNotes = keepToAllowedNames(session, since: before, plan: plan, cells: cells)
            + undoChangesInPlace(session, reference: track.reference(before: position), plan: plan)
        var section = runSection(cells, plan: plan, session: session)
        section.notes = guardNotes + section.notes
        return score(exercise, section, code: studentCell.code, seconds: elapsed())
    }

    /// The result of an exercise that earned nothing, each check not run for `reason`.
    func unanswered(_ exercise: Exercise, _ status: ExerciseStatus, _ reason: String, code: String? = nil, detail: String? = nil,
                    seconds: Double = 0) -> ExerciseResult {
        let checks = assignment.checks.filter { $0.exercise == exercise.id }
        return ExerciseResult(
            exercise: exercise.id, status: status, points: 0, maxPoints: exercise.points, reason: reason,
            errorDetail: detail, studentCode: code,
            checks: checks.map {
                CheckResult(name: $0.name, exercise: $0.exercise, hidden: !$0.hidden.isEmpty, passed: false,
                            points: 0, maxPoints: $0.points, message: "not run: \(reason)")
            },
            seconds: seconds)
    }

    /// Puts back every global the student's block rebound that the reference solution's
    /// block does not define (built-ins, the instructor's `forward`, …), and drops the new
    /// names it defined that the instructor's blocks read; returns a note for each. Other new
    /// names (the student's own helpers) stay.
    func keepToAllowedNames(_ session: ScriptSession, since before: GlobalBindings, plan: SectionPlan, cells: [CodeCell]) -> [String] {
        let builtins = Grader.builtinNames
        let readLater = cells.reduce(into: Set<String>()) { reads, cell in
            reads.formUnion(plan.blocks.first { $0.cell.index == cell.index }?.names?.reads ?? [])
        }
        var notes: [String] = []
        var restored: [String] = []
        for name in session.changedGlobals(since: before) where !plan.allowed.contains(name) {
            let existed = session.wasBound(name, in: before)
            if builtins.contains(name), existed {
                notes.append("your code redefined the built-in '\(name)'; the checks used the built-in")
            } else if existed {
                // A module's global is held as `module:name` (see ModuleObject).
                let shown = name.replacingOccurrences(of: ":", with: ".")
                notes.append("your code redefined '\(shown)', which this exercise does not define; the checks used the original")
            } else if readLater.contains(name) {
                notes.append("your code defined '\(name)', which this exercise does not define; the checks did not see it")
            } else {
                continue
            }
            restored.append(name)
        }
        session.restoreGlobals(restored, from: before)
        return notes
    }

    /// Puts back the globals the student's block changed in place (`W_in.zero_()`,
    /// `weights.append(…)`, `net.fc.weight.data[:] = 0`) that the reference solution leaves
    /// unchanged and the exercise does not define, from the snapshot before the exercise;
    /// returns a note for each. What the reference solution itself changes (a model it
    /// trains) stays the student's.
    func undoChangesInPlace(_ session: ScriptSession, reference: (snapshot: SessionSnapshot, untouched: Set<String>)?,
                            plan: SectionPlan) -> [String] {
        guard let reference else { return [] }
        let watched = reference.untouched.subtracting(plan.allowed)
        let changed = watched.subtracting(session.globalsUnchanged(since: reference.snapshot, among: watched))
        guard !changed.isEmpty, (try? session.restoreGlobals(changed, from: reference.snapshot)) != nil else { return [] }
        return changed.sorted().map {
            "your code changed '\($0.replacingOccurrences(of: ":", with: "."))' in place, which this exercise does not change; the checks used the original"
        }
    }

    /// Adds up the outcome of an exercise whose student block ran.
    func score(_ exercise: Exercise, _ section: SectionOutcome, code: String, seconds: Double) -> ExerciseResult {
        let outcomes = section.checks
        let checks = assignment.checks.filter { $0.exercise == exercise.id }
        let earned = checks.isEmpty ? exercise.points : outcomes.reduce(0) { $0 + $1.points }
        let allPassed = outcomes.allSatisfy(\.passed)
        var status: ExerciseStatus = allPassed ? .passed : outcomes.contains(where: \.passed) ? .partial : .failed
        if !allPassed, let trouble = section.trouble { status = trouble }
        let failing = outcomes.filter { !$0.passed }
        var reason: String? = failing.isEmpty ? nil : "failed \(failing.map(\.name).joined(separator: ", "))"
        if status == .notImplemented { reason = "not implemented yet" }
        if status == .budget, let first = failing.first?.message { reason = "\(reason ?? ""): \(first)" }
        if let problem = section.problem { reason = [reason, problem].compactMap { $0 }.joined(separator: "; ") }
        if !section.notes.isEmpty {
            var seen = Set<String>()
            reason = ([reason].compactMap { $0 } + section.notes.filter { seen.insert($0).inserted }).joined(separator: "; ")
        }
        return ExerciseResult(
            exercise: exercise.id, status: status, points: earned, maxPoints: exercise.points, reason: reason,
            errorDetail: nil, studentCode: code, checks: outcomes, seconds: seconds)
    }

    /// Tells a stub, a runaway and an ordinary error apart.
    func classify(_ error: Diagnostic) -> (ExerciseStatus, String) {
        // `todo(…)`, or `raise NotImplementedError(…)` as the original labs mark a stub.
        if error.id == "todo" || error.message.contains("student exercise not implemented") {
            return (.notImplemented, "not implemented yet")
        }
        // An error inside an imported module is at a line of that file, not of the notebook.
        let name = error.file.name
        let place = name.hasSuffix(".py") ? "\((name as NSString).lastPathComponent), line \(error.range.start.line)" : "line \(error.range.start.line)"
        if error.message.contains("exceeded its budget") || error.message.contains("maximum recursion depth") {
            return (.budget, "\(error.message) (\(place))")
        }
        if error.id == "memory" || error.message.contains("more than the limit") {
            return (.budget, "\(error.message) (\(place))")
        }
        return (.error, "\(error.message) (\(place))")
    }
}
