import Foundation
import Testing
@testable import Grading
@testable import Notebook

/// Labs made of several files: the modules a notebook imports, their student versions, and
/// grading a notebook whose code imports the instructor's modules.
@Suite final class StudentModulesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("student-modules-\(UUID().uuidString)")
    static let module = """
        import torch

        def scale(x):
            ### BEGIN SOLUTION Return x times three.
            return 3 * x
            ### END SOLUTION

        ### BEGIN HIDDEN TESTS
        assert scale(1) == 3
        ### END HIDDEN TESTS
        VALUE = 7
        """
    static let lab = """
        ---
        seed: 1
        ---
        ```rnn
        import torch
        import models.students_rnn as rnn
        from competency_task_students import helper
        ```

        ```rnn exercise=twice points=2
        def twice(x):
            ### BEGIN SOLUTION
            return 2 * rnn.scale(x) / 3
            ### END SOLUTION
        ```

        ```rnn check=twice points=2
        assert twice(3) == 6 and helper() == 7
        ```
        """

    init() throws {
        for (name, text) in [
            "models/students_rnn.py": Self.module, "models/__init__.py": "",
            "competency_task_students.py": "from models.students_rnn import VALUE\ndef helper():\n    return VALUE\n",
            "unused.py": "x = 1\n", "lab.md": Self.lab,
        ] {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var notebook: Notebook { Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: Self.lab) }

    @Test func theImportedModulesAreFoundThroughOtherModules() {
        #expect(StudentModules.imported(by: notebook) == ["competency_task_students.py", "models/__init__.py", "models/students_rnn.py"])
        #expect(StudentModules.importedNames("import a.b as c, d\nfrom e import (f, g as h)\nx = 1")
                == ["a.b", "d", "e", "e.f", "e.g"])
    }

    /// Relative imports inside a package are resolved there, so their modules are handed out.
    @Test func relativeImportsInPackagesAreFound() {
        #expect(StudentModules.importedNames("from .util import f\nfrom . import more\nfrom .. import x", package: ["pkg"])
                == ["pkg.util", "pkg.util.f", "pkg", "pkg.more"])
        #expect(StudentModules.importedNames("from ..b import c", package: ["a", "sub"]) == ["a.b", "a.b.c"])
        #expect(StudentModules.importedNames("from . import x").isEmpty)
        let files = ["helpers/__init__.py": "", "helpers/twice.py": "from .util import double\nfrom . import extra\n",
                     "helpers/util.py": "def double(x):\n    return 2 * x\n", "helpers/extra.py": "E = 1\n",
                     "rel.md": "```rnn\nimport helpers.twice\n```\n"]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        let notebook = Notebook.parse(name: folder.appendingPathComponent("rel.md").path, text: files["rel.md"] ?? "")
        #expect(StudentModules.imported(by: notebook)
                == ["helpers/__init__.py", "helpers/extra.py", "helpers/twice.py", "helpers/util.py"])
    }

    @Test func solutionsBecomeStubsAndHiddenTestsGo() {
        let (student, problems, leaks) = StudentModules.make(Self.module, file: "m.py")
        #expect(problems.isEmpty && leaks.isEmpty)
        #expect(student == """
            import torch

            def scale(x):
                todo("Return x times three.")

            VALUE = 7
            """)
    }

    @Test func badMarkersAreProblems() {
        let (_, problems, _) = StudentModules.make("def f():\n    ### BEGIN SOLUTION\n    return 1\n# begin solution\n", file: "m.py")
        #expect(problems == [
            "m.py:4:1: error: '# begin solution' looks like a marker; write '### BEGIN SOLUTION' exactly",
            "m.py:2: error: '### BEGIN SOLUTION' is never closed",
        ])
        let (_, mismatched, _) = StudentModules.make("### BEGIN HIDDEN TESTS\n### END SOLUTION\n", file: "m.py")
        #expect(mismatched.first == "m.py:2: error: '### END SOLUTION' does not match the open region ('### BEGIN HIDDEN TESTS' at line 1)")
    }

    /// A student's folder: the notebook (with the correct exercise) and modules.
    func submissionFolder(_ name: String, scale: String?) throws -> String {
        let root = folder.appendingPathComponent("submissions/\(name)")
        var files = ["lab.md": Self.lab, "competency_task_students.py": "from models.students_rnn import VALUE\ndef helper():\n    return VALUE\n"]
        if let scale { files["models/students_rnn.py"] = "VALUE = 7\ndef scale(x):\n    return \(scale)\n" }
        for (file, text) in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    @Test func aFolderSubmissionIsGradedWithItsOwnModules() throws {
        let grader = try Grader(assignment: Assignment(notebook))
        let right = try submissionFolder("alice", scale: "x * 3")
        let wrong = try submissionFolder("bob", scale: "x * 2")
        let missing = try submissionFolder("carol", scale: nil)
        let roster = try Roster.resolve(paths: [right, wrong, missing], source: folder.appendingPathComponent("lab.md").path)
        #expect(roster.entries.map(\.student) == ["alice", "bob", "carol"])
        let results = grader.grade(roster)
        #expect(results.map(\.score) == [2, 0, 0])
        #expect(results.map(\.student) == ["alice", "bob", "carol"])
        // The instructor's modules stay in use for file submissions graded alongside.
        #expect(grader.grade(paths: [folder.appendingPathComponent("lab.md").path]).first?.score == 2)
        #expect(Submission.load(path: right).hash != Submission.load(path: wrong).hash)
    }

    @Test func gradingImportsTheInstructorsModulesFromTheSourceFolder() throws {
        let grader = try Grader(assignment: Assignment(notebook))
        let submission = folder.appendingPathComponent("student/lab.md")
        try FileManager.default.createDirectory(at: submission.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.lab.replacingOccurrences(of: "return 2 * rnn.scale(x) / 3", with: "return x + x")
            .write(to: submission, atomically: true, encoding: .utf8)
        let results = grader.grade(paths: [submission.path])
        #expect(results.first?.score == 2)
    }
}
