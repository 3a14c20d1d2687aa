import Foundation
import Testing
@testable import RnnbookCLI

/// `assign`, `check`, `grade` and `gradebook merge` end to end, in process.
@Suite(.serialized) struct GradingCommandTests {
    static let lab = """
        ---
        title: Tiny lab
        operations: 100000
        ---
        ```rnn exercise=double points=2
        def double(x):
            ### BEGIN SOLUTION Return twice x.
            return 2 * x
            ### END SOLUTION
        ```

        ```rnn check=double points=1
        assert double(2) == 4, "double(2) should be 4"
        ```

        ```rnn check=double points=1
        ### BEGIN HIDDEN TESTS
        assert double(-3) == -6, "negative numbers"
        ### END HIDDEN TESTS
        ```
        """

    @Test func assignThenCheckTheUntouchedStudentVersion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let assign = runCLI(["assign", source])
        #expect(assign.code == 0)
        #expect(assign.out.hasSuffix("lab-student.md: 1 exercise, 2 checks, 2 points; no solution or hidden test leaked; every check fails on the stub\n"))
        let student = folder.appendingPathComponent("lab-student.md").path
        let text = try String(contentsOfFile: student, encoding: .utf8)
        #expect(text.contains("    todo(\"Return twice x.\")\n"))
        #expect(!text.contains("return 2 * x") && !text.contains("negative numbers"))
        let check = runCLI(["check", student])
        #expect(check.code == 1)
        #expect(check.out == """
            exercise double (2 points)
              ✗ double.1  0/1  student exercise not implemented: Return twice x.
              · double.2  hidden: runs at grading (1)
            total: 0/1 points from visible checks (2 in all)

