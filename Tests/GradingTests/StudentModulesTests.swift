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

        ```rnn file=models/students_rnn.py exercise=scale points=1
        ```

        ```rnn check=scale points=1
        assert rnn.scale(3) == 9, "scale(3) should be 9"
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

    /// A student's folder: the notebook (with the correct exercise) and modules; `scale` is the
    /// body of `scale` in the student's module, nil for a folder without it.
    func submissionFolder(_ name: String, scale: String?) throws -> String {
        let root = folder.appendingPathComponent("submissions/\(name)")
        var files = ["lab.md": Self.lab, "competency_task_students.py": "def helper():\n    return 0\n"]
        if let scale { files["models/students_rnn.py"] = "VALUE = 0\ndef scale(x):\n" + scale + "\n" }
        for (file, text) in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    /// An exercise written in a module is graded from the submission's copy of that file, and
    /// from nothing else: every other module, and every notebook exercise, uses the
    /// instructor's modules (bob's wrong `scale` and carol's helper cost `twice` nothing).
    @Test func aModuleExerciseIsGradedFromTheSubmissionsFileAlone() throws {
        let assignment = Assignment(notebook)
        #expect(assignment.exercise("scale")?.file == ExerciseFile(path: "models/students_rnn.py", solutions: [
            Region(beginLine: 4, endLine: 6, indent: "    ", prompt: "Return x times three.")]))
        let grader = try Grader(assignment: assignment)
        let right = try submissionFolder("alice", scale: "    return x * 3")
        let wrong = try submissionFolder("bob", scale: "    return x * 2")
        let missing = try submissionFolder("carol", scale: nil)
        let broken = try submissionFolder("dave", scale: "    return x *")
        let stub = try submissionFolder("erin", scale: "    todo(\"Return x times three.\")")
        let roster = try Roster.resolve(paths: [right, wrong, missing, broken, stub], source: folder.appendingPathComponent("lab.md").path)
        let results = grader.grade(roster)
        #expect(results.map(\.student) == ["alice", "bob", "carol", "dave", "erin"])
        #expect(results.map(\.score) == [3, 2, 2, 2, 2])
        let scale = results.map { $0.exercise("scale") }
        #expect(scale.map { $0?.status } == [.passed, .failed, .missing, .error, .notImplemented])
        #expect(scale[1]?.checks.first?.message == "assertion failed: scale(3) should be 9")
        #expect(scale[2]?.reason == "the submission has no models/students_rnn.py, where exercise 'scale' is written")
        #expect(scale[3]?.reason?.hasSuffix("(models/students_rnn.py, line 3)") == true, "\(scale[3]?.reason ?? "")")
        #expect(scale[0]?.studentCode == "VALUE = 0\ndef scale(x):\n    return x * 3\n")
        #expect(Submission.load(path: right).hash != Submission.load(path: wrong).hash)
    }

    /// A notebook handed in alone has not answered the exercises written in modules: they
    /// score 0, with the reason, rather than the instructor's module's points.
    @Test func aNotebookAloneHasNotAnsweredTheModuleExercises() throws {
        let grader = try Grader(assignment: Assignment(notebook))
        let submission = folder.appendingPathComponent("student/lab.md")
        try FileManager.default.createDirectory(at: submission.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.lab.replacingOccurrences(of: "return 2 * rnn.scale(x) / 3", with: "return x + x")
            .write(to: submission, atomically: true, encoding: .utf8)
        let result = try #require(grader.grade(paths: [submission.path]).first)
        #expect(result.score == 2)
        let scale = try #require(result.exercise("scale"))
        #expect(scale.status == .missing && scale.points == 0)
        #expect(scale.reason == "exercise 'scale' is written in models/students_rnn.py, and the submission is a notebook alone: hand in the lab's folder (the notebook with its modules)")
        #expect(scale.checks.first?.message?.hasPrefix("not run: exercise 'scale' is written in") == true)
    }

    /// A student's block that imports a module of the source folder which fails: the reason
    /// names the module's file and line, not a line of the notebook.
    @Test func anErrorInAnImportedModuleNamesItsFile() throws {
        try "x = 1\nraise ValueError(\"boom\")\n".write(to: folder.appendingPathComponent("broken.py"), atomically: true, encoding: .utf8)
        let grader = try Grader(assignment: Assignment(notebook))
        let submission = folder.appendingPathComponent("student/lab.md")
        try FileManager.default.createDirectory(at: submission.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.lab.replacingOccurrences(of: "def twice(x):\n", with: "import broken\ndef twice(x):\n")
            .write(to: submission, atomically: true, encoding: .utf8)
        let result = try #require(grader.grade(paths: [submission.path]).first)
        let twice = try #require(result.exercise("twice"))
        #expect(twice.status == .error)
        #expect(twice.reason == "ValueError: boom (broken.py, line 2)", "\(twice.reason ?? "nil")")
    }

    /// A module with a solution region that no block shows as an exercise cannot be graded.
    @Test func aSolutionRegionInAModuleNeedsItsExerciseBlock() {
        let text = Self.lab.replacingOccurrences(of: "```rnn file=models/students_rnn.py exercise=scale points=1\n```", with: "")
            .replacingOccurrences(of: "```rnn check=scale points=1\nassert rnn.scale(3) == 9, \"scale(3) should be 9\"\n```", with: "")
        let assignment = Assignment(Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: text))
        #expect(assignment.exercises.map(\.id) == ["twice"])
        #expect(assignment.diagnostics.map(\.header) == [
            "models/students_rnn.py:4:5: error: models/students_rnn.py has a solution region, but no block shows it as an exercise: add a block ```rnn file=models/students_rnn.py exercise=ID``` where the page should show it",
        ])
        let missing = Assignment(Notebook.parse(name: folder.appendingPathComponent("lab.md").path,
                                                text: "```rnn file=nowhere.py exercise=x points=1\n```\n\n```rnn check=x\n```\n"))
        #expect(missing.diagnostics.map(\.header) == [
            "\(folder.appendingPathComponent("lab.md").path):1:13: error: exercise 'x' is written in nowhere.py, which is not a readable file in the notebook's folder",
        ])
    }
}
