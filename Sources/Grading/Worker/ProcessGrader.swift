import Foundation
import Notebook

/// How grading worker processes are started and limited.
public struct WorkerSettings: Sendable {
    /// The worker's command: the executable, then its arguments (`rnnbook grade-worker …`).
    public var command: [String]
    /// The hard wall-clock limit of one exercise, in seconds; nil means the exercise's block
    /// budgets added up, plus 10 s. A worker over it is killed.
    public var exerciseSeconds: Double?
    /// The folder workers run in (a scratch folder).
    public var folder: URL?
    /// Extra environment variables for the workers.
    public var environment: [String: String] = [:]
    /// Whether one `grade-worker --zygote` runs the reference once and every worker is forked
    /// from it (the default), rather than each worker started afresh running its own.
    /// Forked workers use one BLAS thread each.
    public var forking = true

    /// Makes settings for a worker command.
    public init(command: [String], exerciseSeconds: Double? = nil, folder: URL? = nil) {
        self.command = command
        self.exerciseSeconds = exerciseSeconds
        self.folder = folder
    }
}

/// Grades submissions in `grade-worker` child processes, `settings.jobs` at once.
///
/// The reference runs once, in a zygote process, and each worker is forked from it (or, with
/// `forking` off, each worker runs the reference itself); a worker grades one submission
/// after another. A worker
/// that dies (a trap, memory exhausted under its limit) or runs an exercise past its wall
/// clock (and is killed) costs that submission the exercise it was on, recorded as
/// `crashed` with how the worker ended; a fresh worker grades the rest.
public final class ProcessGrader: Sendable {
    /// The assignment being graded.
    public let assignment: Assignment
    /// The run's settings (jobs, budgets, parameters).
    public let settings: GradingSettings
    /// How workers start.
    public let worker: WorkerSettings
    let states: ReferenceStates
    private let referenceCount = ResultSlots(count: 0)

    /// How many processes have run the reference so far: one (the zygote) when workers are
    /// forked, one per worker started otherwise.
    public var referenceRuns: Int { referenceCount.claimed }

    /// Makes a grader; nothing runs until `grade`.
    public init(assignment: Assignment, settings: GradingSettings, worker: WorkerSettings) throws {
        try Grader.checkMarkup(assignment)
        self.assignment = assignment
        self.settings = settings
        self.worker = worker
        states = ReferenceStates(assignment: assignment, settings: settings)
    }

    /// How long a worker may take between exercises, in seconds.
    static let idleSeconds: Double = 120

    /// The wall-clock limit of exercise `position`.
    func deadline(of position: Int) -> Double {
        if let seconds = worker.exerciseSeconds { return seconds }
        let plan = states.plans[position]
        let cells = assignment.notebook.codeCells.filter { $0.index == plan.exerciseCell } + plan.blocks.map(\.cell)
        return cells.reduce(10) { $0 + states.budget(for: $1).seconds }
    }

