import ScriptSyntax

/// The names a block of code binds and the names it reads, found with the language's own
/// lexer. Used to tell which blocks need an exercise's solution: an over-approximation, so
/// that a block that might fail without the solution is never shown with the solution's output.
struct BlockNames: Equatable {
    /// Names assigned, defined (`def`, `class`), loop and `with … as` targets and imports.
    var bound: Set<String> = []
    /// Objects whose methods are called (a method may change them): `net` in `net.train()`.
    var receivers: Set<String> = []
    /// The names the block reads before (or without) binding them, f-string fields included.
    var used: Set<String> = []
    /// Names whose first mention binds them: the block sets them whatever they held before.
    var fresh: Set<String> = []
    /// Names met so far.
    private var seen: Set<String> = []
    /// Names bound by `import` (a module's functions do not change it).
    var imported: Set<String> = []
    /// For each name an `import` binds, the top-level module it comes from: `np` in
    /// `import numpy as np` comes from `numpy`, `nn` in `from torch import nn` from `torch`;
    /// a relative import's names come from `.`.
    var importRoots: [String: String] = [:]

    /// Scans a block's code.
    init(code: String) {
        let tokens = Highlighter.spans(code).filter { $0.kind != .comment && !($0.kind == .plain && $0.text.allSatisfy(\.isWhitespace) && !$0.text.contains("\n")) }
        var depth = 0
        var statement: [HighlightSpan] = []
        func finish() {
            scan(statement)
            statement.removeAll()
        }
        for token in tokens {
            if token.kind == .plain, token.text.contains("\n") {
                if depth == 0 { finish() }
                continue
            }
            if token.kind == .punctuation {
                if "([{".contains(token.text) { depth += 1 }
                if ")]}".contains(token.text) { depth = max(0, depth - 1) }
            }
            if token.kind == .punctuation, token.text == ";", depth == 0 {
                finish()
                continue
            }
            statement.append(token)
            if token.kind == .string, let first = token.text.lowercased().first, first == "f" || token.text.lowercased().hasPrefix("rf") {
                for name in Self.identifiers(in: token.text) where !seen.contains(name) { used.insert(name) }
            }
        }
        finish()
    }

    /// Scans one logical line (a statement, or a compound statement's header).
    private mutating func scan(_ tokens: [HighlightSpan]) {
        var depth = 0
        var importing = false
        var writes = Set<String>()
        let equals = tokens.indices.first { tokens[$0].kind == .operator && Self.assignments.contains(tokens[$0].text) && Self.depth(tokens, before: $0) == 0 }
        let isDef = tokens.first.map { $0.kind == .keyword && $0.text == "def" } ?? false
        // `from A.b import c`: every name comes from A; `import A.b as c, D`: each from its own.
        let isFrom = tokens.first.map { $0.kind == .keyword && $0.text == "from" } ?? false
        let fromRoot = isFrom ? (tokens.count > 1 && tokens[1].kind == .name ? tokens[1].text : ".") : nil
        var importRoot: String?
        let local = Self.comprehensionLocals(tokens)
        for (position, token) in tokens.enumerated() {
            let previous = position > 0 ? tokens[position - 1] : nil
            let next = position + 1 < tokens.count ? tokens[position + 1] : nil
            if token.kind == .punctuation {
                if "([{".contains(token.text) { depth += 1 }
                if ")]}".contains(token.text) { depth = max(0, depth - 1) }
            }
            if token.kind == .keyword, token.text == "import" { importing = true }
            guard token.kind == .name, !local.contains(position) else { continue }
            let attribute = previous?.text == "."
            if attribute { continue }
            var binds = false
            if let equals, position < equals, depth == 0 { binds = true }
            if importing {
                binds = true
                imported.insert(token.text)
                if previous?.text != "as" { importRoot = token.text }
                importRoots[token.text] = fromRoot ?? importRoot ?? token.text
            }
            if let previous, previous.kind == .keyword, ["def", "class", "as", "global", "nonlocal"].contains(previous.text) { binds = true }
            if next?.text == ":=" { binds = true }
            if isDef, depth == 1, previous?.text != "=" { writes.insert(token.text) }
            // `for a, b in …`: the names between `for` and `in`; `lambda a, b:` likewise.
            for (opening, closing) in [("for", "in"), ("lambda", ":")] {
                if let start = tokens[..<position].lastIndex(where: { $0.kind == .keyword && $0.text == opening }),
                   !tokens[start..<position].contains(where: { $0.text == closing }) {
                    binds = true
                    if opening == "lambda" { writes.insert(token.text) }
                }
            }
            // `name.method(…)` may change `name`.
            if next?.text == ".", position + 3 < tokens.count, tokens[position + 2].kind == .name, tokens[position + 3].text == "(" {
                receivers.insert(token.text)
            }
            if binds {
                bound.insert(token.text)
                let augmented = equals.map { tokens[$0].text != "=" && position < $0 } ?? false
                let readLater = augmented || (equals.map { tokens[($0 + 1)...].contains { $0.kind == .name && $0.text == token.text } } ?? false)
                if !readLater { writes.insert(token.text) }
            }
            if !seen.contains(token.text) {
                seen.insert(token.text)
                if writes.contains(token.text) { fresh.insert(token.text) } else { used.insert(token.text) }
            }
        }
    }

