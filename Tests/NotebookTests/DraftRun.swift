import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// A draft lab of `notebooks/drafts/` run to the end with a tiny budget, with blocks of checks
/// appended that use its definitions.
enum DraftRun {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs draft `name` with `checks` appended and `parameters` overridden, expects no block to
    /// fail, and returns the text each block printed.
    static func printed(_ name: String, appending checks: String, parameters: [(name: String, value: ParameterValue)],
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let source = root.appendingPathComponent("notebooks/drafts/" + name).path
        let text = try String(contentsOfFile: source, encoding: .utf8) + checks
        let run = NotebookRunner.run(Notebook.parse(name: name, text: text), settings: RunSettings(parameters: parameters))
        for cell in run.cells {
            #expect(cell.result.error == nil, "\(cell.result.error?.rendered ?? "")", sourceLocation: sourceLocation)
        }
        return run.cells.map { cell in
            cell.result.outputs.compactMap { output -> String? in
                if case .text(let text) = output { return text }
                return nil
            }.joined()
        }
    }
}
