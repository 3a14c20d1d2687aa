import Diagnostics

/// Turns `rnn` code into tokens with INDENT/DEDENT/NEWLINE, as Python's tokenizer does.
///
/// The lexer never stops: problems become `issues` and lexing goes on, so the parser can
/// report every error of a block at once. Comments are kept in `comments` for highlighting.
public struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var atLineStart = true
    var indents: [Int] = [0]
    /// Open brackets not yet closed: their offsets and spellings.
    var openers: [(offset: Int, spelling: String)] = []
    /// The tokens produced.
    public internal(set) var tokens: [Token] = []
    /// Problems found.
    public internal(set) var issues: [SyntaxIssue] = []
    /// The UTF-8 ranges of comments.
    public internal(set) var comments: [Range<Int>] = []
    /// Line and column added to every position (for f-string fields lexed on their own).
    let base: SourceLocation
    let fragment: Bool

    /// Lexes `code` completely.
    public init(_ code: String, base: SourceLocation = SourceLocation(line: 1, column: 1)) {
        bytes = Array(code.utf8)
        self.base = base
        fragment = false
        run()
    }

    /// Lexes a fragment (an f-string field): no indentation tracking, no NEWLINE tokens.
    init(fragment code: String, base: SourceLocation) {
        bytes = Array(code.utf8)
        self.base = base
        depth = 1
        fragment = true
        atLineStart = false
        run()
    }

    func location(_ offset: Int) -> SourceLocation {
        let column = offset - lineStart + 1
        if line == 1 { return SourceLocation(line: base.line, column: base.column + column - 1) }
        return SourceLocation(line: base.line + line - 1, column: column)
    }

    func peek(_ ahead: Int = 0) -> UInt8 {
        pos + ahead < bytes.count ? bytes[pos + ahead] : 0
    }

    mutating func issue(_ id: String, _ message: String, at offset: Int, length: Int = 1) {
        let start = location(offset)
        let end = SourceLocation(line: start.line, column: start.column + max(1, length))
        issues.append(SyntaxIssue(id: id, message, range: SourceRange(start: start, end: end)))
    }

    mutating func add(_ kind: TokenKind, from start: Int, startLocation: SourceLocation? = nil) -> Int {
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        let from = startLocation ?? location(start)
        tokens.append(Token(kind: kind, text: text, offset: start, endOffset: pos,
                            range: SourceRange(start: from, end: location(pos))))
        return tokens.count - 1
    }

    mutating func addMarker(_ kind: TokenKind) {
        let here = location(pos)
        tokens.append(Token(kind: kind, text: "", offset: pos, endOffset: pos,
                            range: SourceRange(start: here, end: here)))
    }

    mutating func newLine() {
        line += 1
        lineStart = pos
    }

    mutating func run() {
        while pos < bytes.count {
            if atLineStart && depth == 0 {
                if !indentation() { continue }
            }
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                pos += 1
            case UInt8(ascii: "\n"):
                if depth == 0 && !atLineStart {
                    addMarker(.newline)
                    tokens[tokens.count - 1].endOffset = pos + 1
                }
                pos += 1
                newLine()
                if depth == 0 { atLineStart = true }
            case UInt8(ascii: "#"):
                comment()
            case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n")
                || (peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n")):
                pos += peek(1) == UInt8(ascii: "\n") ? 2 : 3
                newLine()
            default:
                token()
            }
        }
        if !fragment, let outermost = openers.first {
            unclosed(outermost)
        }
        if !fragment {
            if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
                addMarker(.newline)
            }
            while indents.count > 1 {
                indents.removeLast()
                addMarker(.dedent)
            }
        }
        addMarker(.end)
    }

    /// Reports a bracket that is still open at the end of the code.
    mutating func unclosed(_ opener: (offset: Int, spelling: String)) {
        guard let token = tokens.first(where: { $0.offset == opener.offset && $0.kind == .op }) else { return }
        let end = SourceLocation(line: token.range.start.line, column: token.range.start.column + 1)
        issues.append(SyntaxIssue(id: "unclosed", "'\(opener.spelling)' was never closed",
                                  range: SourceRange(start: token.range.start, end: end)))
    }

    mutating func comment() {
        let start = pos
        while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
        comments.append(start..<pos)
    }

    /// Measures a line's indentation; returns false when the line is blank (and consumed).
    mutating func indentation() -> Bool {
        var width = 0
        var scan = pos
        while scan < bytes.count {
            let c = bytes[scan]
            if c == UInt8(ascii: " ") {
                width += 1
            } else if c == UInt8(ascii: "\t") {
                issue("tab-indentation", "tab in indentation; indent with spaces", at: scan)
                width += 1
            } else if c == 0x0C || c == UInt8(ascii: "\r") {
            } else {
                break
            }
            scan += 1
        }
        let next: UInt8 = scan < bytes.count ? bytes[scan] : 0
        if scan >= bytes.count || next == UInt8(ascii: "\n") || next == UInt8(ascii: "#") {
            pos = scan
            if next == UInt8(ascii: "#") { comment() }
            if pos < bytes.count {
                pos += 1
                newLine()
            }
            return false
        }
        pos = scan
        atLineStart = false
        if width > (indents.last ?? 0) {
            indents.append(width)
            addMarker(.indent)
        } else {
            while width < (indents.last ?? 0) {
                indents.removeLast()
                addMarker(.dedent)
            }
            if width != (indents.last ?? 0) {
                issue("bad-dedent", "unindent does not match any outer indentation level", at: pos)
                indents.append(width)
            }
        }
        return true
    }
}
