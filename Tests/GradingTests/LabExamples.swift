import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// A lab of `notebooks/` and its example submissions (`Tests/GradingTests/LabN/`), each
/// with the score and the exercise statuses it must get: the right answers, the mistakes
/// the lab warns about, a crash and the untouched handout.
struct LabExamples: Sendable {
    /// One example submission: a file or folder in the lab's examples folder.
    struct Example: Sendable {
        let file: String
        let score: Double
        let statuses: [ExerciseStatus]
    }

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lab's notebook.
    let source: String
    /// The folder of example submissions.
    let folder: URL
    /// The examples, in the order they are graded.
    let expected: [Example]

    /// `notebook` is a path under `notebooks/`, `examples` a folder beside this file.
    init(notebook: String, examples: String, expected: [(file: String, score: Double, statuses: [ExerciseStatus])]) {
        source = Self.root.appendingPathComponent("notebooks/" + notebook).path
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(examples)
        self.expected = expected.map { Example(file: $0.file, score: $0.score, statuses: $0.statuses) }
    }

    /// The lab as `assign` and `grade` read it.
    func assignment() throws -> Assignment {
        Assignment(try Notebook.load(path: source))
    }

    /// Grades every example with `settings` and checks that the lab has no errors, is worth
    /// `totalPoints`, and that each example gets its score and statuses. Returns the grader
    /// and the results, for the lab's own checks of the messages.
    func grade(totalPoints: Double, settings: GradingSettings,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> (grader: Grader, results: [SubmissionResult]) {
        let assignment = try assignment()
        #expect(!assignment.hasErrors, sourceLocation: sourceLocation)
        #expect(assignment.totalPoints == totalPoints, sourceLocation: sourceLocation)
        let grader = try Grader(assignment: assignment, settings: settings)
        let results = grader.grade(paths: expected.map { folder.appendingPathComponent($0.file).path })
        for (example, result) in zip(expected, results) {
            #expect(result.score == example.score,
                    "\(example.file): \(result.exercises.map { "\($0.exercise) \($0.points) \($0.reason ?? "")" })",
                    sourceLocation: sourceLocation)
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.file)", sourceLocation: sourceLocation)
        }
        return (grader, results)
    }

    /// The result of the example handed in as `student`'s, exercise `exercise`.
    func exercise(_ exercise: String, of student: String, in results: [SubmissionResult],
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> ExerciseResult {
        try #require(results.first { $0.student == student }?.exercise(exercise), sourceLocation: sourceLocation)
    }

    /// Checks that the committed handout (`untouched.md`, or the notebook in a lab folder) is
    /// what `assign` writes, and that it leaks no solution.
    func checkStudentVersion(handout: String = "untouched.md", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let assignment = try assignment()
        let committed = try String(contentsOf: folder.appendingPathComponent(handout), encoding: .utf8)
        #expect(StudentVersion.make(assignment) == committed, sourceLocation: sourceLocation)
        #expect(StudentVersion.leaks(assignment, student: committed).isEmpty, sourceLocation: sourceLocation)
    }
}
