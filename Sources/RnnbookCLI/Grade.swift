import ArgumentParser
import Foundation
import Grading
import Notebook
import Report
import Tensor

/// `rnnbook grade SOURCE.md SUBMISSION.md…`: grades submissions against the instructor's lab.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade submissions against the instructor's lab.",
        discussion: """
            Each submission's exercise blocks replace the solutions; every other block, checks \
            included, comes from SOURCE. Each exercise is graded from the state the reference \
            solution leaves before it, so one mistake never costs the rest of the lab.

            Student ids: a submission's id is its file name without the extension; but when \
            several submissions have the same file name, or it is named like the source (one \
            folder per student: alice/lab.md, bob/lab.md), it is the name of the folder holding \
            it; --roster gives ids instead. A front matter's 'student:' never decides; one that \
            disagrees is reported. Ids are 1 to 64 letters, digits, '-', '_', '.', '@' or '+'. \
            Two submissions that resolve to one id (or, with --feedback, to one feedback page) \
            are refused before anything is graded, as is a submission that does not exist.

            Each job grades in a worker process of its own (rnnbook grade-worker) under \
            --memory-limit; a submission that crashes its worker, or runs an exercise past its \
            time limit (and is killed), loses that exercise only.

            The gradebook knows the lab by --assignment, by default the source's file name; a \
            gradebook that holds another lab of that name (another title or total) is refused. \
            Every destination is checked before grading starts (by writing to it), and none \
            may be an input. Feedback pages are put in place after the gradebook has recorded \
            the run.
            """)

    @Argument(help: ArgumentHelp("The instructor's notebook.", valueName: "source.md"))
    var source: String

    @Argument(help: ArgumentHelp(
        "The submissions: .md or .ipynb, or folders holding one notebook and its .py modules (with --roster: which of its files to grade; default all).",
        valueName: "submission.md|folder"))
    var submissions: [String] = []

    @Option(name: .customLong("roster"),
            help: ArgumentHelp("A CSV file 'student,file' giving each submission's student id.", valueName: "roster.csv"))
    var rosterPath: String?

    @Option(help: ArgumentHelp("The SQLite gradebook to add this run to.", valueName: "g.sqlite"))
    var gradebook: String?

    @Option(help: ArgumentHelp("Write one feedback page per submission into this folder.", valueName: "dir"))
    var feedback: String?

    @Option(help: ArgumentHelp("Export one row per student (needs --gradebook, or grades only this run).", valueName: "out.csv"))
    var csv: String?

    @Option(help: "Submissions graded at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Grade only share k of n (1-based), for a cluster's job array.", valueName: "k/n"))
    var shard: String?

    @Option(name: .customLong("assignment"),
            help: ArgumentHelp("The assignment's name in the gradebook (default: the source's file name).", valueName: "name"))
    var assignmentName: String?

    @Option(help: ArgumentHelp("Memory each grading process may add after its reference run, in megabytes.", valueName: "MB"))
    var memoryLimit: Int = 4096

    @Option(help: ArgumentHelp("Kill a grading process whose exercise runs longer (default: the exercise's block budgets added up, plus 10 s).", valueName: "seconds"))
    var exerciseTimeout: Double?

    @Flag(help: "Grade in this process (threads) rather than in one worker process per job: faster to start, but a submission that crashes the process stops the run.")
    var inProcess = false

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard !submissions.isEmpty || rosterPath != nil else { throw ValidationError("give at least one submission to grade") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard memoryLimit >= 1 else { throw ValidationError("--memory-limit must be at least 1 (megabytes)") }
        if let exerciseTimeout, !(exerciseTimeout > 0) { throw ValidationError("--exercise-timeout must be more than 0 seconds") }
        if let assignmentName, assignmentName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--assignment needs a name")
        }
        _ = try parsedShard()
    }

    func parsedShard() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw ValidationError("--shard expects k/n with 1 ≤ k ≤ n, got '\(shard)'")
        }
        return (index, count)
    }

    func run() throws {
        do {
            try grade()
        } catch let error as GradebookError {
            Console.current.printError(error.description)
            throw ExitCode(1)
        }
    }

    func grade() throws {
        let console = Console.current
        let started = ISO8601DateFormatter().string(from: Date())
        let assignment = Assignment(try loadNotebook(source))
        var settings = GradingSettings(jobs: jobs)
        settings.parameters = try options.parsedParameters()
        // Everything that can be checked without running is checked first: the markup, the
        // class's ids, the destinations. No grading work is then lost to a late error.
        do {
            try Grader.checkMarkup(assignment)
        } catch let error as GradingError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        for exercise in assignment.exercises where exercise.checkIndices.isEmpty {
            console.printError("\(source): warning: exercise '\(exercise.id)' has no check: every submission gets its points ('rnnbook assign' refuses such a lab)")
        }
        let roster: Roster
        do {
            roster = try rosterPath.map { try Roster.load(csv: $0, submissions: submissions) }
                ?? Roster.resolve(paths: submissions, source: source)
        } catch let error as RosterError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        for mismatch in roster.mismatches { console.printError(mismatch) }
        if feedback != nil {
            let clashes = roster.feedbackClashes()
            if !clashes.isEmpty {
                console.printError(clashes.joined(separator: "\n"))
                throw ExitCode(1)
            }
        }
        let book = try checkDestinations(roster, assignment: assignment)
        if let feedback { try recoverFeedback(in: feedback, book: book) }
        var share = roster
        if let (index, count) = try parsedShard() { share = roster.shard(index, of: count) }
        let clock = Date()
        let results: [SubmissionResult]
        do {
            let progress = GradingProgress(total: share.entries.count, console: console)
            defer { progress.finish() }
            results = try gradeShare(share, assignment: assignment, settings: settings, progress: progress.graded)
        } catch let error as GradingError {
            console.printError(error.description)
            throw ExitCode(1)
        } catch let error as WorkerError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(clock)
        for result in results { console.print(summary(result)) }
        console.print(String(format: "graded %d submission%@ in %.2f s (%.1f per second, %d jobs)",
                             results.count, results.count == 1 ? "" : "s", seconds, Double(results.count) / max(seconds, 1e-9), jobs))
        // Pages are written aside and put in place only once the gradebook has the run: a
        // run stopped before then leaves no page of grades that were never recorded.
        // The gradebook records the pages' token with the run, so that the next run puts in
        // place the pages of a run stopped between the commit and the move.
        let token = UUID().uuidString
        let pages = try feedback.map { try stageFeedback(results, in: $0, title: assignment.notebook.title, token: token) }
        Self.testStop("before-commit")
        if let gradebook {
            try record(results, in: book ?? Gradebook(path: gradebook), assignment: assignment, started: started,
                       pagesToken: pages == nil ? nil : token)
        }
        else if let csv { try CourseSite.write(try exportWithoutGradebook(results, assignment: assignment), to: csv) }
        Self.testStop("after-commit")
        if let pages, let feedback { try publish(pages, in: feedback) }
    }

    /// Grades in worker processes (`grade-worker`, one per job) when this is the `rnnbook`
    /// binary, else (in-process tests, `--in-process`) on threads of this process.
    func gradeShare(_ share: Roster, assignment: Assignment, settings: GradingSettings,
                    progress: @escaping @Sendable (SubmissionResult) -> Void) throws -> [SubmissionResult] {
        let executable = Bundle.main.executableURL
        guard !inProcess, let executable, executable.lastPathComponent == "rnnbook" else {
            // Sessions run side by side: one BLAS thread each keeps the cores from fighting.
            if jobs > 1 { BLAS.setThreadCount(1) }
            return try Grader(assignment: assignment, settings: settings).grade(share, progress: progress)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-grade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var command = [executable.path, "grade-worker", URL(fileURLWithPath: source).path, "--memory-limit", String(memoryLimit)]
        command += options.parameters.flatMap { ["-p", $0] }
        if jobs > 1 { command.append("--single-threaded-blas") }
        let worker = WorkerSettings(command: command, exerciseSeconds: exerciseTimeout, folder: scratch)
        return try ProcessGrader(assignment: assignment, settings: settings, worker: worker).grade(share, progress: progress)
    }

    /// The name the gradebook knows the lab by.
    func name(of assignment: Assignment) -> String {
        assignmentName ?? (assignment.notebook.file.name as NSString).lastPathComponent
    }

    func summary(_ result: SubmissionResult) -> String {
        let parts = result.exercises.map { exercise -> String in
            let reason = exercise.reason.map { " (\($0))" } ?? ""
            return "\(exercise.exercise) \(format(exercise.points))/\(format(exercise.maxPoints)) \(exercise.status.rawValue)\(exercise.status == .passed ? "" : reason)"
        }
        return "\(result.student): \(format(result.score))/\(format(result.maxScore)) — \(parts.joined(separator: "; "))"
    }

    func record(_ results: [SubmissionResult], in book: Gradebook, assignment: Assignment, started: String,
                pagesToken: String? = nil) throws {
        let console = Console.current
        let path = book.path ?? ""
        let matter = assignment.notebook.frontMatter
        let name = name(of: assignment)
        let provenance = RunProvenance(
            assignment: name, title: assignment.notebook.title, totalPoints: assignment.totalPoints,
            engineVersion: RnnbookVersion.current, sourceHash: fnv1a(Array(assignment.notebook.file.text.utf8)),
            seed: matter.seed, budgetOperations: matter.operations ?? GradingSettings().defaultOperations,
            budgetSeconds: matter.timeout ?? GradingSettings().defaultSeconds, jobs: jobs, shard: shard, startedAt: started)
        let earlier = try book.runs(of: name)
        let runId = try book.record(provenance, results: results, pagesToken: pagesToken)
        console.print("recorded run \(runId) in \(path)")
        if !earlier.isEmpty {
            for line in Self.regradeLines(try book.regradeSummary(of: runId, after: earlier)) { console.print(line) }
        }
        if let csv {
            try CourseSite.write(try book.csv(assignment: name, exercises: assignment.exercises.map(\.id)), to: csv)
            console.print("wrote \(csv)")
        }
    }

    /// What a run changed, each student compared with their own latest earlier grade.
    static func regradeLines(_ summary: RegradeSummary) -> [String] {
        var lines: [String] = []
        let first = summary.firstGraded.count
        if first > 0 { lines.append("\(first) student\(first == 1 ? "" : "s") graded for the first time") }
        if summary.changes.isEmpty, let last = summary.comparedRuns.last {
            lines.append(summary.comparedRuns.count == 1
                ? "no grade changed since run \(last)"
                : "no grade changed since each student's last run (runs \(summary.comparedRuns.map(String.init).joined(separator: ", ")))")
        }
        for change in summary.changes {
            lines.append("\(change.students.count) submission\(change.students.count == 1 ? "" : "s") changed on `\(change.exercise)`: \(change.students.joined(separator: ", "))")
        }
        return lines
    }

    func exportWithoutGradebook(_ results: [SubmissionResult], assignment: Assignment) throws -> String {
        let book = try Gradebook()
        let name = "run"
        try book.record(
            RunProvenance(assignment: name, title: "", totalPoints: assignment.totalPoints, engineVersion: RnnbookVersion.current,
                          sourceHash: "", seed: 0, budgetOperations: 0, budgetSeconds: 0, jobs: jobs, shard: shard, startedAt: ""),
            results: results)
        return try book.csv(assignment: name, exercises: assignment.exercises.map(\.id))
    }
}

