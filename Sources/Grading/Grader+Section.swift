import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

/// What the blocks after a student's exercise block gave.
struct SectionOutcome {
    /// The checks' outcomes, in order.
    var checks: [CheckResult] = []
    /// A block (not a check) that failed with the student's code.
    var problem: String?
    /// A budget overrun or a stub met while the checks ran: the exercise's status.
    var trouble: ExerciseStatus?
    /// What the student's code did that grading undid.
    var notes: [String] = []
}

extension Grader {
    /// The language's built-in names.
    static let builtinNames = Set(ScriptSession.builtinNames)

    /// Runs the sliced section after a student's block, from the instructor's copy.
    ///
    /// Before each block, every global that the student's code rebound while the blocks
    /// before ran (a function the checks call may say `global assert_close`) is put back,
    /// except the names the exercise defines. Each check runs isolated: the names it binds
    /// are its own (a student's function cannot read a check's `weights`), and every other
    /// global it reads is pinned when it starts. Only a check that runs to the end passes;
    /// what anything printed never counts.
    func runSection(_ cells: [CodeCell], plan: SectionPlan, session: ScriptSession) -> SectionOutcome {
        let source = assignment.notebook
        let builtins = Grader.builtinNames
        var outcome = SectionOutcome()
        var baseline = session.globalBindings()
        for cell in cells {
            let changed = session.changedGlobals(since: baseline).filter { !plan.allowed.contains($0) }
            session.restoreGlobals(changed, from: baseline)
            outcome.notes += changed.map {
                builtins.contains($0)
                    ? "your code redefined the built-in '\($0)' while the checks ran; later checks used the built-in"
                    : "your code redefined '\($0)' while the checks ran; later checks used the original"
            }
            let origin = BlockOrigin(file: source.file, line: cell.codeLine, column: cell.fence.column)
            guard let check = assignment.checks.first(where: { $0.cellIndex == cell.index }) else {
                let run = session.run(cell.code, origin: origin, budget: budget(for: cell))
                if let error = run.error, outcome.problem == nil, !cell.options.errorExpected {
                    outcome.problem = "a later block (line \(cell.fence.line)) failed with your code: \(error.message)"
                }
                baseline = session.globalBindings()
                continue
            }
            let run = session.runIsolated(cell.code, origin: origin, budget: budget(for: cell), live: plan.allowed)
            outcome.checks.append(result(of: check, run.error, in: source, trouble: &outcome.trouble))
        }
        return outcome
    }

    /// A check's outcome from the error it stopped with, if any.
    func result(of check: Check, _ error: Diagnostic?, in source: Notebook, trouble: inout ExerciseStatus?) -> CheckResult {
        var message = error?.message
        if let error {
            let (kind, _) = classify(error)
            if kind == .budget || kind == .notImplemented { trouble = trouble ?? kind }
            // An error raised in the student's own code says where, in their file.
            if error.file.name != source.file.name {
                message = "\(error.message) (\((error.file.name as NSString).lastPathComponent), line \(error.range.start.line))"
            }
        }
        let passed = error == nil
        return CheckResult(
            name: check.name, exercise: check.exercise, hidden: !check.hidden.isEmpty, passed: passed,
            points: passed ? check.points : 0, maxPoints: check.points, message: message)
    }
}
