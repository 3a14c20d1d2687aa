import Foundation
import Grading
import Notebook

/// Which blocks cannot run before an exercise is done: the exercise's checks, and every block
/// that reads a name the exercise defines (directly, or through a block that does).
enum ExerciseDependencies {
    /// For each waiting block's index, the number (1-based, in notebook order) of the last
    /// exercise it needs.
    /// `userModules` are the top-level names of the notebook's own modules (`.py` files):
    /// their functions may change their state, so a call counts as a change, as on a
    /// variable; a built-in module (`torch`, `np`, `plt`) is never changed by its calls.
    static func waiting(_ notebook: Notebook, assignment: Assignment, userModules: Set<String> = []) -> [Int: Int] {
        var numbers: [String: Int] = [:]
        for (position, exercise) in assignment.exercises.enumerated() { numbers[exercise.id] = position + 1 }
        var tainted: [String: Int] = [:]
        var waiting: [Int: Int] = [:]
        // The notebook's own variables: a method call changes one of them, never a built-in
        // module such as `plt`, whether imported (`torch.rand(3)`) or built in.
        var defined = Set<String>()
        var builtinModules = Set<String>()
        for cell in notebook.codeCells {
            let names = BlockNames(code: cell.displayCode)
            defer {
                defined.formUnion(names.bound)
                builtinModules.subtract(names.bound)
                builtinModules.formUnion(names.importRoots.filter { $0.value != "." && !userModules.contains($0.value) }.keys)
            }
            let changed = names.bound.union(names.receivers.intersection(defined).subtracting(builtinModules))
                .subtracting(names.imported)
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

    /// The top-level names of the notebook's own modules among the files a run imported (as
    /// `import` finds them: `models/rnn.py` gives `models`, `trainer.py` gives `trainer`).
    /// A file outside the notebook's folder counts by every folder on its path, so that a
    /// module is never taken for a built-in one.
    static func userModules(_ run: NotebookRun) -> Set<String> {
        let folder = URL(fileURLWithPath: run.notebook.file.name).deletingLastPathComponent().resolvingSymlinksInPath().path
        var roots = Set<String>()
        for path in run.importedFiles.keys where path.hasSuffix(".py") {
            let inside = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
            let parts = inside.split(separator: "/").map { $0.hasSuffix(".py") ? String($0.dropLast(3)) : String($0) }
            if inside == path { roots.formUnion(parts) } else if let first = parts.first { roots.insert(first) }
        }
        return roots
    }
}
