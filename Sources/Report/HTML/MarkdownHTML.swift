import Diagnostics
import Notebook

/// A heading collected for the table of contents.
struct TOCEntry: Equatable {
    var id: String
    var text: String
    var level: Int
}

/// Writes Markdown blocks as HTML: headings with ids, TeX as MathML, `@fig-…` references
/// as links, raw HTML sanitized (or as written, when the author's HTML is trusted). It
/// collects the table of contents and warnings as it goes.
struct MarkdownHTML {
    let file: SourceFile
    /// Figure numbers by label (`fig-loss` → 1).
    let figureNumbers: [String: Int]
    /// Whether raw HTML goes into the page as written (`--trust-html`).
    let trustHTML: Bool
    var toc: [TOCEntry] = []
    var warnings: [Diagnostic] = []
    private var usedIDs: [String: Int] = [:]
    private var sanitizer = HTMLSanitizer()
    /// The unknown figure labels already warned about.
    private var unknownReferences = Set<String>()
    /// Where images given by a relative path are read from, to be put into the page;
    /// nil leaves every image a link.
    var images: LocalImages?

    init(file: SourceFile, figureNumbers: [String: Int], trustHTML: Bool = false) {
        self.file = file
        self.figureNumbers = figureNumbers
        self.trustHTML = trustHTML
    }

    /// Raw HTML as it may go into the page.
    mutating func rawHTML(_ html: String) -> String {
        trustHTML ? html : sanitizer.sanitize(html)
    }

    /// Closes the tags that raw HTML left open; called at the end of each Markdown cell.
    mutating func closeRawHTML() -> String {
        sanitizer.closeAll()
    }

    mutating func blocks(_ blocks: [MarkdownBlock], into out: inout String) {
        for block in blocks { self.block(block, into: &out) }
    }

