import Foundation
import Testing
@testable import RnnbookCLI

/// What an instructor sees: progress while grading, `assign` refusing free points, and
/// reading a gradebook without grading again.
@Suite(.serialized) struct GradingInstructorTests {
    static let lab = GradingCommandTests.lab

    @Test func theProgressLineSaysDoneRateTimeLeftAndErrors() {
        #expect(GradingProgress.line(done: 13, total: 300, secondsSinceFirst: 3, failures: 2)
            == "graded 13/300, 4.0 per second, about 1 min 12 s left, 2 with errors")
        #expect(GradingProgress.line(done: 301, total: 301, secondsSinceFirst: 60, failures: 0) == "graded 301/301, 5.0 per second, 0 with errors")
        // The first result waited for the reference run: no rate, no time left, until a second.
        #expect(GradingProgress.line(done: 1, total: 300, secondsSinceFirst: 0, failures: 0) == "graded 1/300, 0 with errors")
        #expect(GradingProgress.duration(45) == "45 s")
        #expect(GradingProgress.duration(4000) == "1 h 06 min")
    }

    @Test func withoutATerminalEachSubmissionGetsAPlainLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let bob = try folder.write("bob.md", Self.lab.replacingOccurrences(of: "return 2 * x", with: "return x +"))
        let result = runCLI(["grade", source, ann, bob, "--jobs", "1"])
        #expect(result.code == 0)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.error)")
        #expect(lines.first?.hasPrefix("graded 1/2, ") == true)
        #expect(lines.first?.hasSuffix(", 0 with errors: ann 2/2") == true, "\(lines)")
        #expect(lines.last?.hasSuffix(", 1 with errors: bob 0/2") == true, "\(lines)")
    }

    @Test func assignRefusesAnExerciseWithoutChecksOrWhoseChecksPassOnTheStub() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unchecked = try folder.write("unchecked.md", Self.lab + """

            ```rnn exercise=free points=3
            ### BEGIN SOLUTION
            answer = 42
            ### END SOLUTION
            ```

            """)
        let refused = runCLI(["assign", unchecked])
        #expect(refused.code == 1)
        #expect(refused.error.contains("error: exercise 'free' has no check, so an untouched stub would get its 3 points: add an rnn check=free block"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("unchecked-student.md").path))

        let lenient = try folder.write("lenient.md", Self.lab.replacingOccurrences(
            of: "assert double(2) == 4, \"double(2) should be 4\"", with: "assert callable(double)"))
        let passes = runCLI(["assign", lenient])
        #expect(passes.code == 1)
        #expect(passes.error.contains("error: the checks of exercise 'double' give the untouched stub 1 of 2 points (double.1 passed): make them fail on the stub"), "\(passes.error)")
    }

    @Test func aGradebookIsShownAndExportedWithoutGradingAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let bob = try folder.write("bob.md", Self.lab.replacingOccurrences(of: "return 2 * x", with: "return abs(2 * x)"))
        let book = folder.appendingPathComponent("g.sqlite").path
        #expect(runCLI(["grade", source, ann, bob, "--gradebook", book]).code == 0)
        let shown = runCLI(["gradebook", "show", book])
        #expect(shown.code == 0)
        let lines = shown.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("lab.md — Tiny lab (2 points), 1 run, latest ") == true, "\(shown.out)")
        #expect(Array(lines.dropFirst()) == ["student  double  total", "ann           2      2", "bob           1      1"])
        let csv = folder.appendingPathComponent("out.csv").path
        let exported = runCLI(["gradebook", "export", book, "--csv", csv])
        #expect(exported.code == 0)
        #expect(exported.out == "wrote \(csv): 2 students of lab.md\n")
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "student,double,total\nann,2,2\nbob,1,1\n")
        let missing = runCLI(["gradebook", "show", book, "--assignment", "lab2.md"])
        #expect(missing.code == 1)
        #expect(missing.error.contains("holds no assignment 'lab2.md' (it holds: lab.md)"))
    }
}
