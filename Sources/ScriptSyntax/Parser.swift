import Diagnostics

/// A parsed block: its statements and every syntax problem found in it.
public struct ParsedBlock: Sendable {
    /// The statements that parsed (statements with errors are left out).
    public var statements: [Stmt]
    /// Every lexing and parsing problem, in source order.
    public var issues: [SyntaxIssue]
    /// Whether the code's last token is a `;` (comments and blank lines aside), which, as in
    /// Jupyter, hides the value of the block's last expression: `plt.hist(x);`.
    public var hidesLastValue = false
}

struct ParseError: Error {
    var issue: SyntaxIssue
}

/// A recursive-descent parser for `rnn` code with Python's precedence.
///
/// It never stops at the first error: a statement that fails to parse is recorded as an
/// issue, the parser skips to the end of its line (and over an indented body that follows),
/// and goes on. Every loop checks that it consumed a token.
public struct Parser {
    var tokens: [Token]
    var index = 0
    var issues: [SyntaxIssue] = []
    var nesting = 0
    /// Counted by every recursive descent (`nest()`): an expression, a bracket (a bracket
    /// holding an expression counts twice), an operator applied to itself, a block.
    static let maximumNesting = 200
    static let maximumIssues = 50

    init(tokens: [Token]) {
        self.tokens = tokens
        if self.tokens.last?.kind != .end {
            let end = self.tokens.last?.range.end ?? SourceLocation(line: 1, column: 1)
            self.tokens.append(Token(kind: .end, text: "", offset: 0, endOffset: 0,
                                     range: SourceRange(start: end)))
        }
    }

    /// Lexes and parses a block of code.
    public static func parse(_ code: String) -> ParsedBlock {
        let lexer = Lexer(code)
        var parser = Parser(tokens: lexer.tokens)
        let statements = parser.statements(until: .end)
        var parserIssues = parser.issues
        // A bracket never closed swallows the rest of the block into one logical line; what
        // the parser says after it are consequences, so only the bracket is reported.
        if let unclosed = lexer.issues.first(where: { $0.id == "unclosed" }) {
            parserIssues = parserIssues.filter { $0.range.start < unclosed.range.start }
        }
        let all = (lexer.issues + parserIssues).sorted { $0.range.start < $1.range.start }
        // One issue per line (a set, so that thousands of broken lines stay linear).
        var unique: [SyntaxIssue] = []
        var lines = Set<Int>()
        for issue in all where lines.insert(issue.range.start.line).inserted {
            unique.append(issue)
        }
        let last = lexer.tokens.last { ![.newline, .indent, .dedent, .end].contains($0.kind) }
        return ParsedBlock(statements: statements, issues: Array(unique.prefix(maximumIssues)),
                           hidesLastValue: last?.isOp(";") ?? false)
    }

    // MARK: Tokens

    var current: Token { tokens[min(index, tokens.count - 1)] }
    var previousEnd: SourceLocation { index > 0 ? tokens[index - 1].range.end : current.range.start }

