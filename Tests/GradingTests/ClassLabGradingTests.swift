import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// A lab written the way PyTorch labs are: an environment class before the exercise, a
/// reward rule the student writes into a method, stubs marked with
/// `raise NotImplementedError("Student exercise: …")` as in the original notebooks.
@Suite(.serialized) struct ClassLabGradingTests {
    static let lab = """
        ---
        title: Class lab
        seed: 1
        operations: 200000
        timeout: 5
        ---
        ```rnn
        class Env:
            goal = 3
            def __init__(self):
                self.position = 0
            def step(self, move):
                self.position += move
                return self.position

        class Agent:
            def __init__(self, env):
                self.env = env
                self.history = []
            def act(self):
                self.history.append(self.env.step(1))
                return self.history[-1]

        env = Env()
        agent = Agent(env)
        ```

        ```rnn exercise=reward points=2
        def reward(position, goal):
            ### BEGIN SOLUTION
            return 1.0 if position == goal else 0.0
            ### END SOLUTION
        ```

        ```rnn check=reward points=2
        for _ in range(3):
            agent.act()
        assert reward(env.position, Env.goal) == 1.0, "at the goal the reward is 1"
        assert reward(0, Env.goal) == 0.0, "elsewhere the reward is 0"
        assert agent.history == [1, 2, 3]
        ```
        """

    static func submission(_ body: String) -> String {
        lab.replacingOccurrences(of: "    ### BEGIN SOLUTION\n    return 1.0 if position == goal else 0.0\n    ### END SOLUTION\n",
                                 with: body)
    }

    static let cases: [(name: String, text: String, score: Double, status: ExerciseStatus)] = [
        ("correct", lab, 2, .passed),
        ("stub", submission("    raise NotImplementedError(\"Student exercise: compute the reward.\")\n"), 0, .notImplemented),
        ("wrong", submission("    return 1.0\n"), 0, .failed),
        ("swallows its loop", submission("    try:\n        while True:\n            pass\n    except BaseException:\n        return 1.0\n"), 0, .budget),
        ("mutates the class", submission("    Env.goal = 0\n    return 1.0 if position == goal else 0.0\n"), 0, .failed),
        ("correct after it", lab, 2, .passed),
    ]

    @Test func aLabDefiningClassesIsGradedFromSnapshots() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-classlab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for example in Self.cases {
            let path = folder.appendingPathComponent(example.name.replacingOccurrences(of: " ", with: "-") + ".md").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(example.text.utf8))
            paths.append(path)
        }
        let assignment = Assignment(Notebook.parse(name: "lab.md", text: Self.lab))
        let grader = try Grader(assignment: assignment, settings: GradingSettings(jobs: 1))
        #expect(ReferenceTrack(states: grader.states, share: true).sharesState)
        let results = grader.grade(paths: paths)
        for (example, result) in zip(Self.cases, results) {
            #expect(result.score == example.score, "\(example.name)")
            #expect(result.exercise("reward")?.status == example.status, "\(example.name): \(result.exercise("reward")?.reason ?? "")")
        }
        var replay = GradingSettings(jobs: 1)
        replay.shareState = false
        let replayed = try Grader(assignment: assignment, settings: replay).grade(paths: paths)
        #expect(replayed.map(\.score) == results.map(\.score))
    }
}
