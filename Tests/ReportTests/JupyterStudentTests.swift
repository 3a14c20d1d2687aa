import Foundation
import Testing
@testable import Grading
@testable import Notebook
@testable import Report

/// `rnnbook export --edition student`: the handout as nbgrader releases it, which students
/// fill in Jupyter and hand back as `.ipynb` to `rnnbook grade`.
struct JupyterStudentTests {
    static let source = """
        ---
        title: Doubling
        seed: 1
        ---
        Write `double`.

        ```rnn exercise=double points=2
        def double(x):
            ### BEGIN SOLUTION
            return 2 * x
            ### END SOLUTION
        ```

        ```rnn check=double points=2
        assert double(2) == 4
        ### BEGIN HIDDEN TESTS
        assert double(-3) == -6
        ### END HIDDEN TESTS
        ```

        """

    static func cells(_ data: Data) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["cells"] as? [[String: Any]])
    }

    @Test func theHandoutHasStubsNoSecretsAndNoOutputs() throws {
        let assignment = Assignment(Notebook.parse(name: "lab.md", text: Self.source))
        let data = try JupyterExporter.exportStudent(assignment)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("return 2 * x") && !text.contains("double(-3)") && !text.contains("BEGIN"))
        let cells = try Self.cells(data)
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code"])
        for cell in cells.dropFirst() {
            #expect((cell["outputs"] as? [Any])?.isEmpty == true)
            #expect(cell["execution_count"] is NSNull)
        }
        let answer = try #require((cells[1]["metadata"] as? [String: Any])?["nbgrader"] as? [String: Any])
        #expect(answer["solution"] as? Bool == true && answer["locked"] as? Bool == false)
        let test = try #require((cells[2]["metadata"] as? [String: Any])?["nbgrader"] as? [String: Any])
        #expect(test["grade"] as? Bool == true && test["locked"] as? Bool == true && test["points"] as? Double == 2)
        #expect((cells[2]["source"] as? [String])?.joined() == "assert double(2) == 4")
    }

    @Test func notebooksFilledInJupyterAreGraded() throws {
        let assignment = Assignment(Notebook.parse(name: "lab.md", text: Self.source))
        let handout = try JupyterExporter.exportStudent(assignment)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jupyter-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func submit(_ name: String, answer: String?, keepMetadata: Bool = true) throws -> String {
            var root = try #require(try JSONSerialization.jsonObject(with: handout) as? [String: Any])
            var cells = try Self.cells(handout)
            if let answer { cells[1]["source"] = [answer] }
            if !keepMetadata { cells[1]["metadata"] = [String: Any]() }
            root["cells"] = cells
            let path = folder.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
            return path
        }
        let paths = [
            try submit("alice.ipynb", answer: "def double(x):\n    return x + x\n"),
            try submit("bob.ipynb", answer: nil),
            try submit("carl.ipynb", answer: "def double(x):\n    return 4\n"),
        ]
        let broken = folder.appendingPathComponent("dora.ipynb").path
        try Data("{\"cells\": 3".utf8).write(to: URL(fileURLWithPath: broken))
        // An answer pasted into a copied cell has no nbgrader metadata: the reason says so.
        let copied = try submit("emil.ipynb", answer: "def double(x):\n    return x + x\n", keepMetadata: false)
        let results = try Grader(assignment: assignment).grade(paths: paths + [broken, copied])
        #expect(results.map(\.student) == ["alice", "bob", "carl", "dora", "emil"])
        #expect(results.map(\.score) == [2, 0, 0, 0, 0])
        #expect(results[4].exercises.first?.reason?.hasPrefix(
            "no answer cell for 'double' in the notebook (a code cell whose nbgrader metadata has grade_id 'double'") == true,
            "\(results[4].exercises.first?.reason ?? "nil")")
        #expect(results[1].exercises.first?.status == .notImplemented)
        #expect(results[3].exercises.first?.reason?.hasPrefix("the submission is not a Jupyter notebook") == true,
                "\(results[3].exercises.first?.reason ?? "nil")")
    }
}