    /// The positions of a comprehension's own variables (`x` in `[len(x) for x in xs]`,
    /// wherever they appear inside its brackets): as in Python 3 they are local to it, so
    /// they neither read nor bind the notebook's names.
    static func comprehensionLocals(_ tokens: [HighlightSpan]) -> Set<Int> {
        var local = Set<Int>()
        for (position, token) in tokens.enumerated() where token.kind == .keyword && token.text == "for" {
            // The bracket that opens the comprehension, and the one that closes it.
            var level = 0
            var open: Int?
            for index in stride(from: position - 1, through: 0, by: -1) where tokens[index].kind == .punctuation {
                if ")]}".contains(tokens[index].text) { level += 1 }
                if "([{".contains(tokens[index].text) {
                    if level == 0 { open = index; break }
                    level -= 1
                }
            }
            guard let open else { continue }
            level = 0
            var close = tokens.count
            for index in (open + 1)..<tokens.count where tokens[index].kind == .punctuation {
                if "([{".contains(tokens[index].text) { level += 1 }
                if ")]}".contains(tokens[index].text) {
                    if level == 0 { close = index; break }
                    level -= 1
                }
            }
            guard let end = tokens[position...].firstIndex(where: { $0.kind == .keyword && $0.text == "in" }), end < close else { continue }
            let names = Set(tokens[position..<end].filter { $0.kind == .name }.map(\.text))
            for index in (open + 1)..<close where tokens[index].kind == .name && names.contains(tokens[index].text)
                && (index == 0 || tokens[index - 1].text != ".") {
                local.insert(index)
            }
        }
        return local
    }

    /// The bracket depth just before `position`.
    static func depth(_ tokens: [HighlightSpan], before position: Int) -> Int {
        var depth = 0
        for token in tokens[..<position] where token.kind == .punctuation {
            if "([{".contains(token.text) { depth += 1 }
            if ")]}".contains(token.text) { depth = max(0, depth - 1) }
        }
        return depth
    }

    static let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<="]

    /// The identifiers in an f-string's replacement fields (`{name}`, `{f(x):.3f}`); the
    /// literal text and the format specs are not code.
    static func identifiers(in text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        var depth = 0
        var inSpec = false
        func flush() {
            if !current.isEmpty, depth > 0, !inSpec { result.insert(current) }
            current = ""
        }
        for character in text {
            if character == "{" {
                flush()
                depth += 1
                continue
            }
            if character == "}" {
                flush()
                depth = max(0, depth - 1)
                if depth == 0 { inSpec = false }
                continue
            }
            if character == ":" || character == "!", depth == 1 {
                flush()
                inSpec = true
                continue
            }
            if character == "_" || character.isLetter || (character.isNumber && !current.isEmpty) {
                current.append(character)
            } else {
                flush()
            }
        }
        return result
    }
}
