import Diagnostics

/// A block-level element of GitHub-flavoured Markdown, copied out of cmark-gfm's tree.
public indirect enum MarkdownBlock: Sendable, Equatable {
    /// A paragraph of inline content.
    case paragraph([MarkdownInline])
    /// A heading of level 1–6.
    case heading(level: Int, [MarkdownInline], SourceLocation)
    /// A block quote holding blocks.
    case blockQuote([MarkdownBlock])
    /// A bullet or ordered list.
    case list(MarkdownList)
    /// A fenced or indented code block; `info` is the fence's info string.
    case codeBlock(MarkdownCodeBlock)
    /// Raw HTML written by the author.
    case html(String)
    /// A horizontal rule.
    case thematicBreak
    /// A GFM table.
    case table(MarkdownTable)
}

/// A list and its items.
public struct MarkdownList: Sendable, Equatable {
    /// Whether the items are numbered.
    public var ordered: Bool
    /// The first number of an ordered list.
    public var start: Int
    /// Whether items are tight (no paragraphs).
    public var tight: Bool
    /// The items, each a list of blocks.
    public var items: [MarkdownListItem]
}

/// One list item; `task` is set for a GFM task-list item (`- [x] done`).
public struct MarkdownListItem: Sendable, Equatable {
    /// Whether the task box is ticked, or nil for an ordinary item.
    public var task: Bool?
    /// The item's content.
    public var blocks: [MarkdownBlock]
}

/// A code block with its position in the file.
public struct MarkdownCodeBlock: Sendable, Equatable {
    /// The info string after the opening fence (empty for indented code).
    public var info: String
    /// The code, ending with a newline when non-empty.
    public var code: String
    /// Whether it was fenced (as opposed to indented).
    public var fenced: Bool
    /// The line and column of the opening fence.
    public var location: SourceLocation
    /// The last line of the block (its closing fence when there is one).
    public var endLine: Int
}

/// Column alignment in a table.
public enum TableAlignment: Sendable, Equatable {
    case none, left, center, right
}

/// A GFM table: a header row and body rows of inline cells.
public struct MarkdownTable: Sendable, Equatable {
    /// One alignment per column.
    public var alignments: [TableAlignment]
    /// The header cells.
    public var header: [[MarkdownInline]]
    /// The body rows.
    public var rows: [[[MarkdownInline]]]
}

/// An inline element of GitHub-flavoured Markdown.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, alt: [MarkdownInline])
    /// TeX math taken out of the prose before Markdown parsing; `location` is where it starts.
    case math(tex: String, display: Bool, location: SourceLocation)
}

extension MarkdownInline {
    /// The plain text of inline content, as used for heading ids and alt text.
    public static func plainText(_ inlines: [MarkdownInline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): result += text
            case .softBreak, .lineBreak: result += " "
            case .html: break
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                result += plainText(children)
            case .math(let tex, _, _): result += tex
            }
        }
        return result
    }
}