    /// Grades a roster's submissions; results are in the roster's order. Throws when a worker
    /// cannot start or the source fails with its own solutions.
    public func grade(_ roster: Roster, progress: (@Sendable (SubmissionResult) -> Void)? = nil) throws -> [SubmissionResult] {
        signal(SIGPIPE, SIG_IGN)
        let entries = roster.entries
        let results = ResultSlots(count: entries.count)
        let next = ResultSlots(count: 0)
        let failure = FailureBox()
        let zygote = try worker.forking ? startZygote() : nil
        defer { zygote?.finish() }
        // One thread per job, however many cores: each mostly waits on its worker.
        let group = DispatchGroup()
        for _ in 0..<min(settings.jobs, max(entries.count, 1)) {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                var current: WorkerProcess?
                while failure.error == nil, let index = next.claim(below: entries.count) {
                    do {
                        let result = try grade(entries[index], worker: &current, zygote: zygote)
                        results.store(result, at: index)
                        progress?(result)
                    } catch {
                        failure.set(error)
                    }
                }
                current?.kill()
            }
        }
        group.wait()
        if let error = failure.error { throw error }
        return results.values
    }

    /// Grades one submission, starting workers as needed.
    func grade(_ entry: Roster.Entry, worker current: inout WorkerProcess?, zygote: WorkerZygote?) throws -> SubmissionResult {
        var submission = Submission.load(path: entry.path)
        submission.student = entry.student
        let start = Date()
        var exercises: [ExerciseResult] = []
        while exercises.count < assignment.exercises.count {
            let worker = try current ?? newWorker(from: zygote)
            current = worker
            worker.send(WorkerJob(path: URL(fileURLWithPath: entry.path).path, student: entry.student, first: exercises.count))
            var running: (position: Int, started: Date)?
            let before = exercises.count
            var idleSince = Date()
            jobLoop: while true {
                // Between exercises (reading the submission) a worker gets `idleSeconds`.
                let cutoff = running.map { $0.started.addingTimeInterval(self.deadline(of: $0.position)) }
                    ?? idleSince.addingTimeInterval(Self.idleSeconds)
                switch worker.next(before: cutoff) {
                case .message(let message):
                    switch message.kind {
                    case .start: running = (message.exercise ?? exercises.count, Date())
                    case .exercise:
                        if let result = message.result { exercises.append(result) }
                        running = nil
                        idleSince = Date()
                    case .done:
                        // A worker that answers without a result would be asked again forever.
                        if exercises.count == before {
                            worker.kill()
                            exercises.append(crashed(exercises.count, of: submission, "gave no result"))
                            current = nil
                        }
                        break jobLoop
                    case .ready, .refused, .forked: continue
                    }
                case .timedOut:
                    worker.kill()
                    let limit = running.map { deadline(of: $0.position) } ?? Self.idleSeconds
                    exercises.append(crashed(exercises.count, of: submission, String(format: "was killed after running %.0f s, the exercise's time limit", limit)))
                    current = nil
                    break jobLoop
                case .ended:
                    exercises.append(crashed(exercises.count, of: submission, worker.ending()))
                    current = nil
                    break jobLoop
                }
            }
        }
        return SubmissionResult(student: submission.student, file: submission.path, fileHash: submission.hash,
                                exercises: exercises, seconds: Date().timeIntervalSince(start))
    }

    /// The environment of worker processes.
    func environment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        // A crash is expected now and then: Swift's backtracer would spend a second on each.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in worker.environment { environment[key] = value }
        return environment
    }

    /// Starts a worker and waits for it to have run the reference.
    func startWorker() throws -> WorkerProcess {
        let process = try WorkerProcess(command: worker.command, folder: worker.folder, environment: environment())
        _ = referenceCount.claim(below: .max)
        if case .failure(let error) = process.awaitReady() { throw error }
        return process
    }

    /// A worker forked from `zygote`; started afresh (running the reference itself) when there
    /// is no zygote or it can no longer fork (it died).
    func newWorker(from zygote: WorkerZygote?) throws -> WorkerProcess {
        if let zygote, let worker = try? zygote.fork() { return worker }
        return try startWorker()
    }

    /// Starts the zygote the workers are forked from, and waits for its reference run.
    func startZygote() throws -> WorkerZygote {
        _ = referenceCount.claim(below: .max)
        return try WorkerZygote(command: worker.command, folder: worker.folder, environment: environment())
    }

    /// The result of an exercise whose worker died on it.
    func crashed(_ position: Int, of submission: Submission, _ ending: String) -> ExerciseResult {
        let exercise = assignment.exercises[position]
        let reason = "the grading process running your code \(ending); this exercise gets no points"
        return ExerciseResult(
            exercise: exercise.id, status: .crashed, points: 0, maxPoints: exercise.points, reason: reason,
            errorDetail: nil, studentCode: submission.blocks(for: exercise.id).first?.code,
            checks: assignment.checks.filter { $0.exercise == exercise.id }.map {
                CheckResult(name: $0.name, exercise: $0.exercise, hidden: !$0.hidden.isEmpty, passed: false,
                            points: 0, maxPoints: $0.points, message: "not run: the grading process \(ending)")
            },
            seconds: 0)
    }
}

/// The first error of several threads.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? { lock.withLock { stored } }

    func set(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}
