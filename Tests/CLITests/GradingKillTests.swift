import Foundation
import Testing
@testable import Grading

/// `kill -9` of the built grader at random moments: the gradebook stays intact, and no
/// feedback page exists of a run the gradebook does not hold.
@Suite(.serialized) struct GradingKillTests {
    static let binary = SubprocessTests.productsFolder.appendingPathComponent("rnnbook")

    @Test func killingTheGraderNeverLeavesPagesOfAnUnrecordedRun() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "rnnbook binary not found")
        let lab = GradingCommandTests.lab
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String] = []
        // A whole run first, timed: the kills fall anywhere within such a run.
        var duration = 1.0
        for trial in 0..<7 {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = try folder.write("lab.md", lab)
            let students = try (0..<8).map { try folder.write("s\($0).md", $0 % 2 == 0 ? lab : lab.replacingOccurrences(of: "return 2 * x", with: "return x")) }
            let book = folder.appendingPathComponent("g.sqlite").path
            let pages = folder.appendingPathComponent("fb")
            // Each trial grades twice in the same place: the second run's pages replace the first's.
            for run in 0..<2 {
                let process = Process()
                process.executableURL = Self.binary
                process.arguments = ["grade", source] + students + ["--gradebook", book, "--feedback", pages.path, "--jobs", "2"]
                process.currentDirectoryURL = folder
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                try process.run()
                let delay = trial == 0 ? 600 : Double.random(in: duration * 0.5...duration * 1.15, using: &generator)
                let clock = Date()
                // Kills fall at random moments, or right when the grades are in but not
                // recorded, or right after the gradebook committed (pages not yet in place).
                let marker = [nil, "graded 8 submissions", "recorded run"][trial % 3]
                if trial == 0 {
                    _ = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                } else if let marker {
                    var seen = ""
                    while process.isRunning, !seen.contains(marker) {
                        let chunk = output.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        seen += String(decoding: chunk, as: UTF8.self)
                    }
                } else {
                    Thread.sleep(forTimeInterval: delay)
                }
                let killed = process.isRunning
                if killed { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                if trial == 0, run == 0 { duration = Date().timeIntervalSince(clock) }
                let recorded = FileManager.default.fileExists(atPath: book) ? try Gradebook(readingFrom: book).runs(of: "lab.md").count : 0
                let written = ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).filter { $0.hasSuffix(".html") }
                let moment = trial % 3 == 0 ? String(format: "at %.2f s", delay) : "after '\(marker ?? "")'"
                outcomes.append("trial \(trial) run \(run): \(killed ? "killed \(moment)" : "finished"), \(recorded) runs, \(written.count) pages")
                // Pages only of recorded runs: none before the first run is recorded.
                if recorded == 0 { #expect(written.isEmpty, "\(outcomes.last ?? "")") }
                if !killed {
                    #expect(recorded == run + 1 || recorded >= 1, "\(outcomes.last ?? "")")
                    #expect(written.count == 8, "\(outcomes.last ?? "")")
                }
                // Every page is whole: it ends its HTML.
                for page in written {
                    let text = try String(contentsOf: pages.appendingPathComponent(page), encoding: .utf8)
                    #expect(text.contains("</html>"), "\(page) is cut short")
                }
            }
            // The gradebook is intact: it opens and its points read.
            if FileManager.default.fileExists(atPath: book) {
                let gradebook = try Gradebook(readingFrom: book)
                for runId in try gradebook.runs(of: "lab.md") {
                    #expect(try gradebook.points(inRun: runId).count == 8)
                }
            }
        }
        print(outcomes.joined(separator: "\n"))
    }

    /// Runs the built grader; `stop` arms the debug build's hook that kills it at that moment.
    static func grade(_ arguments: [String], in folder: URL, stop: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["grade"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["RNNBOOK_TEST_GRADE_STOP"] = stop
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The window between the gradebook's commit and the pages' move: a run killed there is
    /// recorded without its pages in place, and the next run puts them in place (then its
    /// own pages replace those of the students it grades again). A run killed before its
    /// commit leaves pages that the next run removes, never publishes.
    @Test(arguments: ["after-commit", "before-commit"])
    func theNextRunFinishesOrSweepsAStoppedRunsPages(_ stop: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "rnnbook binary not found")
        let lab = GradingCommandTests.lab
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", lab)
        let students = try (0..<4).map { try folder.write("s\($0).md", lab) }
        let book = folder.appendingPathComponent("g.sqlite").path
        let pages = folder.appendingPathComponent("fb")
        func listing() -> (pages: [String], pending: [String]) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []
            return (entries.filter { $0.hasSuffix(".html") }.sorted(), entries.filter { $0.hasPrefix(".rnnbook-pending-") })
        }
        let first = try Self.grade([source] + students + ["--gradebook", book, "--feedback", pages.path, "--jobs", "1"],
                                   in: folder, stop: stop)
        #expect(first.status == SIGKILL || first.status == 9, "\(first.output)")
        let recorded = try Gradebook(readingFrom: book).runs(of: "lab.md").count
        #expect(recorded == (stop == "after-commit" ? 1 : 0))
        #expect(listing().pages.isEmpty)
        #expect(listing().pending.count == 1)
        // The next run grades one student only.
        let second = try Self.grade([source, students[0], "--gradebook", book, "--feedback", pages.path, "--jobs", "1"], in: folder)
        #expect(second.status == 0, "\(second.output)")
        #expect(listing().pending.isEmpty)
        if stop == "after-commit" {
            #expect(second.output.contains("put in place 4 feedback pages of run 1, which stopped after the gradebook recorded it"),
                    "\(second.output)")
            #expect(listing().pages == ["s0.html", "s1.html", "s2.html", "s3.html"])
        } else {
            #expect(!second.output.contains("put in place"), "\(second.output)")
            #expect(listing().pages == ["s0.html"])
        }
        #expect(try Gradebook(readingFrom: book).runs(of: "lab.md").count == recorded + 1)
    }
}
