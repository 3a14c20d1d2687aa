import Foundation

/// How a run's grades compare with each of its students' latest grade before it.
public struct RegradeSummary: Sendable, Equatable {
    /// For each exercise, the students whose points differ from their latest earlier grade.
    public var changes: [ExerciseChange]
    /// The run's students that no earlier run graded, sorted.
    public var firstGraded: [String]
    /// The runs holding the latest earlier grades of the other students, oldest first.
    public var comparedRuns: [Int64]
}

extension Gradebook {
    /// Compares `newRun` with the runs before it: each student against their own latest
    /// earlier grade, so a batch of late submissions graded alone is not compared with a run
    /// that graded other students.
    public func regradeSummary(of newRun: Int64, after earlier: [Int64]) throws -> RegradeSummary {
        var latest: [String: (run: Int64, points: [String: Double])] = [:]
        for run in earlier.sorted() {
            for (student, points) in try points(inRun: run) { latest[student] = (run, points) }
        }
        var byExercise: [String: [String]] = [:]
        var firstGraded: [String] = []
        var compared = Set<Int64>()
        let new = try points(inRun: newRun)
        for student in new.keys.sorted() {
            guard let before = latest[student], let after = new[student] else {
                firstGraded.append(student)
                continue
            }
            compared.insert(before.run)
            for (exercise, points) in after where before.points[exercise] != points {
                byExercise[exercise, default: []].append(student)
            }
        }
        return RegradeSummary(
            changes: byExercise.keys.sorted().map { ExerciseChange(exercise: $0, students: byExercise[$0] ?? []) },
            firstGraded: firstGraded, comparedRuns: compared.sorted())
    }
}
