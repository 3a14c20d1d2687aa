import Diagnostics
import Foundation

/// A parsed notebook: front matter, then cells in document order.
public struct Notebook: Sendable {
    /// The file it was read from.
    public var file: SourceFile
    /// Its front matter.
    public var frontMatter: FrontMatter
    /// Its cells, in order.
    public var cells: [Cell]
    /// Errors and warnings found while parsing; `hasErrors` tells whether it may run.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The `rnn` blocks, in order.
    public var codeCells: [CodeCell] {
        cells.compactMap { if case .code(let cell) = $0 { return cell } else { return nil } }
    }

    /// The title: the front matter's, else the first level-1 heading's text (without its
    /// label, `{#sec-…}`), else the file name.
    public var title: String {
        if let title = frontMatter.title, !title.isEmpty { return title }
        for case .markdown(let blocks) in cells {
            for case .heading(1, let inlines, _) in blocks {
                let text = MarkdownInline.plainText(inlines)
                return text.replacingOccurrences(of: #"\s*\{#sec-[\p{L}\p{N}_:-]+\}\s*$"#, with: "", options: .regularExpression)
            }
        }
        let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
        return base.hasSuffix(".md") ? String(base.dropLast(3)) : base
    }

    /// Parses a notebook's text. Problems are collected in `diagnostics`, never thrown.
    public static func parse(_ file: SourceFile) -> Notebook {
        NotebookParser.parse(file)
    }

    /// Parses text given with a file name.
    public static func parse(name: String, text: String) -> Notebook {
        parse(SourceFile(name: name, text: text))
    }
}

/// A piece of a notebook: prose (Markdown, including code blocks that never run) or an
/// `rnn` block that runs.
public enum Cell: Sendable, Equatable {
    /// Markdown blocks between two `rnn` blocks.
    case markdown([MarkdownBlock])
    /// An `rnn` block.
    case code(CodeCell)
}

/// An `rnn` block: its code, options and place in the file.
public struct CodeCell: Sendable, Equatable {
    /// The 0-based index among the notebook's `rnn` blocks.
    public var index: Int
    /// The code as written, including any `#|` lines.
    public var code: String
    /// The options from the fence and `#|` lines.
    public var options: BlockOptions
    /// The line and column of the opening fence.
    public var fence: SourceLocation
    /// The file line of the code's first line.
    public var codeLine: Int
    /// The last line of the block (the closing fence, when there is one).
    public var endLine: Int
    /// How many `#|` lines open the code; the report hides them.
    public var optionLineCount: Int

    /// The code without its leading `#|` lines, as the report shows it.
    public var displayCode: String {
        guard optionLineCount > 0 else { return code }
        return code.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(optionLineCount).joined(separator: "\n")
    }
}
