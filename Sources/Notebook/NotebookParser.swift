import Diagnostics

/// Turns a notebook file into front matter and cells.
enum NotebookParser {
    static let languages: Set<String> = ["rnn", "{rnn}"]

    static func parse(_ file: SourceFile) -> Notebook {
        let (frontMatter, frontDiagnostics) = FrontMatterParser.parse(file)
        var diagnostics = frontDiagnostics
        // Blank out the front matter so cmark-gfm sees the same line numbers as the file.
        var text = file.text
        if frontMatter.bodyStartLine > 1 {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            text = String(repeating: "\n", count: frontMatter.bodyStartLine - 1)
                + lines.dropFirst(frontMatter.bodyStartLine - 1).joined(separator: "\n")
        }
        let math = MathExtractor.extract(text)
        let (tableSafe, widened) = TableCellLimit.apply(math.text)
        for line in widened {
            let original = line <= math.lineMap.count ? math.lineMap[line - 1] : line
            diagnostics.append(Diagnostic(
                .warning, id: "table-row-too-wide",
                "this line has more than \(TableCellLimit.maximumPipes) '|': the ones after that are shown as text, not cells",
                file: file, range: SourceRange(line: original, column: 1)))
        }
        let blocks = MarkdownParser.parse(tableSafe, math: math.spans, lineMap: math.lineMap)

        var cells: [Cell] = []
        var pending: [MarkdownBlock] = []
        var codeIndex = 0
        for block in blocks {
            if case .codeBlock(let code) = block, code.fenced, isRnn(code.info) {
                if !pending.isEmpty { cells.append(.markdown(pending)) }
                pending = []
                cells.append(.code(codeCell(code, index: codeIndex, file: file, diagnostics: &diagnostics)))
                codeIndex += 1
            } else {
                warnAboutNestedBlocks(in: block, file: file, diagnostics: &diagnostics, nested: false)
                pending.append(block)
            }
        }
        if !pending.isEmpty { cells.append(.markdown(pending)) }
        return Notebook(file: file, frontMatter: frontMatter, cells: cells, diagnostics: diagnostics)
    }

    static func isRnn(_ info: String) -> Bool {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        return languages.contains(word)
    }

    static func codeCell(
        _ block: MarkdownCodeBlock, index: Int, file: SourceFile, diagnostics: inout [Diagnostic]
    ) -> CodeCell {
        let line = block.location.line
        // The info string starts after the fence characters and any spaces.
        let source = Array(file.line(line).utf8)
        var position = max(block.location.column - 1, 0)
        while position < source.count, source[position] == UInt8(ascii: "`") || source[position] == UInt8(ascii: "~") {
            position += 1
        }
        while position < source.count, source[position] == UInt8(ascii: " ") { position += 1 }
        var options = BlockOptions()
        // Read the info string from the file, not from cmark-gfm, which has already undone
        // backslash escapes and entities in it.
        let info = String(decoding: source[min(position, source.count)...], as: UTF8.self).trimmingTrailingWhitespace()
        let fenceOptions = BlockOptionsParser.fenceOptions(
            info: info, line: line, column: position + 1, file: file, diagnostics: &diagnostics)
        let quarto = BlockOptionsParser.quartoOptions(
            code: block.code, firstLine: line + 1, column: block.location.column, file: file, diagnostics: &diagnostics)
        options.apply(fenceOptions + quarto.options, file: file, diagnostics: &diagnostics)
        let cell = CodeCell(
            index: index, code: block.code, options: options, fence: block.location, codeLine: line + 1,
            endLine: block.endLine, optionLineCount: quarto.lineCount)
        if let problem = ShownFile.codeProblem(cell, file: file) { diagnostics.append(problem) }
        return cell
    }

    /// `rnn` blocks inside lists or quotes are shown but not run; say so.
    static func warnAboutNestedBlocks(
        in block: MarkdownBlock, file: SourceFile, diagnostics: inout [Diagnostic], nested: Bool
    ) {
        switch block {
        case .codeBlock(let code) where nested && code.fenced && isRnn(code.info):
            diagnostics.append(Diagnostic(
                .warning, id: "nested-rnn-block",
                "an rnn block inside a list or quote is shown but not run (move it to the top level)",
                file: file, range: SourceRange(start: code.location)))
        case .blockQuote(let children):
            for child in children { warnAboutNestedBlocks(in: child, file: file, diagnostics: &diagnostics, nested: true) }
        case .list(let list):
            for item in list.items {
                for child in item.blocks {
                    warnAboutNestedBlocks(in: child, file: file, diagnostics: &diagnostics, nested: true)
                }
            }
        default:
            break
        }
    }
}
