import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// Grading in worker processes of the built `rnnbook` binary: a submission that traps,
/// exhausts memory or never returns costs only the exercise it was on, and the honest
/// submission graded beside it keeps full marks.
@Suite(.serialized) struct GradingWorkerTests {
    static let lab = """
        ---
        title: Worker lab
        seed: 1
        operations: 50000000
        timeout: 60
        ---
        ```rnn
        data = [1, 2, 3]
        ```

        ```rnn exercise=double points=2
        def double(x):
            ### BEGIN SOLUTION
            return 2 * x
            ### END SOLUTION
        ```

        ```rnn check=double points=2
        assert double(2) == 4
        ```

        ```rnn exercise=total points=3
        ### BEGIN SOLUTION
        total = sum(data)
        ### END SOLUTION
        ```

        ```rnn check=total
        assert total == 6
        ```

        """

    static let doubleSolution = "    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n"
    static let totalSolution = "### BEGIN SOLUTION\ntotal = sum(data)\n### END SOLUTION\n"

    static let binary = SubprocessTests.productsFolder.appendingPathComponent("rnnbook")

    func grade(_ submissions: [String: String], exerciseSeconds: Double = 20, memory: Int = 4096,
               jobs: Int = 2, forking: Bool = true, referenceRuns: ((Int) -> Void)? = nil) throws -> [String: SubmissionResult] {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "rnnbook binary not found")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let paths = try submissions.keys.sorted().map { try folder.write("\($0).md", submissions[$0] ?? "") }
        var worker = WorkerSettings(command: [Self.binary.path, "grade-worker", source, "--memory-limit", String(memory)],
                                    exerciseSeconds: exerciseSeconds, folder: folder)
        worker.environment = ["RNNBOOK_TEST_WORKER_TRAP": "# trap here"]
        worker.forking = forking
        let grader = try ProcessGrader(assignment: Assignment(Notebook.parse(name: "lab.md", text: Self.lab)),
                                       settings: GradingSettings(jobs: jobs), worker: worker)
        let results = try grader.grade(try Roster.resolve(paths: paths))
        referenceRuns?(grader.referenceRuns)
        return Dictionary(uniqueKeysWithValues: results.map { ($0.student, $0) })
    }

    @Test func aTrapCostsOnlyTheExerciseItHappenedIn() throws {
        let results = try grade([
            "honest": Self.lab,
            "trap": Self.lab.replacingOccurrences(of: Self.doubleSolution, with: "    # trap here\n    return 2 * x\n"),
        ])
        #expect(results["honest"]?.score == 5)
        let trap = try #require(results["trap"])
        #expect(trap.exercise("double")?.status == .crashed)
        #expect(trap.exercise("double")?.reason?.contains("signal 4 (SIGILL)") == true, "\(trap.exercise("double")?.reason ?? "nil")")
        #expect(trap.exercise("total")?.points == 3)
    }

    /// Workers forked from one zygote share its single reference run, also the fresh workers
    /// that replace crashed ones; started afresh, each runs its own. Scores are the same.
    @Test(arguments: [true, false])
    func oneReferenceRunServesEveryForkedWorker(_ forking: Bool) throws {
        let trap = Self.lab.replacingOccurrences(of: Self.doubleSolution, with: "    # trap here\n    return 2 * x\n")
        let wrong = Self.lab.replacingOccurrences(of: Self.totalSolution, with: "total = 5\n")
        var runs = 0
        let results = try grade(["a": Self.lab, "b": trap, "c": wrong, "d": trap, "e": Self.lab],
                                forking: forking, referenceRuns: { runs = $0 })
        #expect(results.mapValues(\.score) == ["a": 5, "b": 3, "c": 2, "d": 3, "e": 5])
        #expect(results["b"]?.exercise("double")?.status == .crashed)
        if forking {
            #expect(runs == 1)
        } else {
            // Two workers, and one more after each crash.
            #expect(runs >= 4)
        }
    }

    @Test func aBuiltinThatNeverReturnsIsKilledAtTheWallClockLimit() throws {
        let hang = "import torch\nm = torch.ones(8000, 8000)\ntotal = (m @ m @ m).sum()\n"
        let results = try grade([
            "honest": Self.lab,
            "hang": Self.lab.replacingOccurrences(of: Self.totalSolution, with: hang),
        ], exerciseSeconds: 3)
        #expect(results["honest"]?.score == 5)
        let hung = try #require(results["hang"])
        #expect(hung.exercise("double")?.points == 2)
        #expect(hung.exercise("total")?.status == .crashed)
        #expect(hung.exercise("total")?.reason?.contains("was killed after running 3 s") == true, "\(hung.exercise("total")?.reason ?? "nil")")
    }

    @Test func exhaustingMemoryCostsOnlyTheExerciseItHappenedIn() throws {
        let code = "    hog = [list(range(9000000)) for i in range(40)]\n    return 2 * x\n"
        let results = try grade([
            "honest": Self.lab,
            "hog": Self.lab.replacingOccurrences(of: Self.doubleSolution, with: code),
        ], memory: 512)
        #expect(results["honest"]?.score == 5, "\(results["honest"]?.exercises.map { "\($0.exercise) \($0.status) \($0.reason ?? "")" } ?? [])")
        let hog = try #require(results["hog"])
        #expect(hog.exercise("total")?.points == 3, "\(hog.exercises.map { "\($0.exercise) \($0.status) \($0.reason ?? "")" })")
        #expect(hog.exercise("double")?.points == 0)
        #expect([ExerciseStatus.crashed, .budget].contains(hog.exercise("double")?.status), "\(hog.exercise("double")?.reason ?? "nil")")
        #expect(hog.exercise("total")?.points == 3)
    }

    /// A zygote that can no longer fork (it died) gives way to a worker started afresh,
    /// which runs the reference itself and grades as a forked one does.
    @Test func aDeadZygoteGivesWayToAStartedWorker() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "rnnbook binary not found")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let student = try folder.write("s.md", Self.lab)
        let grader = try ProcessGrader(assignment: Assignment(Notebook.parse(name: "lab.md", text: Self.lab)),
                                       settings: GradingSettings(jobs: 1),
                                       worker: WorkerSettings(command: [Self.binary.path, "grade-worker", source], folder: folder))
        let zygote = try grader.startZygote()
        #expect(throws: WorkerError.self) {
            zygote.finish()
            _ = try zygote.fork()
        }
        var worker: WorkerProcess? = try grader.newWorker(from: zygote)
        #expect(grader.referenceRuns == 2)
        let entry = try #require(try Roster.resolve(paths: [student]).entries.first)
        let result = try grader.grade(entry, worker: &worker, zygote: zygote)
        #expect(result.score == 5)
        worker?.kill()
    }

    @Test func aSourceThatFailsIsRefusedByTheWorker() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "rnnbook binary not found")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = Self.lab.replacingOccurrences(of: "return 2 * x", with: "return 3 * x")
        let source = try folder.write("lab.md", broken)
        let student = try folder.write("s.md", broken)
        let grader = try ProcessGrader(assignment: Assignment(Notebook.parse(name: "lab.md", text: broken)),
                                       settings: GradingSettings(jobs: 1),
                                       worker: WorkerSettings(command: [Self.binary.path, "grade-worker", source], folder: folder))
        #expect(throws: WorkerError.self) { try grader.grade(try Roster.resolve(paths: [student])) }
    }
}
