extension TeXParser {
    /// A `\command` and its arguments, starting at the backslash.
    mutating func parseCommand() throws(TeXError) -> MathNode? {
        let start = index
        let name = readCommand()
        if name.isEmpty { throw error("a lone '\\' at the end of the formula", at: start) }
        if let letter = TeXSymbols.greek[name] {
            let upright = letter.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            return .identifier(letter, variant: upright ? "normal" : nil)
        }
        if let letter = TeXSymbols.letters[name] { return .identifier(letter, variant: nil) }
        if let symbol = TeXSymbols.operators[name] { return .op(symbol) }
        if let symbol = TeXSymbols.bigOperators[name] { return .op(symbol, largeop: true) }
        if TeXSymbols.functions.contains(name) {
            let label = name == "argmax" ? "arg max" : name == "argmin" ? "arg min" : name
            return .identifier(label, variant: MathSpacing.operatorVariant)
        }
        if let width = TeXSymbols.spaces[name] { return .space(width) }
        if TeXSymbols.ignored.contains(name) { return nil }
        if let variant = TeXSymbols.fonts[name] {
            let argument = try parseArgument()
            return argument.withVariant(variant)
        }
        if let mark = TeXSymbols.accents[name] {
            return .over(try parseArgument(), .op(mark, stretchy: name.hasPrefix("wide") || name == "overline"), accent: true)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            return .fraction(try parseArgument(), try parseArgument(), lineless: false)
        case "binom":
            let top = try parseArgument()
            let bottom = try parseArgument()
            return .row([.op("(", stretchy: true), .fraction(top, bottom, lineless: true), .op(")", stretchy: true)])
        case "sqrt":
            skipSpaces()
            if current == "[" {
                index += 1
                let degree = try parseSequence(stopAt: ["]"])
                guard current == "]" else { throw error("expected ']' after the root's degree") }
                index += 1
                return .root(try parseArgument(), index: .row(degree))
            }
            return .sqrt(try parseArgument())
        case "text", "textrm", "mbox", "textit", "textbf", "mathup":
            let text = try parseRawGroup()
            return .text(text, variant: name == "textbf" ? "bold" : name == "textit" ? "italic" : nil)
        case "operatorname":
            return .identifier(try parseRawGroup(), variant: MathSpacing.operatorVariant)
        case "underline":
            return .under(try parseArgument(), .op("_", stretchy: true))
        case "underbrace", "overbrace":
            let body = try parseArgument()
            return name == "underbrace" ? .under(body, .op("⏟", stretchy: true)) : .over(body, .op("⏞", stretchy: true), accent: false)
        case "left":
            return try parseFenced(start: start)
        case "begin":
            return try parseEnvironment(start: start)
        case "label":
            _ = try parseRawGroup()
            return nil
        case "tag":
            // Shown at the end of its row in an environment (`\label` becomes a numbered tag).
            rowTag = try parseRawGroup()
            return nil
        default:
            throw error("unsupported TeX command '\\\(name)'", at: start)
        }
    }

    /// The delimiter after `\left`, `\right` or `\big`: a character or a command.
    mutating func parseDelimiter() throws(TeXError) -> String {
        skipSpaces()
        guard let character = current else { throw error("expected a delimiter after \\left or \\right") }
        if character == "\\" {
            let start = index
            let name = readCommand()
            if let symbol = TeXSymbols.operators[name] { return symbol }
            throw error("unsupported delimiter '\\\(name)'", at: start)
        }
        index += 1
        return character == "." ? "" : String(character)
    }

    /// `\left( … \right)` as a row with stretchy fences.
    mutating func parseFenced(start: Int) throws(TeXError) -> MathNode {
        let open = try parseDelimiter()
        let body = try parseSequence(stopAt: [])
        guard peekCommand() == "right" else { throw error("\\left without a matching \\right", at: start) }
        _ = readCommand()
        let close = try parseDelimiter()
        var nodes: [MathNode] = []
        if !open.isEmpty { nodes.append(.op(open, stretchy: true)) }
        nodes.append(contentsOf: body)
        if !close.isEmpty { nodes.append(.op(close, stretchy: true)) }
        return .row(nodes)
    }

    /// `\begin{name} … \end{name}` for the aligned and matrix environments.
    mutating func parseEnvironment(start: Int) throws(TeXError) -> MathNode {
        let name = try parseRawGroup()
        guard let layout = TeXSymbols.environments[name] else {
            throw error("unsupported environment '\(name)'", at: start)
        }
        if name == "array" { _ = try parseRawGroup() }
        var rows: [[MathNode]] = []
        var row: [MathNode] = []
        var tags: [String?] = []
        let outerTag = rowTag
        rowTag = nil
        defer { rowTag = outerTag }
        while true {
            let cell = try parseSequence(stopAt: [])
            row.append(.row(cell))
            guard let character = current else { throw error("\\begin{\(name)} without \\end{\(name)}", at: start) }
            if character == "&" {
                index += 1
                continue
            }
            if character == "}" { throw error("unexpected '}' inside \\begin{\(name)}") }
            let commandStart = index
            let command = readCommand()
            if command == "\\" || command == "cr" {
                rows.append(row)
                tags.append(rowTag)
                rowTag = nil
                row = []
                skipSpaces()
                if current == "[" {
                    while let next = current, next != "]" { index += 1 }
                    index += 1
                }
                continue
            }
            if command == "end" {
                let closing = try parseRawGroup()
                guard closing == name else {
                    throw error("\\begin{\(name)} ended by \\end{\(closing)}", at: commandStart)
                }
                break
            }
            throw error("unexpected '\\\(command)' inside \\begin{\(name)}", at: commandStart)
        }
        let isEmptyRow = row.allSatisfy { $0 == .row([]) }
        if !isEmptyRow || rows.isEmpty || rowTag != nil {
            rows.append(row)
            tags.append(rowTag)
        }
        let columns = rows.map(\.count).max() ?? 1
        let alignments = layout.align.split(separator: " ")
        let align = (0..<columns).map { String(alignments[$0 % alignments.count]) }.joined(separator: " ")
        let table = MathNode.table(rows, columnAlign: align, display: true, tags: tags.contains { $0 != nil } ? tags : [])
        guard layout.open != nil || layout.close != nil else { return table }
        var nodes: [MathNode] = []
        if let open = layout.open { nodes.append(.op(open, stretchy: true)) }
        nodes.append(table)
        if let close = layout.close { nodes.append(.op(close, stretchy: true)) }
        return .row(nodes)
    }
}
