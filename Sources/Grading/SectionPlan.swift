import Notebook
import ScriptRuntime

/// Which of an exercise's blocks grading runs for a submission: a slice of its section.
///
/// The section is every block after the exercise up to its last check (blocks after the
/// last check serve only later exercises, whose state comes from the reference). Of the
/// blocks that are not checks, a submission runs those that (transitively) read a name the
/// exercise defines, since their results depend on the student's code, and those whose
/// names a block that runs, or a check, reads; the rest are skipped. Names of the built-ins
/// (`print`, `len`) that no block of the notebook binds do not make blocks depend on each
/// other. A block whose names cannot be told runs.
struct SectionPlan: Sendable {
    /// One block of the section with its names.
    struct Block: Sendable {
        var cell: CodeCell
        var names: BlockNames?
        var isCheck: Bool
    }

    /// The index of the exercise's block.
    let exerciseCell: Int
    /// The names the reference solution's block binds: those a student's block may define.
    let allowed: Set<String>
    /// The blocks after the exercise up to its last check.
    let blocks: [Block]
    /// Built-in names that no block of the notebook binds.
    let ignorable: Set<String>

    init(exercise: Exercise, assignment: Assignment, ignorable: Set<String>) {
        let cells = assignment.notebook.codeCells
        exerciseCell = exercise.cellIndex
        allowed = cells.first { $0.index == exercise.cellIndex }.flatMap { BlockNames.of($0.code)?.binds } ?? []
        let lastCheck = exercise.checkIndices.max() ?? exercise.cellIndex
        let checkCells = Set(assignment.checks.map(\.cellIndex))
        blocks = cells.filter { $0.index > exercise.cellIndex && $0.index <= lastCheck }.map {
            Block(cell: $0, names: BlockNames.of($0.code), isCheck: checkCells.contains($0.index))
        }
        self.ignorable = ignorable
    }

    /// The blocks to run after a student's block that binds `studentNames`, in order.
    func slice(studentNames: Set<String>) -> [CodeCell] {
        var tainted = allowed.union(studentNames)
        var dependsOnStudent = [Bool](repeating: false, count: blocks.count)
        for (index, block) in blocks.enumerated() where !block.isCheck {
            guard let names = block.names else {
                dependsOnStudent[index] = true
                continue
            }
            if !names.reads.isDisjoint(with: tainted) {
                dependsOnStudent[index] = true
                tainted.formUnion(names.binds)
            }
        }
        var needed = Set<String>()
        var keep = [Bool](repeating: false, count: blocks.count)
        for (index, block) in blocks.enumerated().reversed() {
            let reads = block.names.map { $0.reads.subtracting(ignorable) }
            let runs = block.isCheck || dependsOnStudent[index] || reads.map { !$0.isDisjoint(with: needed) } ?? true
            guard runs else { continue }
            keep[index] = true
            needed.formUnion(reads ?? [])
        }
        return zip(blocks, keep).compactMap { $1 ? $0.cell : nil }
    }
}
