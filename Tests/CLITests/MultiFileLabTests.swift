import Foundation
import Testing
@testable import RnnbookCLI

/// The command line on a lab made of several files: nested `-p` paths, `assign` writing a
/// student folder, `check` on it, and `grade` taking folders as submissions.
@Suite struct MultiFileLabTests {
    static let lab = """
        ---
        seed: 1
        params:
          config:
            training: {learning_rate: 3.0e-3, epochs: 2}
        ---
        ```rnn
        import models.students_rnn as rnn
        print("lr", config["training"]["learning_rate"])
        ```

        ```rnn file=models/students_rnn.py exercise=scale points=2
        ```

        ```rnn check=scale points=2
        assert rnn.scale(3) == 9
        ```
        """
    static let module = "def scale(x):\n    ### BEGIN SOLUTION Return x times three.\n    return 3 * x\n    ### END SOLUTION\n"

    func makeLab() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        _ = try folder.write("lab.md", Self.lab)
        _ = try folder.write("models/students_rnn.py", Self.module)
        return folder
    }

    @Test func dottedParametersOverrideOneLeaf() throws {
        let folder = try makeLab()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = folder.appendingPathComponent("lab.md").path
        #expect(runCLI(["run", lab, "-p", "config.training.learning_rate=1e-4"]).out.contains("lr 0.0001\n"))
        let wrong = runCLI(["run", lab, "-p", "config.training.lr=1"])
        #expect(wrong.code != 0 && wrong.error.contains("-p config.training.lr: 'config.training' has no key 'lr' (its keys are learning_rate, epochs)"))
        #expect(runCLI(["run", lab, "-p", "config..lr=1"]).error.contains("is not a valid parameter name"))
    }

    /// A Jupyter notebook is one file: a block that shows a module would come out empty.
    @Test func exportRefusesALabWhoseBlocksShowModules() throws {
        let folder = try makeLab()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = folder.appendingPathComponent("lab.md").path
        for edition in ["instructor", "student"] {
            let exported = runCLI(["export", lab, "--edition", edition])
            #expect(exported.code == 1)
            #expect(exported.error.contains("cannot export a lab made of several files to one Jupyter notebook"), "\(exported.error)")
            #expect(exported.error.contains("lab.md:12:13: error: this block shows models/students_rnn.py"), "\(exported.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("lab.ipynb").path))
    }

    @Test func assignWritesAFolderThatChecksAndGrades() throws {
        let folder = try makeLab()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = folder.appendingPathComponent("lab.md").path
        let student = folder.appendingPathComponent("student").path
        let assigned = runCLI(["assign", lab, "-o", student + "/"])
        #expect(assigned.code == 0, "\(assigned.error)")
        #expect(assigned.out.contains("modules: models/students_rnn.py"))
        let stub = try String(contentsOfFile: student + "/models/students_rnn.py", encoding: .utf8)
        #expect(stub == "def scale(x):\n    todo(\"Return x times three.\")\n")
        let checked = runCLI(["check", student + "/lab.md"])
        #expect(checked.out.contains("total: 0/2 points"))
        // alice: the instructor's code; the stub folder as handed out.
        let alice = folder.appendingPathComponent("alice")
        try FileManager.default.createDirectory(at: alice.appendingPathComponent("models"), withIntermediateDirectories: true)
        _ = try alice.write("lab.md", Self.lab)
        _ = try alice.write("models/students_rnn.py", Self.module)
        // bob hands in the notebook alone: the module's exercise is not answered.
        let bob = try folder.write("bob.md", Self.lab)
        let graded = runCLI(["grade", lab, alice.path, student, bob, "--jobs", "1"])
        #expect(graded.out.contains("alice: 2/2"), "\(graded.out)\(graded.error)")
        #expect(graded.out.contains("student: 0/2"), "\(graded.out)")
        #expect(graded.out.contains("bob: 0/2"), "\(graded.out)")
    }
}
