import Diagnostics
import Notebook

extension CrossReferences {
    /// A block with its `@sec-…`, `@eq-…` and `@tbl-…` references turned into links.
    mutating func resolve(_ block: MarkdownBlock) -> MarkdownBlock {
        switch block {
        case .paragraph(let inlines): return .paragraph(resolve(inlines))
        case .heading(let level, let inlines, let location): return .heading(level: level, resolve(inlines), location)
        case .blockQuote(let children): return .blockQuote(children.map { resolve($0) })
        case .list(var list):
            for item in list.items.indices { list.items[item].blocks = list.items[item].blocks.map { resolve($0) } }
            return .list(list)
        case .table(var table):
            table.header = table.header.map { resolve($0) }
            table.rows = table.rows.map { row in row.map { resolve($0) } }
            return .table(table)
        default: return block
        }
    }

    mutating func resolve(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        for inline in inlines {
            switch inline {
            case .text(let text): result += references(in: text)
            case .emphasis(let children): result.append(.emphasis(resolve(children)))
            case .strong(let children): result.append(.strong(resolve(children)))
            case .strikethrough(let children): result.append(.strikethrough(resolve(children)))
            case .math(let tex, false, let location):
                result.append(equationReference(tex, location: location) ?? inline)
            default: result.append(inline)
            }
        }
        return result
    }

    /// Text split at its references: the text around them as it was, each reference a link.
    mutating func references(in text: String) -> [MarkdownInline] {
        guard text.contains("@") else { return [.text(text)] }
        var result: [MarkdownInline] = []
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let previous = index > text.startIndex ? text[text.index(before: index)] : " "
            guard character == "@", !(previous.isLetter || previous.isNumber),
                  let (kind, label, end) = Self.reference(in: text, at: index) else {
                plain.append(character)
                index = text.index(after: index)
                continue
            }
            if !plain.isEmpty { result.append(.text(plain)) }
            plain = ""
            if let target = targets[label] {
                result.append(.html("<a class=\"xref\" href=\"#\(HTML.escape(label))\">\(target)</a>"))
            } else {
                let location = locate("@" + label)
                let known = targets.keys.filter { $0.hasPrefix(kind + "-") }
                warnings.append(Diagnostic(
                    .warning, id: "unknown-reference",
                    "reference to unknown \(Self.kinds[kind] ?? kind) '@\(label)'\(Suggestion.didYouMean(label, in: known))",
                    file: file, range: SourceRange(line: location.line, column: location.column, length: label.utf8.count + 1)))
                result.append(.html("<span class=\"xref missing\">??</span>"))
            }
            index = end
        }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    /// `$\eqref{eq-loss}$` as a link reading `(2)`; nil for any other formula.
    mutating func equationReference(_ tex: String, location: SourceLocation) -> MarkdownInline? {
        let trimmed = tex.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("\\eqref{"), trimmed.hasSuffix("}") else { return nil }
        let label = String(trimmed.dropFirst("\\eqref{".count).dropLast())
        guard Self.isLabel(label), !label.contains("}") else { return nil }
        if let number = equationNumbers[label] {
            return .html("<a class=\"xref\" href=\"#\(HTML.escape(label))\">(\(number))</a>")
        }
        warnings.append(Diagnostic(
            .warning, id: "unknown-reference",
            "\\eqref to unknown equation '\(label)'\(Suggestion.didYouMean(label, in: equationNumbers.keys))",
            file: file, range: SourceRange(line: location.line, column: location.column, length: trimmed.utf8.count + 2)))
        return .html("<span class=\"xref missing\">(??)</span>")
    }

    /// The reference starting at `at` (an `@`): its kind, label and end.
    static func reference(in text: String, at: String.Index) -> (String, String, String.Index)? {
        let start = text.index(after: at)
        var end = start
        while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" || text[end] == "-" {
            end = text.index(after: end)
        }
        var label = String(text[start..<end])
        while label.hasSuffix("-") {
            label.removeLast()
            end = text.index(before: end)
        }
        guard let dash = label.firstIndex(of: "-") else { return nil }
        let kind = String(label[..<dash])
        guard kinds[kind] != nil, label.count > kind.count + 1 else { return nil }
        return (kind, label, end)
    }

    /// The first place `needle` occurs in the file (inline nodes carry no position).
    func locate(_ needle: String) -> SourceLocation {
        MarkdownHTML(file: file, figureNumbers: [:]).locate(needle)
    }
}
