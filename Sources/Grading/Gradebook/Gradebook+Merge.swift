import Foundation
import GRDB

/// Everything one gradebook holds, read in one go so that it can be checked before a merge
/// changes anything.
struct GradebookContents {
    var assignments: [AssignmentRecord]
    var runs: [RunRecord]
    var submissions: [SubmissionRecord]
    var exercises: [ExerciseRecord]
    var checks: [CheckRecord]
}

/// What a merge did.
public struct MergeSummary: Sendable, Equatable {
    /// Runs copied in.
    public var runsAdded: Int
    /// Runs left out because the gradebook held them already.
    public var runsAlreadyPresent: Int
}

extension Gradebook {
    /// Every record, in id order.
    func contents() throws -> GradebookContents {
        try guarded("cannot read the gradebook") {
            try queue.read { db in
                GradebookContents(
                    assignments: try AssignmentRecord.order(Column("id")).fetchAll(db),
                    runs: try RunRecord.order(Column("id")).fetchAll(db),
                    submissions: try SubmissionRecord.order(Column("id")).fetchAll(db),
                    exercises: try ExerciseRecord.order(Column("id")).fetchAll(db),
                    checks: try CheckRecord.order(Column("id")).fetchAll(db))
            }
        }
    }

    /// Copies every assignment, run and result of `others` into this gradebook, in one
    /// transaction. Every input is read in full first, so an unreadable one changes nothing.
    ///
    /// Merging is idempotent: a run this gradebook already holds (the same identity, see
    /// `runIdentity`) is not added again, so merging a shard twice, or merging into a
    /// gradebook that has some of the runs, never duplicates rows. An assignment is matched
    /// by name; one of the same name with another title or total is refused, as in `record`.
    @discardableResult
    public func merge(_ others: [Gradebook]) throws -> MergeSummary {
        let inputs = try others.map { ($0.path ?? ":memory:", try $0.contents()) }
        return try guarded("cannot merge into the gradebook") {
            try queue.write { db in
                let here = try Self.readContents(db)
                var known = Set(Self.runIdentities(here).values)
                var summary = MergeSummary(runsAdded: 0, runsAlreadyPresent: 0)
                for (path, input) in inputs {
                    let identities = Self.runIdentities(input)
                    var assignmentIds: [Int64: Int64] = [:]
                    for var assignment in input.assignments {
                        guard let oldId = assignment.id else { continue }
                        if let existing = try AssignmentRecord.filter(Column("name") == assignment.name).fetchOne(db) {
                            do {
                                try Self.check(existing, title: assignment.title, totalPoints: assignment.totalPoints, path: self.path)
                            } catch let error as GradebookError {
                                throw GradebookError(path: path, message: "cannot merge: \(error.message)")
                            }
                            assignment = existing
                        } else {
                            assignment.id = nil
                            try assignment.insert(db)
                        }
                        assignmentIds[oldId] = assignment.id
                    }
                    var runIds: [Int64: Int64] = [:]
                    for var run in input.runs {
                        guard let oldId = run.id, let assignmentId = assignmentIds[run.assignmentId],
                              let identity = identities[oldId] else { continue }
                        guard known.insert(identity).inserted else {
                            summary.runsAlreadyPresent += 1
                            continue
                        }
                        run.id = nil
                        run.assignmentId = assignmentId
                        try run.insert(db)
                        runIds[oldId] = run.id
                        summary.runsAdded += 1
                    }
                    try Self.copyResults(of: input, runIds: runIds, db: db)
                }
                return summary
            }
        }
    }

    /// Merges one gradebook into this one (see `merge(_:)` for a list).
    @discardableResult
    public func merge(_ other: Gradebook) throws -> MergeSummary {
        try merge([other])
    }

    static func readContents(_ db: Database) throws -> GradebookContents {
        GradebookContents(
            assignments: try AssignmentRecord.fetchAll(db), runs: try RunRecord.fetchAll(db),
            submissions: try SubmissionRecord.fetchAll(db), exercises: [], checks: [])
    }

    /// Copies the submissions, exercise and check results of the runs in `runIds` (old id to new).
    static func copyResults(of input: GradebookContents, runIds: [Int64: Int64], db: Database) throws {
        var submissionIds: [Int64: Int64] = [:]
        for var submission in input.submissions {
            guard let oldId = submission.id, let runId = runIds[submission.runId] else { continue }
            submission.id = nil
            submission.runId = runId
            try submission.insert(db)
            submissionIds[oldId] = submission.id
        }
        var exerciseIds: [Int64: Int64] = [:]
        for var exercise in input.exercises {
            guard let oldId = exercise.id, let submissionId = submissionIds[exercise.submissionId] else { continue }
            exercise.id = nil
            exercise.submissionId = submissionId
            try exercise.insert(db)
            exerciseIds[oldId] = exercise.id
        }
        for var check in input.checks {
            guard let exerciseId = exerciseIds[check.exerciseResultId] else { continue }
            check.id = nil
            check.exerciseResultId = exerciseId
            try check.insert(db)
        }
    }

    /// The identity of each run, by its id: its assignment's name, its whole provenance (start
    /// time, engine, source hash, seed, budgets, jobs, shard) and every submission it graded
    /// (student, file, file hash, score, seconds). A copy of a run has the same identity in
    /// any gradebook; two distinct runs differ at least in their timings.
    static func runIdentities(_ contents: GradebookContents) -> [Int64: String] {
        let names = Dictionary(contents.assignments.compactMap { record in record.id.map { ($0, record.name) } },
                               uniquingKeysWith: { first, _ in first })
        var submissions: [Int64: [String]] = [:]
        for submission in contents.submissions {
            let fields: [String] = [
                submission.student, submission.file, submission.fileHash, "\(submission.score)",
                "\(submission.maxScore)", "\(submission.seconds)",
            ]
            submissions[submission.runId, default: []].append(fields.joined(separator: "\u{1F}"))
        }
        var identities: [Int64: String] = [:]
        for run in contents.runs {
            guard let id = run.id else { continue }
            let fields: [String] = [
                names[run.assignmentId] ?? "", run.startedAt, run.engineVersion, run.sourceHash, "\(run.seed)",
                "\(run.budgetOperations)", "\(run.budgetSeconds)", "\(run.jobs)", run.shard ?? "", "\(run.submissionCount)",
            ]
            identities[id] = (fields + (submissions[id] ?? []).sorted()).joined(separator: "\u{1E}")
        }
        return identities
    }
}
