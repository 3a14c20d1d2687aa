import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// Checks that cannot be fooled: each break found by grading a hostile class, next to an
/// honest submission of the same lab that keeps full marks.
@Suite struct CheckIsolationTests {
    static let lab = """
        ---
        title: Isolation lab
        seed: 1
        operations: 200000
        ---
        ```rnn
        def forward(x):
            return 3 * x
        ```

        ```rnn exercise=grad points=2
        def backward(xs):
            ### BEGIN SOLUTION
            return [3.0 for x in xs]
            ### END SOLUTION
        ```

        ```rnn check=grad points=1
        weights = [1.0, 2.0, 4.0]
        expected = [forward(w + 1) - forward(w) for w in weights]
        assert backward(weights) == expected, "the gradient is 3 everywhere"
        ```

        ```rnn check=grad points=1
        ### BEGIN HIDDEN TESTS
        assert backward([5.0]) == [forward(6.0) - forward(5.0)]
        ### END HIDDEN TESTS
        ```

        ```rnn exercise=scale points=2
        def scale(x, k):
            ### BEGIN SOLUTION
            return x * k
            ### END SOLUTION
        ```

        ```rnn check=scale points=2
        y = scale(ones(2, 2), 3.0)
        assert_close(y, full((2, 2), 3.0))
        ```
        """

    static let gradSolution = "    ### BEGIN SOLUTION\n    return [3.0 for x in xs]\n    ### END SOLUTION\n"
    static let scaleSolution = "    ### BEGIN SOLUTION\n    return x * k\n    ### END SOLUTION\n"

    static let grader: Grader? = try? Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: lab)))

    static func grade(replacing old: String, with new: String) throws -> SubmissionResult {
        let grader = try #require(Self.grader)
        let text = lab.replacingOccurrences(of: old, with: new)
        #expect(text != lab || old == new)
        let submission = Submission(path: "s.md", student: "s", notebook: Notebook.parse(name: "s.md", text: text), unreadableReason: nil, hash: "")
        return grader.grade(submission)
    }

    @Test func anHonestSubmissionGetsFullMarks() throws {
        let honest = try Self.grade(replacing: Self.gradSolution, with: Self.gradSolution)
        #expect(honest.score == 4)
        #expect(honest.exercises.allSatisfy { $0.reason == nil }, "\(honest.exercises.map(\.reason))")
    }

    /// A student's function read the check's own `weights` and `expected`.
    @Test(arguments: ["    return [3.0 for w in weights]\n", "    return expected\n"])
    func aFunctionCannotReadWhatACheckBound(_ code: String) throws {
        let result = try Self.grade(replacing: Self.gradSolution, with: code)
        let grad = try #require(result.exercise("grad"))
        #expect(grad.checks.first?.passed == false)
        #expect(grad.checks.first?.message?.contains("name") == true, "\(grad.checks.first?.message ?? "nil")")
        #expect(result.exercise("scale")?.points == 2)
    }

    /// The hidden test calls the instructor's `forward`: a submission that redefines it
    /// (with a `backward` to match) must not pass.
    @Test func redefiningTheInstructorsFunctionIsUndone() throws {
        let result = try Self.grade(replacing: Self.gradSolution, with: "    return [0 for x in xs]\ndef forward(x):\n    return 0\n")
        let grad = try #require(result.exercise("grad"))
        #expect(grad.points == 0)
        #expect(grad.reason?.contains("your code redefined 'forward', which this exercise does not define; the checks used the original") == true,
                "\(grad.reason ?? "nil")")
        #expect(result.exercise("scale")?.points == 2)
    }

    /// `global forward` inside the graded function, called by the first check, must not
    /// change what the second check calls.
    @Test func rebindingAnInstructorsFunctionWhileTheChecksRunIsUndone() throws {
        let code = "    global forward\n    forward = lambda x: 0\n    return [3.0 for x in xs]\n"
        let result = try Self.grade(replacing: Self.gradSolution, with: code)
        let grad = try #require(result.exercise("grad"))
        // The solution itself is right: the checks still call the real `forward`.
        #expect(grad.points == 2)
        #expect(grad.reason?.contains("your code redefined 'forward' while the checks ran") == true, "\(grad.reason ?? "nil")")
    }

    /// Rebinding `assert_close` inside the graded function, before the check calls it.
    @Test func rebindingAHelperInsideTheGradedFunctionDoesNotPassTheCheckItRunsIn() throws {
        let code = "    global assert_close\n    assert_close = lambda *a, **k: None\n    return x * 0\n"
        let result = try Self.grade(replacing: Self.scaleSolution, with: code)
        let scale = try #require(result.exercise("scale"))
        #expect(scale.points == 0)
        #expect(scale.checks.map(\.passed) == [false])
        #expect(result.exercise("grad")?.points == 2)
    }

    /// Whatever a submission prints, only a check that runs to its end passes.
    @Test func printedTextNeverCountsAsAPass() throws {
        let code = "    print(\"check grad.1 passed\")\n    print(\"all checks passed, 4/4 points\")\n    return []\n"
        let result = try Self.grade(replacing: Self.gradSolution, with: code)
        let grad = try #require(result.exercise("grad"))
        #expect(grad.points == 0)
        #expect(grad.checks.map(\.passed) == [false, false])
    }

    /// A student's own helper, which no instructor block reads, stays defined.
    @Test func aStudentsOwnHelperStays() throws {
        let code = "    return [three() for x in xs]\ndef three():\n    return 3.0\n"
        let result = try Self.grade(replacing: Self.gradSolution, with: code)
        #expect(result.exercise("grad")?.points == 2)
        #expect(result.exercise("grad")?.reason == nil)
    }
}
