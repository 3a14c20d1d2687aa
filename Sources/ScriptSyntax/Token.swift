import Diagnostics

/// The kinds of token the lexer produces.
public enum TokenKind: Sendable, Equatable {
    /// An identifier that is not a keyword.
    case name
    /// A reserved word (`def`, `if`, `True`, …).
    case keyword
    /// An integer literal; its value is in `Token.intValue`.
    case int
    /// A float literal; its value is in `Token.floatValue`.
    case float
    /// A string literal; its decoded text is in `Token.stringValue`.
    case string
    /// An f-string; its parts are in `Token.parts`.
    case fstring
    /// An operator or punctuation mark; its spelling is `Token.text`.
    case op
    /// The end of a logical line.
    case newline
    /// An increase of indentation.
    case indent
    /// A decrease of indentation.
    case dedent
    /// The end of the code.
    case end
    /// A character that starts no token.
    case invalid
}

/// One piece of an f-string: literal text or a replacement field.
public enum FStringPart: Sendable, Equatable {
    /// Literal text, with escapes and doubled braces already decoded.
    case literal(String)
    /// A `{expression!conversion:spec}` field; `location` is where the expression starts.
    /// The spec is literal text and, for `{x:>{width}}`, fields of its own.
    case field(source: String, location: SourceLocation, conversion: Character?, spec: [FStringPart])
}

/// A token with its position in the block (1-based lines, UTF-8 columns).
public struct Token: Sendable {
    /// What kind of token it is.
    public var kind: TokenKind
    /// The source spelling (for names, keywords and operators).
    public var text: String
    /// The UTF-8 offset of its first byte in the code.
    public var offset: Int
    /// The UTF-8 offset just past it.
    public var endOffset: Int
    /// Where it is, relative to the block.
    public var range: SourceRange
    /// The value of an int literal.
    public var intValue: Int = 0
    /// The value of a float literal.
    public var floatValue: Double = 0
    /// The decoded text of a string literal.
    public var stringValue: String = ""
    /// The parts of an f-string.
    public var parts: [FStringPart] = []

    /// Makes a token.
    public init(kind: TokenKind, text: String, offset: Int, endOffset: Int, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.offset = offset
        self.endOffset = endOffset
        self.range = range
    }

    /// Whether this is the operator or punctuation `spelling`.
    @inlinable public func isOp(_ spelling: String) -> Bool { kind == .op && text == spelling }

    /// Whether this is the keyword `word`.
    @inlinable public func isKeyword(_ word: String) -> Bool { kind == .keyword && text == word }
}

/// A problem found while lexing or parsing, positioned relative to the block.
///
/// A message may name another place in the block (the `(` that an error expected to be
/// closed); such places are kept apart from the text so that `mapped(_:)` moves them into
/// the notebook along with the issue's range.
public struct SyntaxIssue: Sendable, Equatable {
    /// A stable identifier of the kind of problem.
    public var id: String
    /// Where it is, relative to the block.
    public var range: SourceRange
    /// The places the message names, relative to the block.
    public var places: [SourceLocation]
    /// The message's text before, between and after its places (`places.count + 1` parts).
    var parts: [String]

    /// Makes an issue.
    public init(id: String, _ message: String, range: SourceRange) {
        self.id = id
        self.range = range
        self.places = []
        self.parts = [message]
    }

    /// Makes an issue whose message names `place` (written `line:column`) between two texts.
    public init(id: String, _ before: String, place: SourceLocation, _ after: String, range: SourceRange) {
        self.id = id
        self.range = range
        self.places = [place]
        self.parts = [before, after]
    }

    /// The lowercase message, naming places as `line:column`.
    public var message: String {
        var text = parts[0]
        for (place, part) in zip(places, parts.dropFirst()) { text += "\(place)" + part }
        return text
    }

    /// The issue with its range and the places its message names moved by `map` (from
    /// block-relative positions to positions in the notebook file).
    public func mapped(_ map: (SourceLocation) -> SourceLocation) -> SyntaxIssue {
        var moved = self
        moved.range = SourceRange(start: map(range.start), end: map(range.end))
        moved.places = places.map(map)
        return moved
    }
}

/// The language's reserved words.
public enum Keywords {
    /// Every keyword.
    public static let all: Set<String> = [
        "and", "or", "not", "in", "is", "if", "elif", "else", "for", "while", "break", "continue",
        "pass", "def", "return", "lambda", "assert", "with", "True", "False", "None", "global",
        "nonlocal", "import", "from", "class", "del", "try", "except", "finally", "raise", "yield",
        "as",
    ]
}
