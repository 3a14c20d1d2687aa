import Diagnostics
import Notebook
import ScriptRuntime

/// The sessions the reference solution leaves before each exercise.
///
/// Built once per grading run: the source notebook runs once, all blocks with the
/// instructor's solutions, which proves it runs cleanly. Each grading worker then keeps a
/// `ReferenceTrack`: one session that ran the reference once, with a snapshot before each
/// exercise, rewound for every submission. When some value cannot be snapshotted, a session
/// is made by replaying the reference blocks in a fresh session with the same seed instead;
/// both give the same results.
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
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: settings.parameters, fileAccess: FileAccessPolicy.none))
        let failures = run.cells.filter(\.unexpectedFailure).compactMap(\.result.error)
        if !failures.isEmpty {
            throw GradingError(diagnostics: failures, message: "\(notebook.file.name): the source notebook fails with its own solutions")
        }
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

    /// A fresh session with the notebook's seed and parameters.
    func freshSession() -> ScriptSession {
        let matter = notebook.frontMatter.applying(settings.parameters, file: notebook.file).matter
        let session = ScriptSession(
            seed: matter.seed,
            parameters: Dictionary(matter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
        if let megabytes = matter.memory { session.setMemoryLimit(megabytes: megabytes) }
        // Graded code uses no file: a submission could overwrite the source or the gradebook.
        session.fileAccess = .none
        return session
    }

    /// A fresh session in the state the reference leaves before exercise `position`, made by
    /// replaying the blocks before it.
    func replayedSession(before position: Int) -> ScriptSession {
        let session = freshSession()
        for cell in notebook.codeCells.prefix(sections[position].exerciseCell) {
            _ = session.run(cell.code, origin: origin(of: cell), budget: budget(for: cell))
        }
        return session
    }

    /// The blocks after exercise `position`'s block, up to the next exercise.
    func section(of position: Int) -> [CodeCell] {
        sections[position].rest
    }
}

/// One grading worker's reference session and its snapshots before each exercise.
final class ReferenceTrack {
    let states: ReferenceStates
    private var session: ScriptSession?
    private var snapshots: [SessionSnapshot] = []

    /// Runs the reference once, snapshotting before each exercise (unless `share` is false).
    init(states: ReferenceStates, share: Bool) {
        self.states = states
        guard share else { return }
        let session = states.freshSession()
        var snapshots: [SessionSnapshot] = []
        let exerciseCells = states.sections.map(\.exerciseCell)
        for cell in states.notebook.codeCells {
            if exerciseCells.contains(cell.index) {
                guard let snapshot = try? session.snapshot() else { return }
                snapshots.append(snapshot)
            }
            if snapshots.count == exerciseCells.count { break }
            _ = session.run(cell.code, origin: states.origin(of: cell), budget: states.budget(for: cell))
        }
        self.session = session
        self.snapshots = snapshots
    }

    /// Whether sessions come from snapshots rather than replays.
    var sharesState: Bool { session != nil }

    /// A session in the state the reference leaves before exercise `position`.
    func session(before position: Int) -> ScriptSession {
        if let session, position < snapshots.count, (try? session.restore(snapshots[position])) != nil {
            return session
        }
        return states.replayedSession(before: position)
    }
}
