/// TeX the math renderer cannot turn into MathML, with the offset (in UTF-8 bytes into the
/// TeX) at which it gave up.
struct TeXError: Error, Equatable {
    var message: String
    var offset: Int
}

/// Parses the TeX subset that course labs use into `MathNode`s.
///
/// Covers sub- and superscripts, `\frac`, `\sqrt`, Greek letters, font commands such as
/// `\mathbf`, big operators with limits, accents, `\left…\right`, `\text`, and the aligned
/// environments (`align`, `aligned`, `cases`, matrices). Anything else is a `TeXError`.
struct TeXParser {
    let characters: [Character]
    var offsets: [Int]
    var index = 0
    let display: Bool
    /// Nesting depth, bounded so that hostile input cannot exhaust the stack.
    var depth = 0
    /// The `\tag{…}` of the environment row being read.
    var rowTag: String?

    init(_ tex: String, display: Bool) {
        characters = Array(tex)
        self.display = display
        offsets = []
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
    }

    /// Parses the whole input into one row.
    static func parse(_ tex: String, display: Bool) throws(TeXError) -> MathNode {
        var parser = TeXParser(tex, display: display)
        let nodes = try parser.parseSequence(stopAt: [])
        if parser.index < parser.characters.count {
            throw parser.error("unexpected '\(parser.characters[parser.index])'")
        }
        return .row(nodes)
    }

    func error(_ message: String, at position: Int? = nil) -> TeXError {
        TeXError(message: message, offset: offsets[min(position ?? index, offsets.count - 1)])
    }

    var atEnd: Bool { index >= characters.count }
    var current: Character? { atEnd ? nil : characters[index] }

    mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    /// Reads `\name` (letters, or one symbol) after the backslash at `index`.
    mutating func readCommand() -> String {
        index += 1
        guard let first = current else { return "" }
        if first.isLetter {
            var name = ""
            while let character = current, character.isLetter {
                name.append(character)
                index += 1
            }
            if name == "begin" || name == "end" || name == "left" || name == "right" { return name }
            if current == "*", ["operatorname"].contains(name) { index += 1 }
            return name
        }
        index += 1
        return String(first)
    }

    func peekCommand() -> String? {
        guard current == "\\" else { return nil }
        var copy = self
        return copy.readCommand()
    }

    /// Stops (without consuming) at `}`, `&`, `\\`, `\end`, `\right` or any of `stopAt`.
    mutating func parseSequence(stopAt: Set<Character>) throws(TeXError) -> [MathNode] {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw error("formula nested too deeply") }
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            guard let character = current else { break }
            if character == "}" || character == "&" || stopAt.contains(character) { break }
            if character == "\\", let command = peekCommand(), ["\\", "end", "right", "cr"].contains(command) { break }
            let start = index
            guard var atom = try parseAtom() else { continue }
            atom = try parseScripts(on: atom, start: start)
            nodes.append(atom)
        }
        return MathSpacing.spaced(nodes)
    }

    /// Reads `^` and `_` after an atom.
    mutating func parseScripts(on base: MathNode, start: Int) throws(TeXError) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        while true {
            skipSpaces()
            if current == "'" {
                var primes = ""
                while current == "'" { primes += "′"; index += 1 }
                sup = .op(primes)
                continue
            }
            guard let character = current, character == "^" || character == "_" else { break }
            let position = index
            index += 1
            let argument = try parseArgument()
            if character == "^" {
                if sup != nil { throw error("double superscript", at: position) }
                sup = argument
            } else {
                if sub != nil { throw error("double subscript", at: position) }
                sub = argument
            }
        }
        let limits = display && takesLimits(base)
        switch (sub, sup) {
        case (nil, nil): return base
        case (let sub?, nil): return limits ? .under(base, sub) : .sub(base, sub)
        case (nil, let sup?): return limits ? .over(base, sup, accent: false) : .sup(base, sup)
        case (let sub?, let sup?): return limits ? .underover(base, sub, sup) : .subsup(base, sub, sup)
        }
    }

    func takesLimits(_ node: MathNode) -> Bool {
        switch node {
        case .op(_, _, let largeop): return largeop
        case .identifier(let name, MathSpacing.operatorVariant): return TeXSymbols.limitFunctions.contains(name)
        case .under, .over: return true
        default: return false
        }
    }

    /// One argument: a `{group}`, a command, or a single character.
    mutating func parseArgument() throws(TeXError) -> MathNode {
        // A chain of commands that take arguments (`\hat \hat \hat …`) nests without a group.
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw error("formula nested too deeply") }
        skipSpaces()
        guard let character = current else { throw error("expected an argument, found the end of the formula") }
        if character == "{" { return try parseGroup() }
        if character == "\\" {
            guard let atom = try parseAtom() else { return .row([]) }
            return atom
        }
        if character == "}" { throw error("expected an argument, found '}'") }
        index += 1
        return atomForCharacter(character)
    }

    /// `{ … }` as one row.
    mutating func parseGroup() throws(TeXError) -> MathNode {
        let open = index
        index += 1
        let nodes = try parseSequence(stopAt: [])
        guard current == "}" else { throw error("unbalanced '{'", at: open) }
        index += 1
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    /// The raw text of a `{…}` group (for `\text`, `\begin`, `\operatorname`).
    mutating func parseRawGroup() throws(TeXError) -> String {
        skipSpaces()
        guard current == "{" else { throw error("expected '{'") }
        let open = index
        index += 1
        var level = 1
        var text = ""
        while let character = current {
            index += 1
            if character == "{" { level += 1 }
            if character == "}" {
                level -= 1
                if level == 0 { return text }
            }
            text.append(character)
        }
        throw error("unbalanced '{'", at: open)
    }

    func atomForCharacter(_ character: Character) -> MathNode {
        if character.isNumber { return .number(String(character), variant: nil) }
        if character.isLetter { return .identifier(String(character), variant: nil) }
        switch character {
        case "-": return .op("−")
        case "*": return .op("∗")
        case "~": return .space("0.25em")
        default: return .op(String(character))
        }
    }

    mutating func parseAtom() throws(TeXError) -> MathNode? {
        guard let character = current else { return nil }
        switch character {
        case "{": return try parseGroup()
        case "\\": return try parseCommand()
        case "^", "_": throw error("'\(character)' needs something before it")
        default:
            if character.isNumber || character == "." {
                var digits = ""
                while let next = current, next.isNumber || (next == "." && digits.last?.isNumber != false) {
                    digits.append(next)
                    index += 1
                }
                if digits == "." { return .op(".") }
                return .number(digits, variant: nil)
            }
            index += 1
            return atomForCharacter(character)
        }
    }
}
