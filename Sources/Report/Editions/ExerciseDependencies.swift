import Grading
import Notebook

/// Which blocks cannot run before an exercise is done: the exercise's checks, and every block
/// that reads a name the exercise defines (directly, or through a block that does).
enum ExerciseDependencies {
    /// For each waiting block's index, the number (1-based, in notebook order) of the first
    /// exercise it needs.
    static func waiting(_ notebook: Notebook, assignment: Assignment) -> [Int: Int] {
        var numbers: [String: Int] = [:]
        for (position, exercise) in assignment.exercises.enumerated() { numbers[exercise.id] = position + 1 }
        var tainted: [String: Int] = [:]
        var waiting: [Int: Int] = [:]
        for cell in notebook.codeCells {
            let names = BlockNames(code: cell.displayCode)
            if let exercise = assignment.exercise(atCell: cell.index), let number = numbers[exercise.id] {
                for name in names.bound { tainted[name] = min(tainted[name] ?? number, number) }
                continue
            }
            var needs = assignment.checks.first { $0.cellIndex == cell.index }.flatMap { numbers[$0.exercise] }
            for name in names.used {
                if let number = tainted[name] { needs = min(needs ?? number, number) }
            }
            if let needs {
                waiting[cell.index] = needs
                for name in names.bound.subtracting(names.imported) { tainted[name] = min(tainted[name] ?? needs, needs) }
            } else {
                for name in names.fresh { tainted[name] = nil }
            }
        }
        return waiting
    }
}
