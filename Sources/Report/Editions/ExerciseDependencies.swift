import Grading
import Notebook

/// Which blocks cannot run before an exercise is done: the exercise's checks, and every block
/// that reads a name the exercise defines (directly, or through a block that does).
enum ExerciseDependencies {
    /// For each waiting block's index, the number (1-based, in notebook order) of the last
    /// exercise it needs.
    static func waiting(_ notebook: Notebook, assignment: Assignment) -> [Int: Int] {
        var numbers: [String: Int] = [:]
        for (position, exercise) in assignment.exercises.enumerated() { numbers[exercise.id] = position + 1 }
        var tainted: [String: Int] = [:]
        var waiting: [Int: Int] = [:]
        // The notebook's own variables: a method call changes one of them, never a built-in
        // module such as `plt`.
        var defined = Set<String>()
        for cell in notebook.codeCells {
            let names = BlockNames(code: cell.displayCode)
            defer { defined.formUnion(names.bound) }
            let changed = names.bound.union(names.receivers.intersection(defined)).subtracting(names.imported)
            if let exercise = assignment.exercise(atCell: cell.index), let number = numbers[exercise.id] {
                for name in changed { tainted[name] = min(tainted[name] ?? number, number) }
                continue
            }
            var needs = assignment.checks.first { $0.cellIndex == cell.index }.flatMap { numbers[$0.exercise] }
            for name in names.used {
                if let number = tainted[name] { needs = max(needs ?? number, number) }
            }
            if let needs {
                waiting[cell.index] = needs
                for name in changed { tainted[name] = min(tainted[name] ?? needs, needs) }
            } else {
                for name in names.fresh { tainted[name] = nil }
            }
        }
        return waiting
    }
}
