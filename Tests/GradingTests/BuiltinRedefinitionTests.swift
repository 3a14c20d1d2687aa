import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// A student's block runs just before its checks, in the same session: rebinding a helper the
/// checks call (`assert_close`, `full`, …) must not make the checks pass.
@Suite struct BuiltinRedefinitionTests {
    static let lab = """
        ---
        title: Helpers lab
        seed: 1
        operations: 200000
        ---
        ```rnn exercise=scale points=2
        def scale(x, k):
            ### BEGIN SOLUTION
            return x * k
            ### END SOLUTION
        ```

        ```rnn check=scale points=1
        assert_close(scale(ones(2, 2), 3.0), full((2, 2), 3.0))
        ```

        ```rnn check=scale points=1
        ### BEGIN HIDDEN TESTS
        assert_close(scale(tensor([1.0, 2.0]), 2.0), tensor([2.0, 4.0]))
        ### END HIDDEN TESTS
        ```
        """

    static func grade(_ exercise: String) throws -> ExerciseResult {
        let grader = try Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: lab)))
        let text = lab.replacingOccurrences(of: "    ### BEGIN SOLUTION\n    return x * k\n    ### END SOLUTION\n", with: exercise)
        let submission = Submission(path: "s.md", student: "s", notebook: Notebook.parse(name: "s.md", text: text), unreadableReason: nil, hash: "")
        return try #require(grader.grade(submission).exercise("scale"))
    }

    @Test(arguments: [
        ("    return x + 100\nassert_close = lambda *a, **k: None\n", ["assert_close"]),
        ("    return x + 1\ndef full(shape, v):\n    return ones(*shape) + 1\ndef tensor(v):\n    return zeros(2) + 1\n", ["full", "tensor"]),
        ("    return x + 100\ndel assert_close\nassert_close = print\n", ["assert_close"]),
    ])
    func rebindingAHelperInTheExerciseBlockDoesNotPassTheChecks(_ code: String, _ names: [String]) throws {
        let result = try Self.grade(code)
        #expect(result.points == 0)
        #expect(result.checks.map(\.passed) == [false, false])
        for name in names {
            #expect(result.reason?.contains("your code redefined the built-in '\(name)'; the checks used the built-in") == true, "\(result.reason ?? "nil")")
        }
    }

    @Test func rebindingAHelperFromAFunctionTheChecksCallIsUndoneBeforeTheNextCheck() throws {
        let result = try Self.grade("""
                global assert_close
                assert_close = lambda *a, **k: None
                return x + 100

            """)
        #expect(result.points == 0)
        #expect(result.reason?.contains("your code redefined the built-in 'assert_close' while the checks ran") == true, "\(result.reason ?? "nil")")
    }

    @Test func aCorrectSolutionThatShadowsABuiltinKeepsItsPoints() throws {
        let result = try Self.grade("    return x * k\nabs = 3\n")
        #expect(result.points == 2)
        #expect(result.status == .passed)
        #expect(result.reason == "your code redefined the built-in 'abs'; the checks used the built-in")
    }
}
