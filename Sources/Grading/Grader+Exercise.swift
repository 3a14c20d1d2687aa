import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

extension Grader {
    /// Grades one exercise of a submission from the reference state before it.
    func grade(_ exercise: Exercise, at position: Int, of submission: Submission, track: ReferenceTrack) -> ExerciseResult {
        let checks = assignment.checks.filter { $0.exercise == exercise.id }
        func zero(_ status: ExerciseStatus, _ reason: String, code: String? = nil, detail: String? = nil, seconds: Double = 0) -> ExerciseResult {
            ExerciseResult(
                exercise: exercise.id, status: status, points: 0, maxPoints: exercise.points, reason: reason,
                errorDetail: detail, studentCode: code,
                checks: checks.map {
                    CheckResult(name: $0.name, exercise: $0.exercise, hidden: !$0.hidden.isEmpty, passed: false,
                                points: 0, maxPoints: $0.points, message: "not run: \(reason)")
                },
                seconds: seconds)
        }
        if let reason = submission.unreadableReason { return zero(.unreadable, reason) }
        guard let studentNotebook = submission.notebook else { return zero(.unreadable, "the submission cannot be read") }
        let blocks = submission.blocks(for: exercise.id)
        if blocks.isEmpty { return zero(.missing, "no block marked exercise=\(exercise.id) in the submission") }
        if blocks.count > 1 {
            let lines = blocks.map { String($0.fence.line) }.joined(separator: ", ")
            return zero(.duplicate, "the submission has \(blocks.count) blocks marked exercise=\(exercise.id) (lines \(lines))")
        }
        let studentCell = blocks[0]
        let source = assignment.notebook
        guard let sourceCell = source.codeCells.first(where: { $0.index == exercise.cellIndex }) else {
            return zero(.error, "internal: exercise block not found")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        let session = track.session(before: position)
        let origin = BlockOrigin(file: studentNotebook.file, line: studentCell.codeLine, column: studentCell.fence.column)
        var builtins = session.builtinBindings()
        let result = session.run(studentCell.code, origin: origin, budget: budget(for: sourceCell))
        if let error = result.error {
            let (status, reason) = classify(error)
            return zero(status, reason, code: studentCell.code, detail: error.rendered, seconds: elapsed())
        }
        // The checks call the language's helpers (assert_close, full, …): a student's block
        // that rebinds one gets it back before any check runs, and is told so.
        var notes = session.restoreBuiltins(builtins).map {
            "your code redefined the built-in '\($0)'; the checks used the built-in"
        }
        // The rest of the exercise's section, from the instructor's copy.
        var outcomes: [CheckResult] = []
        var sectionProblem: String?
        var checkTrouble: ExerciseStatus?
        for cell in states.section(of: position) {
            let isCheck = assignment.checks.contains { $0.cellIndex == cell.index }
            // A student's function the checks call may rebind a helper (`global`): each
            // check starts with the helpers as they were.
            if isCheck {
                notes += session.restoreBuiltins(builtins).map {
                    "your code redefined the built-in '\($0)' while the checks ran; later checks used the built-in"
                }
            }
            defer { if !isCheck { builtins = session.builtinBindings() } }
            let run = session.run(
                cell.code, origin: BlockOrigin(file: source.file, line: cell.codeLine, column: cell.fence.column),
                budget: budget(for: cell))
            guard let check = assignment.checks.first(where: { $0.cellIndex == cell.index }) else {
                if let error = run.error, sectionProblem == nil, !cell.options.errorExpected {
                    sectionProblem = "a later block (line \(cell.fence.line)) failed with your code: \(error.message)"
                }
                continue
            }
            let passed = run.error == nil
            var message = run.error?.message
            if let error = run.error {
                let (kind, _) = classify(error)
                if kind == .budget || kind == .notImplemented { checkTrouble = checkTrouble ?? kind }
                // An error raised in the student's own code says where, in their file.
                if error.file.name != source.file.name {
                    message = "\(error.message) (\((error.file.name as NSString).lastPathComponent), line \(error.range.start.line))"
                }
            }
            outcomes.append(CheckResult(
                name: check.name, exercise: check.exercise, hidden: !check.hidden.isEmpty, passed: passed,
                points: passed ? check.points : 0, maxPoints: check.points, message: message))
        }
        let earned = checks.isEmpty ? exercise.points : outcomes.reduce(0) { $0 + $1.points }
        let allPassed = outcomes.allSatisfy(\.passed)
        var status: ExerciseStatus = allPassed ? .passed : outcomes.contains(where: \.passed) ? .partial : .failed
        if !allPassed, let checkTrouble { status = checkTrouble }
        let failing = outcomes.filter { !$0.passed }
        var reason: String? = failing.isEmpty ? nil : "failed \(failing.map(\.name).joined(separator: ", "))"
        if status == .notImplemented { reason = "not implemented yet" }
        if status == .budget, let first = failing.first?.message { reason = "\(reason ?? ""): \(first)" }
        if let sectionProblem { reason = [reason, sectionProblem].compactMap { $0 }.joined(separator: "; ") }
        if !notes.isEmpty {
            var seen = Set<String>()
            reason = ([reason].compactMap { $0 } + notes.filter { seen.insert($0).inserted }).joined(separator: "; ")
        }
        return ExerciseResult(
            exercise: exercise.id, status: status, points: earned, maxPoints: exercise.points, reason: reason,
            errorDetail: nil, studentCode: studentCell.code, checks: outcomes, seconds: elapsed())
    }

    /// Tells a stub, a runaway and an ordinary error apart.
    func classify(_ error: Diagnostic) -> (ExerciseStatus, String) {
        // `todo(…)`, or `raise NotImplementedError(…)` as the original labs mark a stub.
        if error.id == "todo" || error.message.contains("student exercise not implemented") {
            return (.notImplemented, "not implemented yet")
        }
        if error.message.contains("exceeded its budget") || error.message.contains("maximum recursion depth") {
            return (.budget, "\(error.message) (line \(error.range.start.line))")
        }
        if error.id == "memory" || error.message.contains("more than the limit") {
            return (.budget, "\(error.message) (line \(error.range.start.line))")
        }
        return (.error, "\(error.message) (line \(error.range.start.line))")
    }
}
