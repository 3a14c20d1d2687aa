import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

/// What grading needs to know of the source notebook: how to run its blocks, and for each
/// exercise the plan of its section (`SectionPlan`).
///
/// The reference run itself happens in a `ReferenceTrack`: the source's blocks, with the
/// instructor's solutions, up to the last check (later blocks serve no grade), which proves
/// that every check passes on the reference.
final class ReferenceStates: Sendable {
    let notebook: Notebook
    let settings: GradingSettings
    /// For each exercise: the plan of its section.
    let plans: [SectionPlan]
    /// The indices of the check blocks.
    let checkCells: Set<Int>
    /// The index of the last block a grade depends on (the last check or exercise).
    let lastCell: Int

    init(assignment: Assignment, settings: GradingSettings) {
        notebook = assignment.notebook
        self.settings = settings
        let bound = notebook.codeCells.reduce(into: Set<String>()) { $0.formUnion(BlockNames.of($1.code)?.binds ?? []) }
        let ignorable = Set(ScriptSession.builtinNames).subtracting(bound)
        plans = assignment.exercises.map { SectionPlan(exercise: $0, assignment: assignment, ignorable: ignorable) }
        checkCells = Set(assignment.checks.map(\.cellIndex))
        lastCell = (assignment.checks.map(\.cellIndex) + assignment.exercises.map(\.cellIndex)).max() ?? -1
    }

    /// The budget of a reference block.
    func budget(for cell: CodeCell) -> Budget {
        Budget(
            operations: notebook.frontMatter.operations ?? settings.defaultOperations,
            seconds: cell.options.timeout ?? notebook.frontMatter.timeout ?? settings.defaultSeconds)
    }

    func origin(of cell: CodeCell) -> BlockOrigin {
        BlockOrigin(file: notebook.file, line: cell.codeLine, column: cell.fence.column)
    }

    /// A fresh session with the notebook's seed and parameters, importing the source
    /// folder's modules except those in `replacing` (relative path → text: a student's
    /// answer to an exercise written in a module).
    func freshSession(replacing: [String: String] = [:]) -> ScriptSession {
        let matter = notebook.frontMatter.applying(settings.parameters, file: notebook.file).matter
        let session = ScriptSession(
            seed: matter.seed,
            parameters: Dictionary(matter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
        if let megabytes = matter.memory { session.setMemoryLimit(megabytes: megabytes) }
        // Graded code uses no file: a submission could overwrite the source or the gradebook.
        session.fileAccess = .none
        // Modules (`import models.rnn`) are the instructor's, read from the source's folder.
        session.moduleFolder = ReferenceStates.moduleFolder(of: notebook)
        session.moduleReplacements = replacing
        return session
    }

    /// The folder modules are imported from while grading: the source notebook's.
    static func moduleFolder(of notebook: Notebook) -> FileAccessPolicy {
        let folder = (notebook.file.name as NSString).deletingLastPathComponent
        return .notebook(in: folder.isEmpty ? "." : folder)
    }

    /// Runs a reference block as grading runs it: a check's names stay its own.
    func runReference(_ cell: CodeCell, in session: ScriptSession) -> BlockResult {
        if checkCells.contains(cell.index) {
            return session.runIsolated(cell.code, origin: origin(of: cell), budget: budget(for: cell), pinning: false)
        }
        return session.run(cell.code, origin: origin(of: cell), budget: budget(for: cell))
    }

    /// A fresh session in the state the reference leaves before exercise `position`, made by
    /// replaying the blocks before it; `replacing` as in `freshSession`.
    func replayedSession(before position: Int, replacing: [String: String] = [:]) -> ScriptSession {
        let session = freshSession(replacing: replacing)
        for cell in notebook.codeCells.prefix(plans[position].exerciseCell) {
            _ = runReference(cell, in: session)
        }
        return session
    }
}
