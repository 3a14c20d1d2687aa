import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// A student's block that changes the instructor's objects in place (`W_in.zero_()`,
/// `weights.append(…)`, `net.fc.weight.data[:] = 0`) fools no check and leaks into no later
/// exercise; what the reference solution itself changes in place (a model it trains) stays
/// the student's.
@Suite struct InPlaceMutationTests {
    static let lab = """
        ---
        title: Mutation lab
        seed: 1
        operations: 2000000
        ---
        ```rnn
        import torch
        import torch.nn as nn
        W_in = torch.ones(2, 2)
        weights = [1.0, 2.0]
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 2)
        net = Net()
        with torch.no_grad():
            net.fc.weight.fill_(0.5)
        ```

        ```rnn exercise=total points=3
        def total(w, ws, model):
            ### BEGIN SOLUTION
            return float(w.sum()) + sum(ws) + float(model.fc.weight.sum())
            ### END SOLUTION
        ```

        ```rnn check=total points=3
        assert total(W_in, weights, net) == float(W_in.sum()) + sum(weights) + float(net.fc.weight.sum())
        ```

        ```rnn exercise=train points=2
        ### BEGIN SOLUTION
        with torch.no_grad():
            net.fc.weight.add_(1.0)
        ### END SOLUTION
        ```

        ```rnn check=train points=2
        assert float(net.fc.weight.sum()) == 6.0
        ```

        ```rnn exercise=later points=2
        ### BEGIN SOLUTION
        later = float(W_in.sum()) + len(weights)
        ### END SOLUTION
        ```

        ```rnn check=later points=2
        assert later == 6.0
        ```
        """

    static let totalSolution = "    ### BEGIN SOLUTION\n    return float(w.sum()) + sum(ws) + float(model.fc.weight.sum())\n    ### END SOLUTION\n"
    static let trainSolution = "### BEGIN SOLUTION\nwith torch.no_grad():\n    net.fc.weight.add_(1.0)\n### END SOLUTION\n"

    static let grader: Grader? = try? Grader(assignment: Assignment(Notebook.parse(name: "lab.md", text: lab)))

    static func grade(_ text: String) throws -> SubmissionResult {
        let grader = try #require(Self.grader)
        let submission = Submission(path: "s.md", student: "s", notebook: Notebook.parse(name: "s.md", text: text),
                                    unreadableReason: nil, hash: "")
        return grader.grade(submission)
    }

    @Test func theReferenceGetsFullMarks() throws {
        let result = try Self.grade(Self.lab)
        #expect(result.score == 7, "\(result.exercises.map(\.reason))")
        #expect(result.exercises.allSatisfy { $0.reason == nil }, "\(result.exercises.map(\.reason))")
    }

    /// Each hostile block empties an instructor object in place and returns 0 for it, which
    /// the first assert of the check, computed from the same objects, would accept.
    @Test(arguments: [
        ("W_in", "    return float(ws[0] + ws[1]) + float(model.fc.weight.sum())\nW_in.zero_()\n"),
        ("weights", "    return float(w.sum()) + float(model.fc.weight.sum())\nweights.clear()\n"),
        ("net", "    return float(w.sum()) + sum(ws)\nnet.fc.weight.data[:] = 0\n"),
    ])
    func aChangeInPlaceIsUndoneBeforeTheChecks(_ name: String, _ code: String) throws {
        let result = try Self.grade(Self.lab.replacingOccurrences(of: Self.totalSolution, with: code))
        let total = try #require(result.exercise("total"))
        #expect(total.points == 0, "\(total.checks.map(\.message))")
        #expect(total.reason?.contains("your code changed '\(name)' in place") == true, "\(total.reason ?? "nil")")
        // The next exercises start from the instructor's objects.
        #expect(result.exercise("train")?.points == 2, "\(result.exercise("train")?.reason ?? "nil")")
        #expect(result.exercise("later")?.points == 2, "\(result.exercise("later")?.reason ?? "nil")")
    }

    /// An honest block that changes an object in place the way the reference solution does
    /// (training `net`) keeps its change, and gets the marks.
    @Test func aChangeTheSolutionAlsoMakesStays() throws {
        let honest = "with torch.no_grad():\n    net.fc.weight.mul_(0.0)\n    net.fc.weight.add_(1.5)\n"
        let result = try Self.grade(Self.lab.replacingOccurrences(of: Self.trainSolution, with: honest))
        let train = try #require(result.exercise("train"))
        #expect(train.points == 2, "\(train.reason ?? "nil")")
        #expect(train.reason == nil)
        // A wrong change of the same object is the student's own, and fails.
        let wrong = "with torch.no_grad():\n    net.fc.weight.add_(2.0)\n"
        let failed = try Self.grade(Self.lab.replacingOccurrences(of: Self.trainSolution, with: wrong))
        #expect(failed.exercise("train")?.points == 0)
        #expect(failed.exercise("train")?.reason?.contains("in place") != true)
    }

    /// The next exercise sees the instructor's objects even when the student's block
    /// changed them and its own check ran with them.
    @Test func aChangeDoesNotLeakIntoTheNextExercise() throws {
        let hostile = "with torch.no_grad():\n    net.fc.weight.add_(1.0)\nW_in.zero_()\nweights.append(100.0)\n"
        let result = try Self.grade(Self.lab.replacingOccurrences(of: Self.trainSolution, with: hostile))
        let train = try #require(result.exercise("train"))
        #expect(train.points == 2)
        #expect(train.reason?.contains("'W_in' in place") == true, "\(train.reason ?? "nil")")
        #expect(train.reason?.contains("'weights' in place") == true, "\(train.reason ?? "nil")")
        #expect(result.exercise("later")?.points == 2, "\(result.exercise("later")?.reason ?? "nil")")
    }
}
