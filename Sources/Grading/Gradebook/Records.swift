import GRDB

/// An assignment known to the gradebook, by name (the source notebook's file name).
struct AssignmentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "assignment"
    var id: Int64?
    var name: String
    var title: String
    var totalPoints: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One grading run, with its provenance.
struct RunRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "gradingRun"
    var id: Int64?
    var assignmentId: Int64
    var startedAt: String
    var engineVersion: String
    var sourceHash: String
    var seed: Int64
    var budgetOperations: Int64
    var budgetSeconds: Double
    var jobs: Int
    var shard: String?
    var submissionCount: Int

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One graded submission in a run.
struct SubmissionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "submission"
    var id: Int64?
    var runId: Int64
    var student: String
    var file: String
    var fileHash: String
    var score: Double
    var maxScore: Double
    var seconds: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One exercise of one graded submission.
struct ExerciseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "exerciseResult"
    var id: Int64?
    var submissionId: Int64
    var exercise: String
    var status: String
    var points: Double
    var maxPoints: Double
    var reason: String?
    var seconds: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One check of one graded exercise.
struct CheckRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "checkResult"
    var id: Int64?
    var exerciseResultId: Int64
    var name: String
    var hidden: Bool
    var passed: Bool
    var points: Double
    var maxPoints: Double
    var message: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
