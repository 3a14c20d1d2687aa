import Diagnostics
import Notebook

/// Labels and references for sections, equations and tables, as Quarto writes them:
/// `## Training {#sec-training}`, `$$ … $$ {#eq-loss}` (or `\label{eq-loss}` inside the
/// formula), a caption paragraph `: Results {#tbl-results}` after a table (or before it); `@sec-training`,
/// `@eq-loss`, `@tbl-results` in prose become numbered links. A reference to a label that
/// does not exist is a warning naming its position. (`@fig-…` is resolved with the figures.)
struct CrossReferences {
    /// Link text by label: `sec-training` → `Section 2`, `eq-loss` → `Equation (1)`.
    var targets: [String: String] = [:]
    /// Problems met: references that point nowhere.
    var warnings: [Diagnostic] = []
    let file: SourceFile
    private var sectionCounters: [Int] = []
    private var equations = 0
    /// Equation numbers by label, for `\eqref{…}`.
    var equationNumbers: [String: Int] = [:]
    private var tables = 0

    static let kinds = ["sec": "section", "eq": "equation", "tbl": "table"]

    /// Labels every section, equation and table of `cells`, then resolves the references.
    static func resolve(_ cells: [Cell], file: SourceFile) -> (cells: [Cell], warnings: [Diagnostic]) {
        var references = CrossReferences(file: file)
        let labelled = cells.map { cell -> Cell in
            guard case .markdown(let blocks) = cell else { return cell }
            return .markdown(references.label(blocks))
        }
        let resolved = labelled.map { cell -> Cell in
            guard case .markdown(let blocks) = cell else { return cell }
            return .markdown(blocks.map { references.resolve($0) })
        }
        return (resolved, references.warnings)
    }

    init(file: SourceFile) {
        self.file = file
    }

    // MARK: Labels

    mutating func label(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for (index, block) in blocks.enumerated() {
            switch block {
            case .heading(let level, let inlines, let location):
                result.append(.heading(level: level, heading(level: level, inlines), location))
            case .paragraph(let inlines):
                // As in Pandoc, a caption goes right after its table or right before it.
                let isTable = { (position: Int) in
                    guard blocks.indices.contains(position), case .table = blocks[position] else { return false }
                    return true
                }
                if isTable(index - 1) || isTable(index + 1), let caption = tableCaption(inlines) {
                    result.append(caption)
                } else {
                    result.append(.paragraph(equation(inlines)))
                }
            case .blockQuote(let children):
                result.append(.blockQuote(label(children)))
            case .list(var list):
                for item in list.items.indices { list.items[item].blocks = label(list.items[item].blocks) }
                result.append(.list(list))
            default:
                result.append(block)
            }
        }
        return result
    }

    /// A heading with its `{#sec-…}` attribute taken off and an anchor of that id put in.
    mutating func heading(level: Int, _ inlines: [MarkdownInline]) -> [MarkdownInline] {
        if level >= 2 {
            let depth = level - 2
            if sectionCounters.count > depth + 1 { sectionCounters.removeLast(sectionCounters.count - depth - 1) }
            while sectionCounters.count < depth + 1 { sectionCounters.append(0) }
            sectionCounters[depth] += 1
        }
        guard case .text(let text)? = inlines.last, let (label, rest) = Self.trailingLabel(text, prefix: "sec-") else {
            return inlines
        }
        let number = sectionCounters.map(String.init).joined(separator: ".")
        targets[label] = level >= 2 ? "Section&nbsp;\(number)" : HTML.escape(MarkdownInline.plainText(Array(inlines.dropLast()) + [.text(rest)]))
        var result = Array(inlines.dropLast())
        if !rest.isEmpty { result.append(.text(rest)) }
        return [.html("<span class=\"anchor\" id=\"\(HTML.escape(label))\"></span>")] + result
    }

    /// The label a heading's anchor carries (see `heading`), if it has one.
    static func anchor(of inlines: [MarkdownInline]) -> String? {
        let opening = "<span class=\"anchor\" id=\"", closing = "\"></span>"
        guard case .html(let html)? = inlines.first, html.hasPrefix(opening), html.hasSuffix(closing) else { return nil }
        let label = String(html.dropFirst(opening.count).dropLast(closing.count))
        return isLabel(label) ? label : nil
    }