    func peekToken(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func at(_ op: String) -> Bool { current.isOp(op) }
    func atKeyword(_ word: String) -> Bool { current.isKeyword(word) }

    mutating func accept(_ op: String) -> Bool {
        if at(op) { _ = advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if atKeyword(word) { _ = advance(); return true }
        return false
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .name: return "name '\(token.text)'"
        case .keyword: return "keyword '\(token.text)'"
        case .int, .float: return "number \(token.text)"
        case .string, .fstring: return "a string"
        case .op: return "'\(token.text)'"
        case .newline: return "end of line"
        case .indent: return "an indented line"
        case .dedent, .end: return "end of block"
        case .invalid: return "'\(token.text)'"
        }
    }

    func error(_ message: String, at token: Token? = nil, id: String = "syntax") -> ParseError {
        ParseError(issue: SyntaxIssue(id: id, message, range: issueRange(token ?? current)))
    }

    /// An error at the current token whose message names another place in the block.
    func error(_ before: String, place: SourceLocation, _ after: String) -> ParseError {
        ParseError(issue: SyntaxIssue(id: "syntax", before, place: place, after, range: issueRange(current)))
    }

    /// The range an issue at `token` points at: the token, or one column where it is empty
    /// or runs over several lines.
    func issueRange(_ token: Token) -> SourceRange {
        var range = token.range
        if range.end == range.start || range.end.line != range.start.line {
            range.end = SourceLocation(line: range.start.line, column: range.start.column + 1)
        }
        return range
    }

    mutating func expect(_ op: String, _ context: String = "") throws {
        guard accept(op) else {
            let suffix = context.isEmpty ? "" : " \(context)"
            throw error("expected '\(op)'\(suffix), found \(describe(current))")
        }
    }

    mutating func expectName(_ what: String) throws -> Token {
        guard current.kind == .name else { throw error("expected \(what), found \(describe(current))") }
        return advance()
    }

    /// The most operators one left-associative chain (`a + b + …`) may hold: the tree it
    /// makes is as deep as the chain, and the compiler walks it recursively.
    static let maximumChain = 10_000

    /// Counts one more operator of a chain; a chain longer than `maximumChain` is an error.
    mutating func chain(_ links: inout Int) throws {
        links += 1
        if links > Parser.maximumChain {
            throw error("code is nested too deeply (more than \(Parser.maximumChain) operators in a row)", id: "too-deep")
        }
    }

    mutating func nest() throws {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error("code is nested too deeply", id: "too-deep")
        }
    }

    // MARK: Statements

    /// Parses statements until `stop` (a DEDENT or the end), recovering from errors.
    mutating func statements(until stop: TokenKind) -> [Stmt] {
        var result: [Stmt] = []
        while current.kind != .end, current.kind != stop {
            let before = index
            switch current.kind {
            case .newline:
                _ = advance()
            case .indent:
                issues.append(error("unexpected indent", id: "unexpected-indent").issue)
                _ = advance()
                _ = statements(until: .dedent)
                if current.kind == .dedent { _ = advance() }
            case .dedent:
                _ = advance()
            default:
                do {
                    result.append(contentsOf: try statement())
                } catch let failure as ParseError {
                    issues.append(failure.issue)
                    synchronize()
                } catch {}
            }
            if index == before { _ = advance() }
        }
        return result
    }

    /// Skips to the next line, and over the indented body of a failed compound statement.
    mutating func synchronize() {
        nesting = 0
        while current.kind != .newline, current.kind != .end, current.kind != .dedent, current.kind != .indent {
            _ = advance()
        }
        if current.kind == .newline { _ = advance() }
        if current.kind == .indent {
            _ = advance()
            _ = statements(until: .dedent)
            if current.kind == .dedent { _ = advance() }
        }
    }

    /// Parses the body after a compound statement's header: `:` then a line or an indented block.
    mutating func suite(_ what: String) throws -> [Stmt] {
        try expect(":", "after \(what)")
        if current.kind != .newline {
            return try simpleStatements()
        }
        _ = advance()
        guard current.kind == .indent else {
            throw error("expected an indented block after \(what)", id: "expected-indent")
        }
        _ = advance()
        try nest()
        defer { nesting -= 1 }
        let saved = nesting
        let body = statements(until: .dedent)
        nesting = saved
        if current.kind == .dedent { _ = advance() }
        return body
    }

    mutating func statement() throws -> [Stmt] {
        let start = current
        if start.kind == .keyword {
            switch start.text {
            case "if": return [try ifStatement()]
            case "while": return [try whileStatement()]
            case "for": return [try forStatement()]
            case "def": return [try functionDefinition()]
            case "with": return [try withStatement()]
            case "class": return [try classDefinition()]
            case "try": return [try tryStatement()]
            case "except", "finally":
                throw error("'\(start.text)' without a matching 'try'")
            case "yield":
                throw error("'yield' (generators) is not supported in rnn code; build and return a list instead",
                            id: "unsupported")
            case "elif", "else":
                throw error("'\(start.text)' without a matching 'if'")
            default: break
            }
        }
        if start.isOp("@") { return [try decorated()] }
        return try simpleStatements()
    }
}
