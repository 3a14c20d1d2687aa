/// How an exercise came out.
public enum ExerciseStatus: String, Sendable, Codable, Equatable {
    /// Every check passed.
    case passed
    /// Some checks passed.
    case partial
    /// The code ran but a check failed.
    case failed
    /// The code stopped with an error.
    case error
    /// The code ran past its operation or time budget.
    case budget
    /// The stub was left in place (`todo(…)`).
    case notImplemented = "not-implemented"
    /// The submission has no block for this exercise.
    case missing
    /// The submission has more than one block for this exercise.
    case duplicate
    /// The submission could not be read as a notebook at all.
    case unreadable
    /// The grading process running the code died on it (a trap, memory exhausted) or was
    /// killed at the exercise's wall-clock limit.
    case crashed
}

/// The outcome of one check on one submission.
public struct CheckResult: Sendable, Codable, Equatable {
    /// The check's name (`reward.2`).
    public var name: String
    /// The exercise it checks.
    public var exercise: String
    /// Whether the check has hidden tests (its code is not shown to students).
    public var hidden: Bool
    /// Whether it passed.
    public var passed: Bool
    /// Points earned.
    public var points: Double
    /// Points it is worth.
    public var maxPoints: Double
    /// Why it failed, without the check's code.
    public var message: String?
}

/// The outcome of one exercise on one submission.
public struct ExerciseResult: Sendable, Codable, Equatable {
    /// The exercise id.
    public var exercise: String
    /// How it came out.
    public var status: ExerciseStatus
    /// Points earned.
    public var points: Double
    /// Points it is worth.
    public var maxPoints: Double
    /// Why points were lost, in a sentence for the student.
    public var reason: String?
    /// The full error, with the student's line and a caret, when the code stopped.
    public var errorDetail: String?
    /// The student's code for the exercise, as submitted.
    public var studentCode: String?
    /// Its checks' outcomes.
    public var checks: [CheckResult]
    /// Seconds spent running the student's code and the checks.
    public var seconds: Double
}

/// The outcome of grading one submission.
public struct SubmissionResult: Sendable, Codable, Equatable {
    /// The student's id: the front matter's `student:`, else the file name.
    public var student: String
    /// The submission's path.
    public var file: String
    /// A hash of the submission's bytes, for provenance.
    public var fileHash: String
    /// Per-exercise outcomes, in notebook order.
    public var exercises: [ExerciseResult]
    /// Seconds spent on this submission.
    public var seconds: Double

    /// Points earned.
    public var score: Double { exercises.reduce(0) { $0 + $1.points } }
    /// Points available.
    public var maxScore: Double { exercises.reduce(0) { $0 + $1.maxPoints } }

    /// The result of an exercise by id.
    public func exercise(_ id: String) -> ExerciseResult? { exercises.first { $0.exercise == id } }
}