    /// A paragraph holding a display formula labelled `{#eq-…}` after it or `\label{eq-…}`
    /// inside it: the formula numbered on the right.
    mutating func equation(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var index = 0
        while index < inlines.count {
            guard case .math(var tex, true, let location) = inlines[index] else {
                result.append(inlines[index])
                index += 1
                continue
            }
            var label: String?
            let pattern = #"\\label\{(eq[-:][A-Za-z0-9_:-]+)\}"#
            if tex.contains("\\begin{"), tex.range(of: pattern, options: .regularExpression) != nil {
                // Each labelled row of an environment gets its number at the row's end.
                var anchors = ""
                while let range = tex.range(of: pattern, options: .regularExpression) {
                    let found = String(tex[range].dropFirst("\\label{".count).dropLast())
                    equations += 1
                    targets[found] = "Equation&nbsp;(\(equations))"
                    equationNumbers[found] = equations
                    anchors += "<span class=\"anchor\" id=\"\(HTML.escape(found))\"></span>"
                    tex.replaceSubrange(range, with: "\\tag{\(equations)}")
                }
                result += [.html("<span class=\"equation\">" + anchors), .math(tex: tex, display: true, location: location), .html("</span>")]
                index += 1
                continue
            }
            if let range = tex.range(of: pattern, options: .regularExpression) {
                label = String(tex[range].dropFirst("\\label{".count).dropLast())
                tex.removeSubrange(range)
            }
            var next = index + 1
            while next < inlines.count, Self.isSpace(inlines[next]) { next += 1 }
            var consumed = index + 1
            var rest = ""
            if label == nil, next < inlines.count, case .text(let text) = inlines[next],
               let (found, after) = Self.leadingLabel(text, prefix: "eq-") {
                label = found
                consumed = next + 1
                rest = after
            }
            let math: MarkdownInline = .math(tex: tex, display: true, location: location)
            guard let label else {
                result.append(math)
                index += 1
                continue
            }
            equations += 1
            targets[label] = "Equation&nbsp;(\(equations))"
            equationNumbers[label] = equations
            result += [
                .html("<span class=\"equation\" id=\"\(HTML.escape(label))\">"), math,
                .html("<span class=\"equation-number\">(\(equations))</span></span>"),
            ]
            if !rest.isEmpty { result.append(.text(rest)) }
            index = consumed
        }
        return result
    }

    /// A table's caption paragraph (`: Caption {#tbl-label}`), numbered when labelled.
    mutating func tableCaption(_ inlines: [MarkdownInline]) -> MarkdownBlock? {
        guard case .text(let first)? = inlines.first, first.hasPrefix(": ") || first == ":" else { return nil }
        var body = inlines
        body[0] = .text(String(first.dropFirst(first == ":" ? 1 : 2)))
        var id = ""
        var label = "Table:"
        if case .text(let last)? = body.last, let (found, rest) = Self.trailingLabel(last, prefix: "tbl-") {
            tables += 1
            targets[found] = "Table&nbsp;\(tables)"
            id = " id=\"\(HTML.escape(found))\""
            label = "Table \(tables):"
            body[body.count - 1] = .text(rest)
        }
        return .paragraph([.html("<span class=\"table-caption\"\(id)><span class=\"table-label\">\(label)</span> ")] + body + [.html("</span>")])
    }

    static func isSpace(_ inline: MarkdownInline) -> Bool {
        switch inline {
        case .softBreak, .lineBreak: return true
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    /// `Title {#sec-x}` → (`sec-x`, `Title`).
    static func trailingLabel(_ text: String, prefix: String) -> (String, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#" + prefix, options: .backwards) else { return nil }
        let label = String(trimmed[trimmed.index(open.lowerBound, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)])
        guard isLabel(label) else { return nil }
        return (label, String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces))
    }

    /// `{#eq-x} rest` → (`eq-x`, ` rest`).
    static func leadingLabel(_ text: String, prefix: String) -> (String, String)? {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("{#" + prefix), let close = trimmed.firstIndex(of: "}") else { return nil }
        let label = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close])
        guard isLabel(label) else { return nil }
        return (label, String(trimmed[trimmed.index(after: close)...]))
    }

    static func isLabel(_ text: String) -> Bool {
        text.count > 3 && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
    }
}
