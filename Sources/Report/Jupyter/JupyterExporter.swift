import Diagnostics
import Foundation
import Grading
import Notebook
import ScriptRuntime

/// `rnnbook export`: a notebook run as a Jupyter notebook (nbformat 4.5) with its outputs:
/// prose as Markdown cells, each `rnn` block as a code cell with its text, values, errors and
/// figures (SVG), exercises and checks as nbgrader answer and test cells.
public enum JupyterExporter {
    /// The notebook's JSON, indented as Jupyter writes it.
    public static func export(_ run: NotebookRun) throws -> Data {
        try export(run.notebook, run: run)
    }

    /// The student's handout as Jupyter gives it out (nbgrader's release version): the
    /// student version (`StudentVersion`: stubs in place of solutions, hidden tests gone),
    /// not run, so no cell has outputs; answer and test cells keep nbgrader's metadata.
    public static func exportStudent(_ assignment: Assignment) throws -> Data {
        let source = assignment.notebook.file
        return try export(Notebook.parse(name: source.name, text: StudentVersion.make(assignment)), run: nil)
    }

    /// `notebook` as nbformat, with the outputs of `run` when there is one.
    static func export(_ notebook: Notebook, run: NotebookRun?) throws -> Data {
        let file = notebook.file
        if let refusal = refusal(notebook) { throw refusal }
        let assignment = Assignment(notebook)
        var cells: [[String: Any]] = []
        var nextLine = notebook.frontMatter.bodyStartLine
        func prose(upTo line: Int) {
            guard line > nextLine else { return }
            let text = (nextLine..<line).map { file.line($0) }.joined(separator: "\n").trimmingCharacters(in: .newlines)
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                cells.append(["cell_type": "markdown", "id": "cell-\(cells.count + 1)", "metadata": [String: Any](),
                              "source": lines(text)])
            }
        }
        for cell in notebook.codeCells {
            prose(upTo: cell.fence.line)
            nextLine = cell.endLine + 1
            var metadata: [String: Any] = [:]
            let extra = Self.otherOptions(file.line(cell.fence.line))
            if !extra.isEmpty { metadata["rnnbook"] = ["options": extra] }
            if let exercise = assignment.exercise(atCell: cell.index) {
                metadata["nbgrader"] = NbgraderMetadata(
                    solution: true, grade: exercise.checkIndices.isEmpty, locked: false,
                    gradeID: cell.options.gradeID ?? exercise.id,
                    points: exercise.checkIndices.isEmpty ? exercise.points : nil).json
            } else if let check = assignment.checks.first(where: { $0.cellIndex == cell.index }) {
                metadata["nbgrader"] = NbgraderMetadata(
                    solution: false, grade: true, locked: true,
                    gradeID: cell.options.gradeID ?? check.name.replacingOccurrences(of: ".", with: "_"),
                    points: check.points).json
            }
            let number = cell.index + 1
            let result = run?.run(ofCell: cell.index)
            let outputs = result.map { Self.outputs($0.result, number: number) } ?? []
            cells.append([
                "cell_type": "code", "id": "cell-\(cells.count + 1)", "metadata": metadata,
                "source": lines(Self.exportedCode(cell)),
                "execution_count": result == nil ? NSNull() : number as Any,
                "outputs": outputs,
            ])
        }
        prose(upTo: file.lineCount + 1)
        var rnnbook: [String: Any] = [:]
        if notebook.frontMatter.bodyStartLine > 2 {
            let yaml = (2..<(notebook.frontMatter.bodyStartLine - 1)).map { file.line($0) }.joined(separator: "\n")
            rnnbook["front_matter"] = yaml
        }
        var metadata: [String: Any] = [
            "language_info": ["name": "python", "file_extension": ".py", "mimetype": "text/x-python"],
            "title": notebook.title,
        ]
        if !rnnbook.isEmpty { metadata["rnnbook"] = rnnbook }
        if !notebook.frontMatter.authors.isEmpty { metadata["authors"] = notebook.frontMatter.authors.map { ["name": $0] } }
        let root: [String: Any] = ["nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells]
        return try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// A block's outputs as nbformat outputs.
    static func outputs(_ result: BlockResult, number: Int) -> [[String: Any]] {
        var outputs: [[String: Any]] = []
        func stream(_ name: String, _ text: String) {
            if let last = outputs.last, last["output_type"] as? String == "stream", last["name"] as? String == name,
               let previous = last["text"] as? [String] {
                outputs[outputs.count - 1]["text"] = lines(previous.joined() + text)
            } else {
                outputs.append(["output_type": "stream", "name": name, "text": lines(text)])
            }
        }
        for output in result.outputs {
            switch output {
            case .text(let text): stream("stdout", text)
            case .warning(let diagnostic): stream("stderr", diagnostic.rendered + "\n")
            case .value(let text):
                outputs.append(["output_type": "execute_result", "execution_count": number, "metadata": [String: Any](),
                                "data": ["text/plain": lines(text)]])
            case .error(let diagnostic):
                let name = diagnostic.message.split(separator: ":").first.map(String.init) ?? "Error"
                outputs.append(["output_type": "error", "ename": name.contains(" ") ? "Error" : name,
                                "evalue": diagnostic.message, "traceback": diagnostic.rendered.split(separator: "\n").map(String.init)])
            case .figure(let svg, let title):
                outputs.append(["output_type": "display_data", "metadata": [String: Any](),
                                "data": ["image/svg+xml": lines(svg), "text/plain": ["<Figure\(title.map { ": \($0)" } ?? "")>"]]])
            }
        }
        return outputs
    }

    /// Why a notebook cannot be exported, nil when it can: a Jupyter notebook is one file, and
    /// a block that shows a module (`file=`) would come out empty.
    public static func refusal(_ notebook: Notebook) -> EditionError? {
        let shown = notebook.codeCells.filter { $0.options.file != nil }
        guard !shown.isEmpty else { return nil }
        return EditionError(
            message: "\(notebook.file.name): error: cannot export a lab made of several files to one Jupyter notebook: "
                + "its blocks show modules (file=…); hand out the folder that rnnbook assign writes instead",
            diagnostics: shown.map {
                Diagnostic(id: "file-block-export", "this block shows \($0.options.file ?? "") and has no code of its own to export",
                           file: notebook.file, range: $0.options.locations["file"] ?? SourceRange(start: $0.fence))
            })
    }

    /// A block's code without its grading `#|` options (they become nbgrader metadata).
    static func exportedCode(_ cell: CodeCell) -> String {
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.enumerated().filter { offset, line in
            guard offset < cell.optionLineCount else { return true }
            let key = line.drop { $0 == " " }.dropFirst(2).prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
            return !["exercise", "check", "points", "grade_id"].contains(key)
        }
        return kept.map { String($0.element) }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// A multiline string as nbformat stores it: lines, each but the last ending in a newline.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The fence line's options other than the grading ones (`#fig-loss caption="…"`), as
    /// written, so that `import` gives them back.
    static func otherOptions(_ fenceLine: String) -> String {
        let info = fenceLine.drop { $0 == " " || $0 == "`" || $0 == "~" }.drop { $0 != " " && $0 != "\t" }
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in info {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == " " || character == "\t" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                if character == "\"" || character == "'" { quote = character }
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let grading = ["exercise=", "check=", "points=", "grade_id="]
        return words.filter { word in !grading.contains { word.hasPrefix($0) } }.joined(separator: " ")
    }
}
