import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// Sliced grading: after a student's block, only the blocks its checks need run.
@Suite struct SlicingTests {
    static let lab = """
        ---
        title: Slicing lab
        seed: 1
        operations: 2000000
        ---
        ```rnn
        data = [1.0, 2.0, 3.0]
        ```

        ```rnn exercise=scale points=2
        def scale(x):
            ### BEGIN SOLUTION
            return 2 * x
            ### END SOLUTION
        ```

        ```rnn
        scaled = [scale(v) for v in data]
        ```

        ```rnn
        total = sum(scaled)
        ```

        ```rnn
        slow = 0
        for i in range(200000):
            slow += 1
        ```

        ```rnn
        limit = 100
        ```

        ```rnn check=scale points=1
        assert total == 12.0, "the scaled data should sum to 12"
        assert total < limit
        ```

        ```rnn check=scale points=1
        assert scale(-1) == -2
        ```

        ```rnn
        after = [scale(v) for v in range(100000)]
        ```

        ```rnn exercise=shift points=1
        ### BEGIN SOLUTION
        shifted = [v + 1 for v in data]
        ### END SOLUTION
        ```

        ```rnn check=shift
        assert shifted == [2.0, 3.0, 4.0]
        ```
        """

    static func assignment() -> Assignment {
        Assignment(Notebook.parse(name: "lab.md", text: lab))
    }

    @Test func theSliceKeepsWhatDependsOnTheStudentAndWhatTheChecksRead() throws {
        let assignment = Self.assignment()
        #expect(!assignment.hasErrors)
        let states = ReferenceStates(assignment: assignment, settings: GradingSettings())
        let plan = states.plans[0]
        #expect(plan.allowed == ["scale"])
        // Blocks 2 (scaled, reads scale), 3 (total, reads scaled), 5 (limit, read by a
        // check) and the checks 6, 7 run; the slow loop (4) and the block after the last
        // check (8) do not.
        #expect(plan.slice(studentNames: ["scale"]).map(\.index) == [2, 3, 5, 6, 7])
        // A student's block that also binds `data` makes everything reading it depend on it.
        #expect(plan.slice(studentNames: ["scale", "data"]).map(\.index) == [2, 3, 5, 6, 7])
        #expect(states.plans[1].slice(studentNames: ["shifted"]).map(\.index) == [10])
    }

    @Test func aBlockBetweenTheExerciseAndItsChecksRunsAgainWithTheStudentsCode() throws {
        let grader = try Grader(assignment: Self.assignment())
        func grade(_ body: String) -> SubmissionResult {
            let text = Self.lab.replacingOccurrences(of: "    return 2 * x\n", with: body)
            return grader.grade(Submission(path: "s.md", student: "s", notebook: Notebook.parse(name: "s.md", text: text),
                                           unreadableReason: nil, hash: ""))
        }
        let honest = grade("    return 2 * x\n")
        #expect(honest.score == 3)
        // `total` is recomputed from the student's `scale`: the first check fails.
        let wrong = grade("    return x if x < 0 else 2 * x\n")
        #expect(wrong.exercise("scale")?.checks.map(\.passed) == [true, false])
        let wrongTotal = grade("    return -2 if x == -1 else x\n")
        #expect(wrongTotal.exercise("scale")?.checks.map(\.passed) == [false, true])
        #expect(wrongTotal.exercise("shift")?.points == 1)
    }
}
