import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// A submission of the fixture lab and the score and statuses it must get.
struct GradingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var contents: [UInt8]
    var score: Double
    var statuses: [ExerciseStatus]
    var reasonContains: [String?]
    var testDescription: String { name }
}

enum Submissions {
    static let lab = Fixture.source.replacingOccurrences(of: "seed: 1\n", with: "seed: 1\noperations: 200000\ntimeout: 5\n")

    static func replacing(_ old: String, _ new: String, in text: String = lab) -> [UInt8] {
        Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    static let doubleSolution = "    ### BEGIN SOLUTION Return twice x.\n    return 2 * x\n    ### END SOLUTION\n"
    static let totalSolution = "### BEGIN SOLUTION\ntotal = sum(data)\n### END SOLUTION\n"

    static let cases: [GradingCase] = [
        GradingCase(name: "correct", file: "correct.md", contents: Array(lab.utf8), score: 5,
                    statuses: [.passed, .passed], reasonContains: [nil, nil]),
        GradingCase(name: "partly wrong", file: "partly.md", contents: replacing(doubleSolution, "    return abs(2 * x)\n"), score: 4,
                    statuses: [.partial, .passed], reasonContains: ["failed double.2", nil]),
        GradingCase(name: "syntax error", file: "syntax.md", contents: replacing(doubleSolution, "    return 2 *\n"), score: 3,
                    statuses: [.error, .passed], reasonContains: ["line 17", nil]),
        GradingCase(name: "infinite loop", file: "loop.md", contents: replacing(totalSolution, "total = 0\nwhile True:\n    total += 1\n"), score: 2,
                    statuses: [.passed, .budget], reasonContains: [nil, "exceeded its budget"]),
        GradingCase(name: "runaway recursion", file: "recursion.md",
                    contents: replacing(doubleSolution, "    return double(x)\n"), score: 3,
                    statuses: [.budget, .passed], reasonContains: ["(recursion.md, line 17)", nil]),
        GradingCase(name: "huge allocation", file: "huge.md", contents: replacing(doubleSolution, "    big = zeros(100000, 100000)\n    return 2 * x\n"), score: 3,
                    statuses: [.budget, .passed], reasonContains: ["more than the limit", nil]),
        GradingCase(name: "missing exercise", file: "missing.md",
                    contents: replacing("```rnn exercise=total points=3\n" + totalSolution + "```\n", ""), score: 2,
                    statuses: [.passed, .missing], reasonContains: [nil, "no block marked exercise=total"]),
        GradingCase(name: "mistyped exercise id", file: "mistyped.md",
                    contents: replacing("```rnn exercise=total points=3\n", "```rnn exercise=Total points=3\n"), score: 2,
                    statuses: [.passed, .missing],
                    reasonContains: [nil, "no block marked exercise=total in the submission; the block at line 32 is marked exercise=Total, which this lab does not have"]),
        GradingCase(name: "duplicated id", file: "duplicate.md",
                    contents: Array((lab + "\n```rnn exercise=double points=2\ndef double(x):\n    return 0\n```\n").utf8), score: 3,
                    statuses: [.duplicate, .passed], reasonContains: ["2 blocks marked exercise=double", nil]),
        GradingCase(name: "edited check", file: "edited.md",
                    contents: replacing("assert double(2) == 4, \"double(2) should be 4\"", "assert True",
                                        in: String(decoding: replacing(doubleSolution, "    return 0\n"), as: UTF8.self)), score: 3,
                    statuses: [.failed, .passed], reasonContains: ["failed double.1, double.2", nil]),
        GradingCase(name: "empty file", file: "empty.md", contents: [], score: 0,
                    statuses: [.unreadable, .unreadable], reasonContains: ["empty", "empty"]),
        GradingCase(name: "binary file", file: "binary.md", contents: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF], score: 0,
                    statuses: [.unreadable, .unreadable], reasonContains: ["binary", "binary"]),
        GradingCase(name: "student version untouched", file: "untouched.md",
                    contents: Array(StudentVersion.make(Assignment(Notebook.parse(name: "lab.md", text: lab))).utf8), score: 0,
                    statuses: [.notImplemented, .notImplemented], reasonContains: ["not implemented", "not implemented"]),
    ]
}

@Suite(.serialized) struct GraderTests {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-grader-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for example in Submissions.cases {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(example.file).path, contents: Data(example.contents))
        }
        return folder
    }()

    static func grader(jobs: Int) throws -> Grader {
        try Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: Submissions.lab)), settings: GradingSettings(jobs: jobs))
    }

    @Test func everySubmissionGetsItsScoreAndNoneAffectsAnother() throws {
        let paths = Submissions.cases.map { Self.folder.appendingPathComponent($0.file).path }
        let results = try Self.grader(jobs: 2).grade(paths: paths)
        #expect(results.count == Submissions.cases.count)
        for (example, result) in zip(Submissions.cases, results) {
            #expect(result.score == example.score, "\(example.name): score")
            #expect(result.exercises.map(\.status) == example.statuses, "\(example.name): statuses")
            for (exercise, expected) in zip(result.exercises, example.reasonContains) {
                if let expected {
                    #expect(exercise.reason?.contains(expected) == true, "\(example.name): reason \(exercise.reason ?? "nil")")
                }
            }
        }
    }

    @Test func resultsDoNotDependOnTheNumberOfJobs() throws {
        let paths = Submissions.cases.map { Self.folder.appendingPathComponent($0.file).path }
        let one = try Self.grader(jobs: 1).grade(paths: paths).map { ($0.student, $0.score, $0.exercises.map(\.status)) }
        let two = try Self.grader(jobs: 2).grade(paths: paths).map { ($0.student, $0.score, $0.exercises.map(\.status)) }
        #expect(one.map(\.0) == two.map(\.0))
        #expect(one.map(\.1) == two.map(\.1))
        #expect(one.map(\.2) == two.map(\.2))
    }

    @Test func sharedStateGivesTheSameResultsAsReplaying() throws {
        let paths = Submissions.cases.map { Self.folder.appendingPathComponent($0.file).path }
        let assignment = Assignment(Notebook.parse(name: "lab.md", text: Submissions.lab))
        var replay = GradingSettings(jobs: 1)
        replay.shareState = false
        let replayed = try Grader(assignment: assignment, settings: replay).grade(paths: paths)
        let grader = try Self.grader(jobs: 1)
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let shared = grader.grade(paths: paths)
        func timeless(_ results: [SubmissionResult]) -> [[ExerciseResult]] {
            results.map { $0.exercises.map { var e = $0; e.seconds = 0; return e } }
        }
        #expect(timeless(shared) == timeless(replayed))
    }

    @Test func hiddenCheckMessagesNeverShowTheirCode() throws {
        let path = Self.folder.appendingPathComponent("partly.md").path
        let result = try Self.grader(jobs: 1).grade(paths: [path])[0]
        let hidden = try #require(result.exercise("double")?.checks.first { $0.hidden })
        #expect(!hidden.passed)
        #expect(hidden.message == "assertion failed: negative numbers")
    }

    @Test func aBrokenSourceCannotBeGraded() {
        let broken = Submissions.lab.replacingOccurrences(of: "return 2 * x", with: "return 3 * x")
        #expect(throws: GradingError.self) {
            try Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: broken)))
        }
    }
}