    mutating func block(_ block: MarkdownBlock, into out: inout String, tight: Bool = false) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                self.inlines(inlines, into: &out)
            } else {
                out += "<p>"
                self.inlines(inlines, into: &out)
                out += "</p>\n"
            }
        case .heading(let level, let inlines, _):
            var text = ""
            self.inlines(inlines, into: &text)
            let id = uniqueID(HTML.slug(MarkdownInline.plainText(inlines)))
            toc.append(TOCEntry(id: id, text: MarkdownInline.plainText(inlines), level: level))
            out += "<h\(level) id=\"\(HTML.escape(id))\">\(text)</h\(level)>\n"
        case .blockQuote(let children):
            out += "<blockquote>\n"
            blocks(children, into: &out)
            out += "</blockquote>\n"
        case .list(let list):
            list.ordered
                ? (out += list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n")
                : (out += list.items.contains { $0.task != nil } ? "<ul class=\"tasks\">\n" : "<ul>\n")
            for item in list.items {
                out += "<li>"
                if let checked = item.task {
                    out += "<input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
                }
                for child in item.blocks { self.block(child, into: &out, tight: list.tight) }
                out += "</li>\n"
            }
            out += list.ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let code):
            let language = code.info.split(separator: " ").first.map(String.init) ?? ""
            let attribute = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
            out += "<pre class=\"code\"><code\(attribute)>\(HTML.escape(code.code))</code></pre>\n"
        case .html(let html):
            out += rawHTML(html)
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let table):
            self.table(table, into: &out)
        }
    }

    mutating func table(_ table: MarkdownTable, into out: inout String) {
        func alignment(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        out += "<table>\n<thead><tr>"
        for (column, cell) in table.header.enumerated() {
            out += "<th\(alignment(column))>"
            inlines(cell, into: &out)
            out += "</th>"
        }
        out += "</tr></thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (column, cell) in row.enumerated() {
                    out += "<td\(alignment(column))>"
                    inlines(cell, into: &out)
                    out += "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    mutating func uniqueID(_ base: String) -> String {
        let count = usedIDs[base, default: 0]
        usedIDs[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }

    mutating func inlines(_ inlines: [MarkdownInline], into out: inout String) {
        for inline in inlines { self.inline(inline, into: &out) }
    }

    mutating func inline(_ inline: MarkdownInline, into out: inout String) {
        switch inline {
        case .text(let text): textWithReferences(text, into: &out)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>\(HTML.escape(code))</code>"
        case .html(let html): out += rawHTML(html)
        case .emphasis(let children): wrap("em", children, into: &out)
        case .strong(let children): wrap("strong", children, into: &out)
        case .strikethrough(let children): wrap("del", children, into: &out)
        case .link(let destination, let title, let children):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<a href=\"\(HTML.url(destination))\"\(titleAttribute)>"
            inlines(children, into: &out)
            out += "</a>"
        case .image(let source, let title, let alt):
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<img src=\"\(HTML.url(embedded(source)))\" alt=\"\(HTML.escape(MarkdownInline.plainText(alt)))\"\(titleAttribute)>"
        case .math(let tex, let display, let location):
            math(tex, display: display, location: location, into: &out)
        }
    }

    /// An image's source: a file beside the notebook as a `data:` URL, anything else as
    /// written; an image that cannot be embedded draws a warning at its first mention.
    mutating func embedded(_ source: String) -> String {
        guard let images, LocalImages.isRelative(source) else { return source }
        switch images.dataURL(source) {
        case .success(let url):
            return url
        case .failure(let problem):
            let offset = file.text.range(of: "](\(source)").map { file.text.utf8.distance(from: file.text.startIndex, to: $0.lowerBound) + 2 }
            let location = offset.map { file.location(ofUTF8Offset: $0) } ?? SourceLocation(line: 1, column: 1)
            warnings.append(Diagnostic(.warning, id: "image", LocalImages.message(problem, source), file: file,
                                       range: SourceRange(line: location.line, column: location.column, length: source.utf8.count)))
            return source
        }
    }

    mutating func wrap(_ tag: String, _ children: [MarkdownInline], into out: inout String) {
        out += "<\(tag)>"
        inlines(children, into: &out)
        out += "</\(tag)>"
    }

    mutating func math(_ tex: String, display: Bool, location: SourceLocation, into out: inout String) {
        switch MathRenderer.mathML(tex, display: display) {
        case .success(let markup):
            out += markup
        case .failure(let error):
            warnings.append(Diagnostic(
                .warning, id: "unsupported-tex", "cannot render math: \(error.message); shown as TeX",
                file: file, range: SourceRange(start: mathLocation(tex, location: location, offset: error.offset))))
            let delimiter = display ? "$$" : "$"
            out += "<code class=\"tex\(display ? " display" : "")\">\(HTML.escape(delimiter + tex + delimiter))</code>"
        }
    }

    /// The file location of a byte offset into a formula that starts at `location`.
    func mathLocation(_ tex: String, location: SourceLocation, offset: Int) -> SourceLocation {
        let prefix = Array(tex.utf8.prefix(offset))
        let delimiter = tex.hasPrefix("\\begin") ? 0 : 1
        guard let lastNewline = prefix.lastIndex(of: UInt8(ascii: "\n")) else {
            return SourceLocation(line: location.line, column: location.column + delimiter + offset)
        }
        let lines = prefix.filter { $0 == UInt8(ascii: "\n") }.count
        return SourceLocation(line: location.line + lines, column: offset - lastNewline)
    }

    /// Escapes text, turning `@fig-label` into a link to the numbered figure.
    mutating func textWithReferences(_ text: String, into out: inout String) {
        guard text.contains("@fig-") else {
            out += HTML.escape(text)
            return
        }
        var rest = Substring(text)
        while let at = rest.range(of: "@fig-") {
            out += HTML.escape(String(rest[rest.startIndex..<at.lowerBound]))
            var end = at.upperBound
            while end < rest.endIndex, rest[end].isLetter || rest[end].isNumber || rest[end] == "_" || rest[end] == "-" {
                end = rest.index(after: end)
            }
            var label = String(rest[rest.index(after: at.lowerBound)..<end])
            while label.hasSuffix("-") { label.removeLast(); end = rest.index(before: end) }
            if let number = figureNumbers[label] {
                out += "<a class=\"xref\" href=\"#\(HTML.escape(label))\">Figure&nbsp;\(number)</a>"
            } else {
                out += "<span class=\"xref missing\">??</span>"
                // One warning per label, fifty at most: each is looked up in the whole file.
                if unknownReferences.insert(label).inserted, unknownReferences.count <= 50 {
                    let location = locate("@" + label)
                    warnings.append(Diagnostic(
                        .warning, id: "unknown-figure-reference",
                        "reference to unknown figure '@\(label)'\(Suggestion.didYouMean(label, in: figureNumbers.keys))",
                        file: file, range: SourceRange(line: location.line, column: location.column, length: label.utf8.count + 1)))
                }
            }
            rest = rest[end...]
        }
        out += HTML.escape(String(rest))
    }

    /// The first place `needle` occurs in the file (inline nodes carry no position).
    func locate(_ needle: String) -> SourceLocation {
        for line in 1...max(file.lineCount, 1) {
            if let range = file.line(line).range(of: needle) {
                return SourceLocation(line: line, column: file.line(line).utf8.distance(
                    from: file.line(line).startIndex, to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(line: 1, column: 1)
    }
}