            """)
        let solved = try folder.write("solved.md", text.replacingOccurrences(of: "todo(\"Return twice x.\")", with: "return x + x"))
        let good = runCLI(["check", solved])
        #expect(good.code == 0)
        #expect(good.out.contains("  ✓ double.1  1/1\n"))
    }

    /// A failing check says where the error is, in the student's file, with the line and a
    /// caret, and how the call got there; an error in the exercise block likewise.
    @Test func checkSaysWhereAFailingCheckWentWrong() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let student = try folder.write("lab.md", Self.lab.replacingOccurrences(of: "    return 2 * x\n", with: "    return 2 * xx\n"))
        let result = runCLI(["check", student])
        #expect(result.code == 1)
        #expect(result.out.contains("""
              ✗ double.1  0/1  \(student):8:16: undefined name 'xx' (did you mean 'x'?)
                   8 |     return 2 * xx
                     |                ^~
            """), "\(result.out)")
        #expect(result.out.contains("in double() at \(student):8:16"), "\(result.out)")
        // The second check fails with the same error: its place again, not the excerpt.
        #expect(result.out.contains("  ✗ double.2  0/1  \(student):8:16: undefined name 'xx' (did you mean 'x'?)\ntotal:"), "\(result.out)")
        let broken = try folder.write("broken.md", Self.lab.replacingOccurrences(of: "def double(x):\n", with: "import subprocess\ndef double(x):\n"))
        let failing = runCLI(["check", broken])
        #expect(failing.out.contains("  ✗ error: \(broken):6:8: no module named 'subprocess'"), "\(failing.out)")
        #expect(failing.out.contains("  ✗ double.1  0/1  not run: the exercise's block stopped with the error above\n"), "\(failing.out)")
        #expect(failing.out.contains("       6 | import subprocess\n"), "\(failing.out)")
    }

    @Test func assignRefusesBrokenMarkup() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab.replacingOccurrences(of: "    ### END SOLUTION\n", with: ""))
        let result = runCLI(["assign", source])
        #expect(result.code == 1)
        #expect(result.error.contains("'### BEGIN SOLUTION' is never closed by '### END SOLUTION'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("lab-student.md").path))
    }

    /// Look-alike markers (`### begin solution`, `### BEGIN SOLUTIONS`, `### BEGIN HIDDEN TEST`)
    /// must stop assign, grade and check: taken for code, they leak the region.
    @Test(arguments: [
        ("### BEGIN SOLUTION Return twice x.", "### begin solution Return twice x.", "'### begin solution'"),
        ("### END SOLUTION", "### END SOLUTIONS", "'### END SOLUTIONS'"),
        ("### BEGIN HIDDEN TESTS", "### BEGIN HIDDEN TEST", "'### BEGIN HIDDEN TEST'"),
        ("### BEGIN SOLUTION Return twice x.", "###BEGIN SOLUTION Return twice x.", "'###BEGIN SOLUTION'"),
    ])
    func lookAlikeMarkersAreRefusedEverywhere(_ exact: String, _ lookAlike: String, _ quoted: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab.replacingOccurrences(of: exact, with: lookAlike))
        for arguments in [["assign", source], ["grade", source, source], ["check", source]] {
            let result = runCLI(arguments)
            #expect(result.code == 1, "\(arguments[0])")
            #expect(result.error.contains("\(quoted) is not a grading marker"), "\(arguments[0]): \(result.error)")
            #expect(!result.out.contains("leaked"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("lab-student.md").path))
    }

    @Test func checkReportsPointsThatDoNotAddUpAsAssignDoes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab.replacingOccurrences(of: "exercise=double points=2", with: "exercise=double points=3"))
        let assign = runCLI(["assign", source])
        let check = runCLI(["check", source])
        #expect(assign.code == 1 && check.code == 1)
        #expect(check.error.contains("lab.md:5:8: error: exercise 'double' is worth 3 points but its checks add up to 2"))
        #expect(check.error == assign.error)
        #expect(check.out.isEmpty)
    }

    @Test func gradeWritesFeedbackGradebookAndCSVAndReportsChanges() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let ann = try folder.write("ann.md", Self.lab)
        let bob = try folder.write("bob.md", Self.lab.replacingOccurrences(of: "return 2 * x", with: "return abs(2 * x)"))
        let book = folder.appendingPathComponent("g.sqlite").path
        let csv = folder.appendingPathComponent("out.csv").path
        let feedback = folder.appendingPathComponent("fb").path
        let first = runCLI(["grade", source, ann, bob, "--gradebook", book, "--csv", csv, "--feedback", feedback, "--jobs", "2"])
        #expect(first.code == 0)
        #expect(first.out.hasPrefix("ann: 2/2 — double 2/2 passed\nbob: 1/2 — double 1/2 partial (failed double.2)\n"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "student,double,total\nann,2,2\nbob,1,1\n")
        let page = try String(contentsOfFile: feedback + "/bob.html", encoding: .utf8)
        #expect(page.contains("1 / 2 points"))
        #expect(page.contains("<code>double.2</code> (hidden)"))
        #expect(page.contains("assertion failed: negative numbers"))
        #expect(!page.contains("double(-3)"))
        // Re-grading after a fix adds a run and says what changed.
        try Self.lab.write(toFile: bob, atomically: true, encoding: .utf8)
        let second = runCLI(["grade", source, ann, bob, "--gradebook", book])
        #expect(second.out.contains("recorded run 2 in \(book)\n1 submission changed on `double`: bob\n"))
    }

    @Test func shardsSplitTheClassAndMergeBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab)
        let students = try (0..<6).map { try folder.write("s\($0).md", Self.lab) }
        var graded: [String] = []
        for k in 1...2 {
            let book = folder.appendingPathComponent("shard\(k).sqlite").path
            let result = runCLI(["grade", source] + students + ["--shard", "\(k)/2", "--gradebook", book])
            #expect(result.code == 0)
            graded += result.out.split(separator: "\n").filter { $0.hasPrefix("s") }.map { String($0.prefix(2)) }
        }
        #expect(graded.sorted() == ["s0", "s1", "s2", "s3", "s4", "s5"])
        let merged = folder.appendingPathComponent("all.sqlite").path
        let merge = runCLI(["gradebook", "merge", merged, folder.appendingPathComponent("shard1.sqlite").path,
                            folder.appendingPathComponent("shard2.sqlite").path])
        #expect(merge.code == 0)
        #expect(runCLI(["grade", source, students[0], "--shard", "3/2"]).code == 64)
    }

    @Test func aSourceThatFailsIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try folder.write("lab.md", Self.lab.replacingOccurrences(of: "return 2 * x", with: "return 3 * x"))
        let result = runCLI(["grade", source, source])
        #expect(result.code == 1)
        #expect(result.error.contains("the source notebook fails with its own solutions"))
    }

    @Test func checkOfLab1sUntouchedStudentVersion() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let student = root.appendingPathComponent("Tests/GradingTests/Lab1/untouched.md").path
        let result = runCLI(["check", student, "-p", "train_steps=30", "-p", "test_trials=10", "-p", "bptt_steps=2", "-p", "min_accuracy=0", "-p", "hidden_size=16", "-p", "step_train_steps=5"])
        #expect(result.code == 1)
        for exercise in ["leaky_step.1", "accuracy.1", "bptt.1"] {
            #expect(result.out.contains("  ✗ \(exercise)  0/"), "\(exercise) in \(result.out)")
        }
        #expect(result.out.contains("student exercise not implemented"))
        #expect(result.out.hasSuffix("total: 0/4 points from visible checks (10 in all)\n"))
    }

    /// Lab 2's handout runs to the end: every visible check fails on its stub, nothing crashes.
    @Test func checkOfLab2sUntouchedStudentVersion() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let student = root.appendingPathComponent("Tests/GradingTests/Lab2/untouched.md").path
        let result = runCLI(["check", student, "-p", "max_epochs=3"])
        #expect(result.code == 1)
        for exercise in ["value_rnn.1", "value_loss.1", "rpe.1"] {
            #expect(result.out.contains("  ✗ \(exercise)  0/1  student exercise not implemented"), "\(exercise) in \(result.out)")
        }
        #expect(result.out.hasSuffix("total: 0/3 points from visible checks (10 in all)\n"))
    }

    /// `assign -p` grades the stub with a short training; the student version is the same.
    @Test func assignTakesParametersForGradingTheStub() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("student.md").path
        let result = runCLI(["assign", root.appendingPathComponent("notebooks/02-value-td.md").path, "-o", target,
                             "-p", "max_epochs=2", "-p", "min_r2=-1e9", "-p", "max_reward_rpe=1e9"])
        #expect(result.code == 0, "\(result.error)")
        #expect(result.out.contains("every check fails on the stub"))
        let committed = try String(contentsOf: root.appendingPathComponent("Tests/GradingTests/Lab2/untouched.md"), encoding: .utf8)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == committed)
    }
}
