import Diagnostics
import Notebook

/// Reads exercises, checks and markers from a notebook, reporting every problem found.
enum AssignmentReader {
    static func read(_ notebook: Notebook) -> Assignment {
        var diagnostics = notebook.diagnostics
        let file = notebook.file
        func error(_ id: String, _ message: String, line: Int, column: Int = 1, length: Int = 1) {
            diagnostics.append(Diagnostic(id: id, message, file: file, range: SourceRange(line: line, column: column, length: length)))
        }
        var exercises: [Exercise] = []
        var checks: [Check] = []
        var declaredPoints: [String: (Double?, SourceLocation)] = [:]
        var checkPoints: [Int: Double?] = [:]
        var hasInvalidPoints = Set<String>()
        var claimed = Set<String>()
        for cell in notebook.codeCells {
            let options = cell.options
            let regions = scanRegions(cell, file: file, diagnostics: &diagnostics)
            if let id = options.exercise, let path = options.file {
                let place = cell.options.locations["exercise"]?.start ?? cell.fence
                guard declaredPoints[id] == nil else {
                    error("duplicate-exercise", "exercise '\(id)' is defined twice", line: place.line, column: place.column, length: 8)
                    continue
                }
                if options.points == nil, options.locations["points"] != nil { hasInvalidPoints.insert(id) }
                declaredPoints[id] = (options.points, place)
                let solutions = moduleSolutions(path, exercise: id, cell: cell, notebook: notebook, diagnostics: &diagnostics)
                claimed.insert(path)
                exercises.append(Exercise(id: id, points: options.points ?? 0, cellIndex: cell.index, solutions: [], checkIndices: [],
                                          file: ExerciseFile(path: path, solutions: solutions)))
            } else if let id = options.exercise {
                let place = cell.options.locations["exercise"]?.start ?? cell.fence
                if declaredPoints[id] != nil {
                    error("duplicate-exercise", "exercise '\(id)' is defined twice", line: place.line, column: place.column, length: 8)
                    continue
                }
                if !regions.hidden.isEmpty {
                    error("hidden-in-exercise", "hidden tests belong in a check block, not in exercise '\(id)'", line: regions.hidden[0].beginLine)
                }
                // A block whose markers are already reported as broken gets no second error.
                if regions.solutions.isEmpty, !regions.troubled {
                    error("no-solution", "exercise '\(id)' has no '### BEGIN SOLUTION' region", line: place.line, column: place.column, length: 8)
                }
                // Invalid points were reported by the notebook parser: do not report them again.
                if options.points == nil, options.locations["points"] != nil { hasInvalidPoints.insert(id) }
                declaredPoints[id] = (options.points, place)
                exercises.append(Exercise(id: id, points: options.points ?? 0, cellIndex: cell.index, solutions: regions.solutions, checkIndices: []))
            } else if let id = options.check {
                let place = cell.options.locations["check"]?.start ?? cell.fence
                if !regions.solutions.isEmpty {
                    error("solution-in-check", "a solution region belongs in an exercise block, not in a check", line: regions.solutions[0].beginLine)
                }
                guard let position = exercises.lastIndex(where: { $0.id == id }) else {
                    let hint = Suggestion.didYouMean(id, in: exercises.map(\.id))
                    let known = declaredPoints[id] == nil
                    error("check-unknown-exercise",
                          known ? "check for unknown exercise '\(id)'\(hint)" : "check for exercise '\(id)' must come after it",
                          line: place.line, column: place.column + 6, length: id.utf8.count)
                    continue
                }
                guard position == exercises.count - 1 else {
                    error("check-out-of-place",
                          "check for exercise '\(id)' must come before the next exercise ('\(exercises[exercises.count - 1].id)')",
                          line: place.line, column: place.column + 6, length: id.utf8.count)
                    continue
                }
                let number = exercises[position].checkIndices.count + 1
                exercises[position].checkIndices.append(cell.index)
                checkPoints[cell.index] = options.points
                checks.append(Check(exercise: id, name: "\(id).\(number)", points: options.points ?? 0, cellIndex: cell.index, hidden: regions.hidden))
            } else if !regions.solutions.isEmpty || !regions.hidden.isEmpty {
                let line = (regions.solutions.first ?? regions.hidden[0]).beginLine
                error("marker-outside-exercise", "grading markers are only read in exercise and check blocks", line: line)
            }
        }
        reportStrayMarkers(notebook, diagnostics: &diagnostics)
        reportUnclaimedModules(notebook, claimed: claimed, diagnostics: &diagnostics)
        // Points: an exercise is worth its checks' points, or its own split among them.
        for index in exercises.indices {
            let exercise = exercises[index]
            let (own, place) = declaredPoints[exercise.id] ?? (nil, SourceLocation(line: 1, column: 1))
            if hasInvalidPoints.contains(exercise.id) { continue }
            let given = exercise.checkIndices.compactMap { checkPoints[$0] ?? nil }
            if exercise.checkIndices.isEmpty {
                if own == nil { error("no-points", "exercise '\(exercise.id)' has no points and no checks", line: place.line, column: place.column) }
                exercises[index].points = own ?? 0
            } else if given.isEmpty {
                guard let own else {
                    error("no-points", "exercise '\(exercise.id)' has no points: give it points=N or give its checks points", line: place.line, column: place.column)
                    continue
                }
                let share = own / Double(exercise.checkIndices.count)
                for checkIndex in checks.indices where checks[checkIndex].exercise == exercise.id { checks[checkIndex].points = share }
                exercises[index].points = own
            } else if given.count < exercise.checkIndices.count {
                error("mixed-check-points", "give every check of exercise '\(exercise.id)' points, or none", line: place.line, column: place.column)
            } else {
                let sum = given.reduce(0, +)
                if let own, abs(own - sum) > 1e-9 {
                    error("points-mismatch",
                          "exercise '\(exercise.id)' is worth \(format(own)) points but its checks add up to \(format(sum))",
                          line: place.line, column: place.column)
                }
                exercises[index].points = sum
            }
        }
        return Assignment(notebook: notebook, exercises: exercises, checks: checks, diagnostics: diagnostics)
    }

    static func format(_ points: Double) -> String {
        // Whole numbers print as ints, if an Int holds them (points=1e300 must not trap).
        if points == points.rounded(), let whole = Int(exactly: points) { return String(whole) }
        return String(points)
    }
}
