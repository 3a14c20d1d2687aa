import Notebook

extension StudentVersion {
    /// Why the student version cannot be handed out, one line each: an exercise without
    /// checks (an untouched stub would get its points), or one whose checks give points to
    /// the untouched stub. Grading the stub runs the reference, so this throws a
    /// `GradingError` when the source fails with its own solutions. `modules` is a folder
    /// holding the student versions of the lab's modules, graded with the stub.
    public static func stubProblems(_ assignment: Assignment, student: String, settings: GradingSettings = GradingSettings(),
                                    modules: String? = nil) throws -> [String] {
        var problems = assignment.exercises.filter { $0.checkIndices.isEmpty }.map {
            "exercise '\($0.id)' has no check, so an untouched stub would get its \(points($0.points)) points: add an rnn check=\($0.id) block"
        }
        let checked = assignment.exercises.filter { !$0.checkIndices.isEmpty }
        guard !checked.isEmpty else { return problems }
        let grader = try Grader(assignment: assignment, settings: settings)
        let name = assignment.notebook.file.name
        var stub = Submission(path: name, student: "stub", notebook: Notebook.parse(name: name, text: student),
                              unreadableReason: nil, hash: "")
        stub.moduleFolder = modules
        let result = grader.grade(stub)
        for exercise in checked {
            guard let graded = result.exercise(exercise.id), graded.points > 0 else { continue }
            let passing = graded.checks.filter(\.passed).map(\.name).joined(separator: ", ")
            problems.append("the checks of exercise '\(exercise.id)' give the untouched stub \(points(graded.points)) of \(points(exercise.points)) points (\(passing) passed): make them fail on the stub")
        }
        return problems
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
