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
            solution leaves before it, so one mistake never costs the rest of the lab. A \
            submission's student id is its front matter's 'student:', else its file name.
            """)

    @Argument(help: ArgumentHelp("The instructor's notebook.", valueName: "source.md"))
    var source: String

    @Argument(help: ArgumentHelp("The submissions.", valueName: "submission.md"))
    var submissions: [String] = []

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

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard !submissions.isEmpty else { throw ValidationError("give at least one submission to grade") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
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
        let console = Console.current
        let started = ISO8601DateFormatter().string(from: Date())
        let assignment = Assignment(try loadNotebook(source))
        var settings = GradingSettings(jobs: jobs)
        settings.parameters = try options.parsedParameters()
        // Sessions run side by side: one BLAS thread each keeps the cores from fighting.
        if jobs > 1 { BLAS.setThreadCount(1) }
        let grader: Grader
        do {
            grader = try Grader(assignment: assignment, settings: settings)
        } catch let error as GradingError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        var paths = submissions
        if let (index, count) = try parsedShard() { paths = Shards.share(of: paths, index: index, count: count) }
        let clock = Date()
        let results = grader.grade(paths: paths)
        let seconds = Date().timeIntervalSince(clock)
        for result in results { console.print(summary(result)) }
        console.print(String(format: "graded %d submission%@ in %.2f s (%.1f per second, %d jobs)",
                             results.count, results.count == 1 ? "" : "s", seconds, Double(results.count) / max(seconds, 1e-9), jobs))
        if let feedback { try writeFeedback(results, to: feedback, title: assignment.notebook.title) }
        if let gradebook { try record(results, in: gradebook, assignment: assignment, started: started) }
        else if let csv { try CourseSite.write(try exportWithoutGradebook(results, assignment: assignment), to: csv) }
    }

    func summary(_ result: SubmissionResult) -> String {
        let parts = result.exercises.map { exercise -> String in
            let reason = exercise.reason.map { " (\($0))" } ?? ""
            return "\(exercise.exercise) \(format(exercise.points))/\(format(exercise.maxPoints)) \(exercise.status.rawValue)\(exercise.status == .passed ? "" : reason)"
        }
        return "\(result.student): \(format(result.score))/\(format(result.maxScore)) — \(parts.joined(separator: "; "))"
    }

    func writeFeedback(_ results: [SubmissionResult], to folder: String, title: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for result in results {
            let safe = String(result.student.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
            try CourseSite.write(try FeedbackPage.render(result, title: title), to: (folder as NSString).appendingPathComponent("\(safe).html"))
        }
        Console.current.print("wrote \(results.count) feedback page\(results.count == 1 ? "" : "s") to \(folder)")
    }

    func record(_ results: [SubmissionResult], in path: String, assignment: Assignment, started: String) throws {
        let console = Console.current
        let book = try Gradebook(path: path)
        let matter = assignment.notebook.frontMatter
        let name = (assignment.notebook.file.name as NSString).lastPathComponent
        let provenance = RunProvenance(
            assignment: name, title: assignment.notebook.title, totalPoints: assignment.totalPoints,
            engineVersion: RnnbookVersion.current, sourceHash: fnv1a(Array(assignment.notebook.file.text.utf8)),
            seed: matter.seed, budgetOperations: matter.operations ?? GradingSettings().defaultOperations,
            budgetSeconds: matter.timeout ?? GradingSettings().defaultSeconds, jobs: jobs, shard: shard, startedAt: started)
        let previous = try book.runs(of: name).last
        let runId = try book.record(provenance, results: results)
        console.print("recorded run \(runId) in \(path)")
        if let previous {
            let changes = try book.changes(from: previous, to: runId)
            if changes.isEmpty { console.print("no grade changed since run \(previous)") }
            for change in changes {
                console.print("\(change.students.count) submission\(change.students.count == 1 ? "" : "s") changed on `\(change.exercise)`: \(change.students.joined(separator: ", "))")
            }
        }
        if let csv {
            try CourseSite.write(try book.csv(assignment: name, exercises: assignment.exercises.map(\.id)), to: csv)
            console.print("wrote \(csv)")
        }
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

/// Splits a class into shards deterministically, by the hash of each file's name, so that
/// every machine of a job array computes the same split from the same list.
enum Shards {
    static func share(of paths: [String], index: Int, count: Int) -> [String] {
        paths.filter { path in
            let name = (path as NSString).lastPathComponent
            let hash = UInt64(fnv1a(Array(name.utf8)), radix: 16) ?? 0
            return Int(hash % UInt64(count)) == index - 1
        }
    }
}
