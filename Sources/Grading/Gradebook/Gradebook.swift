import Foundation
import GRDB

/// Where a grading run came from, stored with its results.
public struct RunProvenance: Sendable, Equatable {
    /// The assignment's name (the source notebook's file name).
    public var assignment: String
    /// The assignment's title.
    public var title: String
    /// Its total points.
    public var totalPoints: Double
    /// The rnnbook version that graded.
    public var engineVersion: String
    /// A hash of the source notebook's text.
    public var sourceHash: String
    /// The notebook's seed.
    public var seed: UInt64
    /// The default operation budget of a block.
    public var budgetOperations: Int
    /// The default wall-clock budget of a block, in seconds.
    public var budgetSeconds: Double
    /// Submissions graded at once.
    public var jobs: Int
    /// The shard (`k/n`), when the class was split.
    public var shard: String?
    /// When the run started, ISO 8601.
    public var startedAt: String

    /// Makes provenance.
    public init(
        assignment: String, title: String, totalPoints: Double, engineVersion: String, sourceHash: String, seed: UInt64,
        budgetOperations: Int, budgetSeconds: Double, jobs: Int, shard: String?, startedAt: String
    ) {
        self.assignment = assignment
        self.title = title
        self.totalPoints = totalPoints
        self.engineVersion = engineVersion
        self.sourceHash = sourceHash
        self.seed = seed
        self.budgetOperations = budgetOperations
        self.budgetSeconds = budgetSeconds
        self.jobs = jobs
        self.shard = shard
        self.startedAt = startedAt
    }
}

/// What changed on one exercise between a run and the one before it.
public struct ExerciseChange: Sendable, Equatable {
    /// The exercise id.
    public var exercise: String
    /// Students whose points on it changed.
    public var students: [String]
}

