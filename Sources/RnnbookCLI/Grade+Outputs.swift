import ArgumentParser
import Foundation
import Grading
import Report

extension Grade {
    /// Checks every destination before grading: none is an input, each can really be written
    /// (a probe file is written and removed; an existing file is opened for writing), no
    /// folder stands where a feedback page goes, and an existing gradebook opens and holds no
    /// other lab of this name. Returns the gradebook, made (empty) when new.
    func checkDestinations(_ roster: Roster, assignment: Assignment) throws -> Gradebook? {
        var inputs: [(path: String, role: String)] = [(source, "the source notebook")]
        inputs += roster.entries.map { ($0.path, "a submission") }
        if let rosterPath { inputs.append((rosterPath, "the roster")) }
        if let gradebook {
            try OutputPaths.refuseOverwriting(gradebook, "--gradebook", inputs: inputs)
            try OutputPaths.checkFile(gradebook, "--gradebook")
            try Self.probe(file: gradebook, "--gradebook")
        }
        if let csv {
            try OutputPaths.refuseOverwriting(csv, "--csv", inputs: inputs + (gradebook.map { [($0, "the gradebook")] } ?? []))
            try OutputPaths.checkFile(csv, "--csv")
            try Self.probe(file: csv, "--csv")
        }
        if let feedback {
            try OutputPaths.refuseOverwriting(feedback, "--feedback", inputs: inputs)
            try OutputPaths.prepareFolder(feedback, "--feedback")
            try Self.probe(file: (feedback as NSString).appendingPathComponent(".rnnbook-probe-\(UUID().uuidString)"), "--feedback")
            for entry in roster.entries {
                let page = (feedback as NSString).appendingPathComponent(Roster.feedbackFileName(for: entry.student))
                try OutputPaths.refuseOverwriting(page, "--feedback page", inputs: inputs + (gradebook.map { [($0, "the gradebook")] } ?? [])
                    + (csv.map { [($0, "the CSV file")] } ?? []))
                try OutputPaths.checkFile(page, "--feedback page")
            }
        }
        guard let gradebook else { return nil }
        // Made now, whole, so that a run stopped later leaves a gradebook that opens.
        let book = try Gradebook.create(at: gradebook)
        try book.checkAssignment(name(of: assignment), title: assignment.notebook.title, totalPoints: assignment.totalPoints)
        return book
    }

    /// Proves that `path` can be written: an existing file is opened for writing (and left
    /// as it is), else a file is made there and removed.
    static func probe(file path: String, _ option: String) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, exists ? O_WRONLY : O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw OutputPaths.fail("\(option) \(path): cannot be written (\(String(cString: strerror(errno)).lowercased()))")
        }
        close(descriptor)
        if !exists { unlink(path) }
    }

    /// Whether `probe(file:)` would accept the path (for tests).
    static func probeWorks(_ path: String) -> Bool {
        (try? probe(file: path, "")) != nil
    }

    /// The prefix of the hidden folder a run stages its feedback pages in, before its token.
    static let pendingPrefix = ".rnnbook-pending-"

    /// Writes the feedback pages into a hidden folder inside `folder`, named by the run's
    /// `token` (which the gradebook records with the run); `publish` moves them in.
    func stageFeedback(_ results: [SubmissionResult], in folder: String, title: String, token: String) throws -> String {
        try OutputPaths.prepareFolder(folder, "--feedback")
        let staging = (folder as NSString).appendingPathComponent(Self.pendingPrefix + token)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for result in results {
            let page = (staging as NSString).appendingPathComponent(Roster.feedbackFileName(for: result.student))
            try CourseSite.write(try FeedbackPage.render(result, title: title), to: page)
        }
        return staging
    }

    /// Finishes what stopped runs left in `folder`: the staged pages of a run that `book`
    /// recorded (stopped between its commit and the move) are put in place, oldest run first;
    /// staged pages of a run never recorded are removed. Without a gradebook no staged page
    /// can be told recorded, and all are removed.
    func recoverFeedback(in folder: String, book: Gradebook?) throws {
        let manager = FileManager.default
        var recorded: [(run: Int64, staging: String)] = []
        for entry in ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted() where entry.hasPrefix(Self.pendingPrefix) {
            let staging = (folder as NSString).appendingPathComponent(entry)
            if let book, let run = try book.run(withPagesToken: String(entry.dropFirst(Self.pendingPrefix.count))) {
                recorded.append((run, staging))
            } else {
                try? manager.removeItem(atPath: staging)
            }
        }
        for (run, staging) in recorded.sorted(by: { $0.run < $1.run }) {
            let count = try movePages(from: staging, into: folder)
            try? manager.removeItem(atPath: staging)
            Console.current.print("put in place \(count) feedback page\(count == 1 ? "" : "s") of run \(run), which stopped after the gradebook recorded it")
        }
    }

    /// Moves staged pages into `folder` (each `rename` replaces a page at once) and removes
    /// the staging folder, with any left by runs that were stopped.
    func publish(_ staging: String, in folder: String) throws {
        let manager = FileManager.default
        let count = try movePages(from: staging, into: folder)
        for leftover in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where leftover.hasPrefix(Self.pendingPrefix) {
            try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(leftover))
        }
        Console.current.print("wrote \(count) feedback page\(count == 1 ? "" : "s") to \(folder)")
    }

    /// Moves every page of `staging` into `folder`; returns how many.
    func movePages(from staging: String, into folder: String) throws -> Int {
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        for page in pages.sorted() {
            let from = (staging as NSString).appendingPathComponent(page)
            let to = (folder as NSString).appendingPathComponent(page)
            guard rename(from, to) == 0 else {
                throw OutputPaths.fail("--feedback \(to): cannot be written (\(String(cString: strerror(errno)).lowercased()))")
            }
        }
        return pages.count
    }

    /// A test-only hook, compiled into debug builds only and armed only by the tests'
    /// environment variable: the process kills itself at `moment`, as `kill -9` would.
    static func testStop(_ moment: String) {
        #if DEBUG
        if ProcessInfo.processInfo.environment["RNNBOOK_TEST_GRADE_STOP"] == moment { raise(SIGKILL) }
        #endif
    }
}
