import Foundation

/// `rnnbook import`: a Jupyter notebook as an rnnbook Markdown notebook. Markdown cells become
/// prose, code cells `rnn` blocks (outputs dropped), attachments files beside the notebook,
/// and nbgrader's answer and test cells exercises and checks.
public enum JupyterImporter {
    /// The converted notebook.
    public struct Result {
        /// The Markdown notebook's text.
        public var markdown: String
        /// Files to write, by path relative to the Markdown notebook's folder.
        public var files: [(path: String, data: Data)]
        /// What was changed or could not be carried over, one sentence each, naming the cell.
        public var warnings: [String]
    }

    /// Converts a notebook's JSON. `name` names it in messages; `assets` is the folder
    /// (relative to the Markdown file) that attachments are written to.
    public static func convert(_ data: Data, name: String, assets: String) throws -> Result {
        let document = try JupyterDocument(data: data, name: name)
        var state = ImportState(name: name, assets: assets)
        let language = ((document.metadata["kernelspec"] as? [String: Any])?["language"] as? String)
            ?? ((document.metadata["language_info"] as? [String: Any])?["name"] as? String)
        if let language, language.lowercased() != "python" {
            state.warn("the notebook's language is \(language); rnnbook runs Python-flavoured code, so its code cells may not run")
        }
        var parts: [String] = []
        if let front = (document.metadata["rnnbook"] as? [String: Any])?["front_matter"] as? String, !front.isEmpty {
            parts.append("---\n" + front.trimmingCharacters(in: .newlines) + "\n---")
        }
        for (position, cell) in document.cells.enumerated() {
            state.cellNumber = position + 1
            let text: String
            switch cell.type {
            case "markdown": text = state.markdown(cell)
            case "code": text = state.code(cell)
            default:
                let body = cell.source.trimmingCharacters(in: .newlines)
                text = body.isEmpty ? "" : Fence.wrap(body, info: "text")
                if !body.isEmpty { state.warn("cell \(position + 1) is a raw cell: kept as a text block, not run") }
            }
            if !text.isEmpty { parts.append(text) }
        }
        if state.pendingExercise != nil, let id = state.pendingExercise {
            state.warn("exercise '\(id)' has no test cell after it: give it points=N or a check block")
        }
        return Result(markdown: parts.joined(separator: "\n\n") + "\n", files: state.files, warnings: state.warnings)
    }
}

extension JupyterImporter {
    /// The relative paths of the images a Markdown text shows (`![alt](figs/a.png)`), which
    /// must travel with it when it is written to another folder; web addresses, absolute
    /// paths and `..` paths are left alone.
    public static func relativeImages(in markdown: String) -> [String] {
        var paths: [String] = []
        var rest = Substring(markdown)
        while let open = rest.range(of: "![") {
            rest = rest[open.upperBound...]
            guard let middle = rest.range(of: "]("), let close = rest[middle.upperBound...].firstIndex(of: ")") else { continue }
            let target = rest[middle.upperBound..<close].split(separator: " ").first.map(String.init) ?? ""
            rest = rest[close...]
            if target.isEmpty || target.contains("://") || target.hasPrefix("/") || target.hasPrefix("data:")
                || target.split(separator: "/").contains("..") || paths.contains(target) {
                continue
            }
            paths.append(target)
        }
        return paths
    }
}

/// A fenced block's text, with a fence longer than any backtick run inside it.
enum Fence {
    static func wrap(_ code: String, info: String) -> String {
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + code + "\n" + fence
    }
}
