import Diagnostics
import Notebook
import ScriptRuntime

/// The sessions the reference solution leaves before each exercise.
///
/// Built once per grading run: the source notebook runs once, all blocks with the
/// instructor's solutions, which also proves it runs cleanly. A session for an exercise is
/// then made by replaying the reference blocks before it in a fresh session with the same
/// seed, so runs are repeatable and sessions are never shared between submissions.
final class ReferenceStates: Sendable {
    let notebook: Notebook
    let settings: GradingSettings
    /// For each exercise: the index of its block, and the blocks of its section after it.
    let sections: [(exerciseCell: Int, rest: [CodeCell])]

    init(assignment: Assignment, settings: GradingSettings) throws {
        notebook = assignment.notebook
        self.settings = settings
        let cells = notebook.codeCells
        var sections: [(Int, [CodeCell])] = []
        for (position, exercise) in assignment.exercises.enumerated() {
            let end = position + 1 < assignment.exercises.count ? assignment.exercises[position + 1].cellIndex : cells.count
            sections.append((exercise.cellIndex, Array(cells[(exercise.cellIndex + 1)..<end])))
        }
        self.sections = sections
        // The reference must run cleanly, or no grade would mean anything.
        let run = NotebookRunner.run(notebook, settings: RunSettings())
        let failures = run.cells.filter(\.unexpectedFailure).compactMap(\.result.error)
        if !failures.isEmpty {
            throw GradingError(diagnostics: failures, message: "\(notebook.file.name): the source notebook fails with its own solutions")
        }
    }

    /// A fresh session in the state the reference leaves before exercise `position`.
    func session(before position: Int) -> ScriptSession {
        let session = ScriptSession(
            seed: notebook.frontMatter.seed,
            parameters: Dictionary(notebook.frontMatter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
        let limit = sections[position].exerciseCell
        for cell in notebook.codeCells.prefix(limit) {
            _ = session.run(
                cell.code, origin: BlockOrigin(file: notebook.file, line: cell.codeLine, column: cell.fence.column),
                budget: Budget(
                    operations: notebook.frontMatter.operations ?? settings.defaultOperations,
                    seconds: cell.options.timeout ?? notebook.frontMatter.timeout ?? settings.defaultSeconds))
        }
        return session
    }

    /// The blocks after exercise `position`'s block, up to the next exercise.
    func section(of position: Int) -> [CodeCell] {
        sections[position].rest
    }
}
