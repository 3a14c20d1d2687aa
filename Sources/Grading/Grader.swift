import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

/// Settings of a grading run.
public struct GradingSettings: Sendable {
    /// Submissions graded at once.
    public var jobs = 1
    /// The default operation budget of a block when the front matter sets none.
    public var defaultOperations = 50_000_000
    /// The default wall-clock budget of a block, in seconds, when the front matter sets none.
    public var defaultSeconds: Double = 60
    /// Whether each worker runs the reference once and rewinds it by snapshots, rather than
    /// replaying the blocks before each exercise for each submission. Results are the same.
    public var shareState = true
    /// Parameter overrides (`-p key=value`), applied over the source's front matter `params`.
    public var parameters: [(name: String, value: ParameterValue)] = []

    /// Makes default settings.
    public init(jobs: Int = 1) {
        self.jobs = max(1, jobs)
    }
}

/// A source notebook that cannot be graded: markup errors, or a reference block that fails.
public struct GradingError: Error, CustomStringConvertible {
    /// The diagnostics that explain why.
    public var diagnostics: [Diagnostic]
    /// A one-line summary.
    public var message: String
    public var description: String { ([message] + diagnostics.map(\.rendered)).joined(separator: "\n") }
}

/// Grades submissions against an instructor's notebook.
///
/// Each exercise is graded in isolation: the session is brought to the state the reference
/// solution leaves just before the exercise, the student's block runs in place of the
/// solution, then the slice of the exercise's section its checks need (`SectionPlan`), and
/// the checks. So a mistake in one exercise never costs points in another, and every other
/// block, checks included, comes from the instructor's copy.
public final class Grader: Sendable {
    /// The assignment being graded.
    public let assignment: Assignment
    /// The run's settings.
    public let settings: GradingSettings
    let states: ReferenceStates
    let tracks: TrackPool

    /// Validates the source notebook and runs it once; throws when it cannot be graded.
    public init(assignment: Assignment, settings: GradingSettings = GradingSettings()) throws {
        try Self.checkMarkup(assignment)
        self.assignment = assignment
        self.settings = settings
        let states = ReferenceStates(assignment: assignment, settings: settings)
        // Each worker needs a reference session of its own: they run side by side, and the
        // first proves that the reference runs cleanly, or no grade would mean anything.
        let tracks = TrackPool(states: states, count: settings.jobs)
        if let failures = tracks.failures {
            throw GradingError(
                diagnostics: failures,
                message: "\(assignment.notebook.file.name): the source notebook fails with its own solutions")
        }
        self.states = states
        self.tracks = tracks
    }

    /// Throws when the source's markup has errors, before anything runs.
    public static func checkMarkup(_ assignment: Assignment) throws {
        guard !assignment.hasErrors else {
            throw GradingError(
                diagnostics: assignment.diagnostics.filter { $0.severity == .error },
                message: "\(assignment.notebook.file.name): the source notebook has errors")
        }
    }

    /// The budget of a block, from its options, the front matter, then the settings.
    func budget(for cell: CodeCell) -> Budget {
        states.budget(for: cell)
    }

    /// Grades submission files, `settings.jobs` at a time; results are in the order given
    /// and identical whatever the number of jobs. Each student id is the submission's own
    /// (`Submission.load`); `grade(_ roster:)` gives ids resolved across the class.
    public func grade(paths: [String], progress: (@Sendable (SubmissionResult) -> Void)? = nil) -> [SubmissionResult] {
        grade(count: paths.count, progress: progress) { Submission.load(path: paths[$0]) }
    }

    /// Grades a roster's submissions, each under its resolved student id, `settings.jobs` at
    /// a time; results are in the roster's order.
    public func grade(_ roster: Roster, progress: (@Sendable (SubmissionResult) -> Void)? = nil) -> [SubmissionResult] {
        let entries = roster.entries
        return grade(count: entries.count, progress: progress) { index in
            var submission = Submission.load(path: entries[index].path)
            submission.student = entries[index].student
            return submission
        }
    }

    func grade(count: Int, progress: (@Sendable (SubmissionResult) -> Void)?, load: @Sendable (Int) -> Submission) -> [SubmissionResult] {
        let results = ResultSlots(count: count)
        let next = ResultSlots(count: 0)
        DispatchQueue.concurrentPerform(iterations: min(settings.jobs, max(count, 1))) { _ in
            let track = tracks.take()
            defer { tracks.give(track) }
            while let index = next.claim(below: count) {
                let result = grade(load(index), track: track)
                results.store(result, at: index)
                progress?(result)
            }
        }
        return results.values
    }

    /// Grades one submission.
    public func grade(_ submission: Submission) -> SubmissionResult {
        let track = tracks.take()
        defer { tracks.give(track) }
        return grade(submission, track: track)
    }

    func grade(_ submission: Submission, track: ReferenceTrack) -> SubmissionResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let exercises = assignment.exercises.enumerated().map { position, exercise in
            grade(exercise, at: position, of: submission, track: track)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return SubmissionResult(
            student: submission.student, file: submission.path, fileHash: submission.hash, exercises: exercises,
            seconds: seconds)
    }
}

/// Result slots filled from several threads.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SubmissionResult?]
    private var counter = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: SubmissionResult, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    /// The next unclaimed index below `limit`, or nil when all are claimed.
    func claim(below limit: Int) -> Int? {
        lock.withLock {
            guard counter < limit else { return nil }
            counter += 1
            return counter - 1
        }
    }

    var values: [SubmissionResult] { lock.withLock { slots.compactMap { $0 } } }

    /// How many indices were claimed.
    var claimed: Int { lock.withLock { counter } }
}