/// The SQLite gradebook: assignments, grading runs with provenance, submissions, exercise and
/// check results. Every write is one transaction, so a grade is never half-written.
///
/// An assignment is known by its name; one name stands for one lab: a run whose title or
/// total points differ from the assignment's of that name is refused rather than mixed in.
/// Several processes may write one gradebook (shards on a shared disk): each waits up to
/// `busyTimeout` for the others' transactions.
public struct Gradebook: Sendable {
    let queue: DatabaseQueue
    /// The file, or nil for an in-memory gradebook; every error names it.
    public let path: String?
    /// How long a write waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating if needed) the gradebook at `path`, migrating it to the current schema.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try GradebookSchema.migrator.migrate(queue)
            self.queue = queue
        } catch let error as DatabaseError {
            throw GradebookError(path: path, error, doing: "cannot open the gradebook")
        }
    }

    /// Opens the gradebook at `path`, first making it whole beside it and renaming it into
    /// place when it does not exist: a process stopped at any moment leaves either no file or
    /// a complete, empty gradebook, never a half-made one.
    public static func create(at path: String) throws -> Gradebook {
        if !FileManager.default.fileExists(atPath: path) {
            let temporary = path + ".rnnbook-new-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            do {
                let queue = try DatabaseQueue(path: temporary)
                try GradebookSchema.migrator.migrate(queue)
                try queue.close()
            } catch let error as DatabaseError {
                throw GradebookError(path: path, error, doing: "cannot create the gradebook")
            }
            // `link` never replaces: a gradebook another process made meanwhile is kept.
            if link(temporary, path) != 0, errno != EEXIST {
                throw GradebookError(path: path, message: "cannot create the gradebook (\(String(cString: strerror(errno)).lowercased()))")
            }
        }
        return try Gradebook(path: path)
    }

    /// Opens the gradebook at `path` for reading only: nothing is created or migrated, and a
    /// file that is missing, not SQLite, or not a gradebook of this schema is an error.
    /// A gradebook left in the middle of a commit is rolled back first (`readOnlyQueue`).
    public init(readingFrom path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw GradebookError(path: path, message: "no such gradebook")
        }
        do {
            let queue = try Self.readOnlyQueue(path)
            // A gradebook of the first version reads too: later versions only add tables.
            let complete = try queue.read { db in
                try db.tableExists("grdb_migrations")
                    && String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v1")
            }
            guard complete else { throw GradebookError(path: path, message: "not an rnnbook gradebook (or one of another version)") }
            self.queue = queue
        } catch let error as DatabaseError {
            throw GradebookError(path: path, error, doing: "cannot read the gradebook")
        }
    }

    /// An in-memory gradebook, for tests.
    public init() throws {
        path = nil
        queue = try DatabaseQueue()
        try GradebookSchema.migrator.migrate(queue)
    }

    /// Runs a database operation, naming the gradebook in any SQLite error.
    func guarded<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw GradebookError(path: path ?? ":memory:", error, doing: doing)
        }
    }

    /// Throws when the gradebook knows an assignment called `name` with another title or
    /// total: two different labs would be mixed under one name.
    public func checkAssignment(_ name: String, title: String, totalPoints: Double) throws {
        try guarded("cannot read the gradebook") {
            try queue.read { db in
                guard let known = try AssignmentRecord.filter(Column("name") == name).fetchOne(db) else { return }
                try Self.check(known, title: title, totalPoints: totalPoints, path: path)
            }
        }
    }

    static func check(_ known: AssignmentRecord, title: String, totalPoints: Double, path: String?) throws {
        guard known.title != title || abs(known.totalPoints - totalPoints) > 1e-9 else { return }
        func points(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) }
        throw GradebookError(path: path ?? ":memory:", message: """
            the gradebook's assignment '\(known.name)' is '\(known.title)' worth \(points(known.totalPoints)) points, \
            but this lab is '\(title)' worth \(points(totalPoints)): a different lab of the same name? \
            Give it its own name with --assignment NAME
            """)
    }

    /// Records a run and its results in one transaction; returns the run's id. Refused when the
    /// gradebook has an assignment of the same name with another title or total.
    @discardableResult
    /// `pagesToken` names the feedback pages the run staged, recorded in the same transaction
    /// (see `run(withPagesToken:)`).
    public func record(_ provenance: RunProvenance, results: [SubmissionResult], pagesToken: String? = nil) throws -> Int64 {
        try guarded("cannot record the run") { try queue.write { db in
            var assignment = try AssignmentRecord.filter(Column("name") == provenance.assignment).fetchOne(db)
                ?? AssignmentRecord(id: nil, name: provenance.assignment, title: provenance.title, totalPoints: provenance.totalPoints)
            try Self.check(assignment, title: provenance.title, totalPoints: provenance.totalPoints, path: path)
            try assignment.save(db)
            guard let assignmentId = assignment.id else { throw DatabaseError(message: "assignment has no id") }
            var run = RunRecord(
                id: nil, assignmentId: assignmentId, startedAt: provenance.startedAt, engineVersion: provenance.engineVersion,
                sourceHash: provenance.sourceHash, seed: Int64(bitPattern: provenance.seed),
                budgetOperations: Int64(provenance.budgetOperations), budgetSeconds: provenance.budgetSeconds,
                jobs: provenance.jobs, shard: provenance.shard, submissionCount: results.count)
            try run.insert(db)
            guard let runId = run.id else { throw DatabaseError(message: "run has no id") }
            for result in results { try Self.insert(result, runId: runId, db: db) }
            if let pagesToken {
                try db.execute(sql: "INSERT INTO feedbackPages (runId, token) VALUES (?, ?)", arguments: [runId, pagesToken])
            }
            return runId
        } }
    }


    static func insert(_ result: SubmissionResult, runId: Int64, db: Database) throws {
        var submission = SubmissionRecord(
            id: nil, runId: runId, student: result.student, file: result.file, fileHash: result.fileHash,
            score: result.score, maxScore: result.maxScore, seconds: result.seconds)
        try submission.insert(db)
        guard let submissionId = submission.id else { throw DatabaseError(message: "submission has no id") }
        for exercise in result.exercises {
            var record = ExerciseRecord(
                id: nil, submissionId: submissionId, exercise: exercise.exercise, status: exercise.status.rawValue,
                points: exercise.points, maxPoints: exercise.maxPoints, reason: exercise.reason, seconds: exercise.seconds)
            try record.insert(db)
            guard let exerciseId = record.id else { throw DatabaseError(message: "exercise result has no id") }
            for check in exercise.checks {
                var checkRecord = CheckRecord(
                    id: nil, exerciseResultId: exerciseId, name: check.name, hidden: check.hidden, passed: check.passed,
                    points: check.points, maxPoints: check.maxPoints, message: check.message)
                try checkRecord.insert(db)
            }
        }
    }

    /// The ids of an assignment's runs, oldest first.
    public func runs(of assignment: String) throws -> [Int64] {
        try guarded("cannot read the gradebook") { try queue.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT gradingRun.id FROM gradingRun JOIN assignment ON assignment.id = gradingRun.assignmentId
                WHERE assignment.name = ? ORDER BY gradingRun.id
                """, arguments: [assignment])
        } }
    }

    /// Points per student and exercise in one run.
    public func points(inRun runId: Int64) throws -> [String: [String: Double]] {
        try guarded("cannot read the gradebook") { try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT submission.student, exerciseResult.exercise, exerciseResult.points
                FROM exerciseResult JOIN submission ON submission.id = exerciseResult.submissionId
                WHERE submission.runId = ? ORDER BY submission.id, exerciseResult.id
                """, arguments: [runId])
            var table: [String: [String: Double]] = [:]
            for row in rows {
                let student: String = row[0]
                let exercise: String = row[1]
                let points: Double = row[2]
                table[student, default: [:]][exercise] = points
            }
            return table
        } }
    }

    /// For each exercise, the students whose points differ between two runs (students in both).
    public func changes(from oldRun: Int64, to newRun: Int64) throws -> [ExerciseChange] {
        try regradeSummary(of: newRun, after: [oldRun]).changes
    }
}
