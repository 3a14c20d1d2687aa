import Foundation
import Testing
@testable import Grading
@testable import Notebook
@testable import Report

/// `rnnbook import` and `export`: nbgrader's metadata becomes exercises and checks and back.
struct JupyterTests {
    static func imported() throws -> JupyterImporter.Result {
        try JupyterImporter.convert(Data(NbgraderFixture.json.utf8), name: "lab.ipynb", assets: "lab_files")
    }

    @Test func importTurnsNbgraderCellsIntoExercisesAndChecks() throws {
        let result = try Self.imported()
        let text = result.markdown
        #expect(text.hasPrefix("# Lab: vectors\n\nSquares and sums, graded by nbgrader.\n\n![diagram](lab_files/diagram.png)\n"))
        #expect(text.contains("```rnn\n# %matplotlib inline  (IPython only: not run by rnnbook)\nimport numpy as np\ndata = [1, 2, 3]\n```"))
        #expect(text.contains("```rnn exercise=squares\ndef squares(xs):\n    \"\"\"Return the squares.\"\"\"\n    ### BEGIN SOLUTION\n"))
        #expect(text.contains("```rnn check=squares points=1 grade_id=correct_squares\n"))
        #expect(text.contains("```rnn check=squares points=2 grade_id=squares_hidden\nassert squares([]) == []\n### BEGIN HIDDEN TESTS\n"))
        // An answer cell without markers is all solution.
        #expect(text.contains("```rnn exercise=total\n### BEGIN SOLUTION\ndef total(xs):\n"))
        #expect(text.contains("    return s\n### END SOLUTION\n```"))
        #expect(text.contains("```rnn check=total points=1.5 grade_id=correct_total\n"))
        #expect(text.contains("```text\n\\newpage\n```"))
        #expect(result.files.count == 1 && result.files.first?.path == "lab_files/diagram.png")
        #expect(result.files.first?.data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let warnings = result.warnings.joined(separator: "\n")
        #expect(warnings.contains("cell 2: IPython magics"))
        #expect(warnings.contains("cell 10 is a manually graded nbgrader cell (explain)"))
        #expect(warnings.contains("cell 11 is a raw cell"))
    }

    @Test func importedNotebookIsAValidAssignmentThatRuns() throws {
        let notebook = Notebook.parse(name: "lab.md", text: try Self.imported().markdown)
        #expect(notebook.diagnostics.isEmpty, "\(notebook.diagnostics.map(\.rendered))")
        let assignment = Assignment(notebook)
        #expect(!assignment.hasErrors, "\(assignment.diagnostics.map(\.rendered))")
        #expect(assignment.exercises.map(\.id) == ["squares", "total"])
        #expect(assignment.exercises.map(\.points) == [3, 1.5])
        #expect(assignment.checks.map(\.hidden.count) == [0, 1, 0])
        let run = NotebookRunner.run(notebook)
        #expect(!run.failed, "\(run.allDiagnostics.map(\.rendered))")
    }

    @Test func exportThenImportKeepsCellsAndGradingMetadata() throws {
        let first = try Self.imported()
        let run = NotebookRunner.run(Notebook.parse(name: "lab.md", text: first.markdown))
        let data = try JupyterExporter.export(run)
        // python3's json.tool accepts it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-ipynb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lab.ipynb")
        try data.write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "json.tool", path.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["nbformat"] as? Int == 4 && root["nbformat_minor"] as? Int == 5)
        let cells = try #require(root["cells"] as? [[String: Any]])
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.count == 7)
        func grading(_ cell: [String: Any]) -> NbgraderMetadata? {
            ((cell["metadata"] as? [String: Any])?["nbgrader"] as? [String: Any]).map(NbgraderMetadata.init)
        }
        #expect(grading(code[1]) == NbgraderMetadata(solution: true, grade: false, locked: false, gradeID: "squares", points: nil))
        #expect(grading(code[2]) == NbgraderMetadata(solution: false, grade: true, locked: true, gradeID: "correct_squares", points: 1))
        #expect(grading(code[3]) == NbgraderMetadata(solution: false, grade: true, locked: true, gradeID: "squares_hidden", points: 2))
        #expect(grading(code[5]) == NbgraderMetadata(solution: false, grade: true, locked: true, gradeID: "correct_total", points: 1.5))
        #expect(grading(code[0]) == nil)
        // Outputs: printed text as a stdout stream.
        let outputs = try #require(code[6]["outputs"] as? [[String: Any]])
        #expect(outputs.first?["output_type"] as? String == "stream")
        #expect((outputs.first?["text"] as? [String])?.joined() == "[1, 4, 9] 6\n")
        #expect(code[6]["execution_count"] as? Int == 7)

        // Importing the export gives the same Markdown notebook back.
        let second = try JupyterImporter.convert(data, name: "lab.ipynb", assets: "lab_files")
        #expect(second.markdown == first.markdown)
    }

    @Test func exportWritesFiguresAsSVGAndErrors() throws {
        let notebook = Notebook.parse(name: "f.md", text: """
            ---
            title: Figures
            seed: 3
            ---

            ```rnn #fig-line caption="A line"
            plt.plot([1, 2, 3]);
            ```

            ```rnn error=expected
            1 / 0
            ```
            """)
        let data = try JupyterExporter.export(NotebookRunner.run(notebook))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(root["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        let figure = try #require((cells[0]["outputs"] as? [[String: Any]])?.first)
        #expect(figure["output_type"] as? String == "display_data")
        let svg = ((figure["data"] as? [String: Any])?["image/svg+xml"] as? [String])?.joined() ?? ""
        #expect(svg.hasPrefix("<svg") && svg.contains("</svg>"))
        #expect((cells[0]["metadata"] as? [String: Any])?["rnnbook"] as? [String: String] == ["options": "#fig-line caption=\"A line\""])
        let error = try #require((cells[1]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "error")
        #expect((error["evalue"] as? String)?.contains("division by zero") ?? false)
        let metadata = try #require(root["metadata"] as? [String: Any])
        #expect((metadata["rnnbook"] as? [String: String])?["front_matter"] == "title: Figures\nseed: 3")
        // And back: the front matter and the figure options return.
        let back = try JupyterImporter.convert(data, name: "f.ipynb", assets: "f_files").markdown
        #expect(back.hasPrefix("---\ntitle: Figures\nseed: 3\n---\n\n```rnn #fig-line caption=\"A line\"\nplt.plot([1, 2, 3]);\n```"))
    }

    @Test func proseSolutionRegionsAreLeftOut() throws {
        let json = ####"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {"nbgrader": {"solution": true, "grade": true, "points": 2, "grade_id": "why", "locked": false}}, "source": ["Why?\n", "### BEGIN SOLUTION\n", "Because the model says so.\n", "### END SOLUTION\n"]}]}"####
        let result = try JupyterImporter.convert(Data(json.utf8), name: "w.ipynb", assets: "w_files")
        #expect(result.markdown == "Why?\n")
        #expect(result.warnings.contains { $0.contains("cell 1: a solution region in prose was left out") })
        #expect(Notebook.parse(name: "w.md", text: result.markdown).diagnostics.isEmpty)
    }

    @Test func importRefusesWhatIsNotNbformat4() {
        #expect(throws: JupyterError.self) { try JupyterImporter.convert(Data("[]".utf8), name: "x.ipynb", assets: "x") }
        #expect(throws: JupyterError.self) {
            try JupyterImporter.convert(Data(#"{"nbformat": 3, "worksheets": []}"#.utf8), name: "x.ipynb", assets: "x")
        }
    }
}
