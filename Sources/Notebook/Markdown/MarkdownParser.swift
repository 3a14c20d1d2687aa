import CCmarkGFM
import Diagnostics

/// Parses GitHub-flavoured Markdown with libcmark-gfm and copies the result into Swift values.
///
/// The table, strikethrough, autolink and tasklist extensions are attached. The C tree is
/// copied and freed inside `parse`; no C pointer leaves this file.
public enum MarkdownParser {
    /// cmark-gfm's extension registry is global C state and not thread-safe: register once.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Parses Markdown text into blocks. `math` replaces placeholders left by `MathExtractor`,
    /// and `lineMap` maps the parsed text's lines back to the original file's lines.
    static func parse(_ text: String, math: [MathSpan] = [], lineMap: [Int] = []) -> [MarkdownBlock] {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    cmark_parser_feed(parser, chars, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        let copier = TreeCopier(math: math, lineMap: lineMap)
        return copier.blocks(childrenOf: document, depth: 0)
    }
}

/// Copies a cmark node tree into `MarkdownBlock` and `MarkdownInline` values.
private struct TreeCopier {
    let math: [MathSpan]
    let lineMap: [Int]

    /// Deeper nesting than this is flattened to text, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    func location(of node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let original = line >= 1 && line <= lineMap.count ? lineMap[line - 1] : line
        return SourceLocation(line: original, column: max(column, 1))
    }

    func endLine(of node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_end_line(node))
        return line >= 1 && line <= lineMap.count ? lineMap[line - 1] : line
    }

    func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func blocks(childrenOf node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        if depth > Self.maximumDepth {
            return .paragraph([.text(flatText(node))])
        }
        switch typeName(node) {
        case "paragraph":
            return .paragraph(inlines(childrenOf: node, depth: depth))
        case "heading":
            let level = Int(cmark_node_get_heading_level(node))
            return .heading(level: level, inlines(childrenOf: node, depth: depth), location(of: node))
        case "block_quote":
            return .blockQuote(blocks(childrenOf: node, depth: depth))
        case "list":
            let items = children(of: node).map { item in
                let isTask = typeName(item) == "tasklist"
                return MarkdownListItem(
                    task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                    blocks: blocks(childrenOf: item, depth: depth + 1))
            }
            return .list(MarkdownList(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items))
        case "code_block":
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .codeBlock(MarkdownCodeBlock(
                info: string(cmark_node_get_fence_info(node)),
                code: string(cmark_node_get_literal(node)),
                fenced: fenced,
                location: location(of: node),
                endLine: endLine(of: node)))
        case "html_block":
            return .html(string(cmark_node_get_literal(node)))
        case "thematic_break":
            return .thematicBreak
        case "table":
            return .table(table(node, depth: depth))
        default:
            let text = flatText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    func table(_ node: OpaquePointer, depth: Int) -> MarkdownTable {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [TableAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch UInt8(raw[index]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        for row in children(of: node) {
            let cells = children(of: row).map { inlines(childrenOf: $0, depth: depth + 1) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return MarkdownTable(alignments: alignments, header: header, rows: rows)
    }

    func inlines(childrenOf node: OpaquePointer, depth: Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        for child in children(of: node) {
            result.append(contentsOf: inline(child, depth: depth + 1))
        }
        return result
    }

    func inline(_ node: OpaquePointer, depth: Int) -> [MarkdownInline] {
        if depth > Self.maximumDepth { return [.text(flatText(node))] }
        switch typeName(node) {
        case "text": return substituteMath(in: string(cmark_node_get_literal(node)))
        case "softbreak": return [.softBreak]
        case "linebreak": return [.lineBreak]
        case "code": return [.code(string(cmark_node_get_literal(node)))]
        case "html_inline": return [.html(string(cmark_node_get_literal(node)))]
        case "emph": return [.emphasis(inlines(childrenOf: node, depth: depth))]
        case "strong": return [.strong(inlines(childrenOf: node, depth: depth))]
        case "strikethrough": return [.strikethrough(inlines(childrenOf: node, depth: depth))]
        case "link":
            return [.link(
                destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                inlines(childrenOf: node, depth: depth))]
        case "image":
            return [.image(
                source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                alt: inlines(childrenOf: node, depth: depth))]
        default:
            let text = flatText(node)
            return text.isEmpty ? [] : [.text(text)]
        }
    }

    /// Splits a text run at math placeholders, putting the math back in their place.
    func substituteMath(in text: String) -> [MarkdownInline] {
        guard !math.isEmpty, text.unicodeScalars.contains(MathExtractor.open) else { return [.text(text)] }
        var result: [MarkdownInline] = []
        var buffer = ""
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            guard scalar == MathExtractor.open else {
                buffer.unicodeScalars.append(scalar)
                continue
            }
            var digits = ""
            while let next = scalars.first, next != MathExtractor.close {
                digits.unicodeScalars.append(next)
                scalars = scalars.dropFirst()
            }
            scalars = scalars.dropFirst()
            if let index = Int(digits), index >= 0, index < math.count {
                if !buffer.isEmpty { result.append(.text(buffer)) }
                buffer = ""
                let span = math[index]
                result.append(.math(tex: span.tex, display: span.display, location: span.location))
            }
        }
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }

    /// The literal text below a node, for nodes this copier does not model.
    func flatText(_ node: OpaquePointer) -> String {
        var result = string(cmark_node_get_literal(node))
        var stack = children(of: node).reversed() as [OpaquePointer]
        while let next = stack.popLast() {
            result += string(cmark_node_get_literal(next))
            stack.append(contentsOf: children(of: next).reversed())
        }
        return result
    }
}
