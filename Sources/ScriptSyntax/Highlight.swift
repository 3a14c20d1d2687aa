/// The classes of source text that reports colour differently.
public enum HighlightClass: String, Sendable, CaseIterable {
    case keyword, name, number, string, comment, `operator`, punctuation, plain
}

/// A run of source text and its class.
public struct HighlightSpan: Sendable, Equatable {
    /// The text of the run, exactly as in the source.
    public var text: String
    /// Its class.
    public var kind: HighlightClass

    /// Makes a span.
    public init(_ text: String, _ kind: HighlightClass) {
        self.text = text
        self.kind = kind
    }
}

/// Splits `rnn` code into classed runs whose texts, joined, give back the code exactly.
public enum Highlighter {
    /// The language's keywords.
    public static var keywords: Set<String> { Keywords.all }

    /// Classifies `code` into spans using the language's own lexer, so the report and the
    /// interpreter never disagree. Gaps between tokens (spaces, newlines) are `plain`;
    /// invalid code still round-trips exactly.
    public static func spans(_ code: String) -> [HighlightSpan] {
        let lexer = Lexer(code)
        let bytes = Array(code.utf8)
        var pieces: [(Range<Int>, HighlightClass)] = lexer.comments.map { ($0, .comment) }
        for token in lexer.tokens where token.endOffset > token.offset {
            switch token.kind {
            case .newline, .indent, .dedent, .end: continue
            case .keyword: pieces.append((token.offset..<token.endOffset, .keyword))
            case .name: pieces.append((token.offset..<token.endOffset, .name))
            case .int, .float: pieces.append((token.offset..<token.endOffset, .number))
            case .string, .fstring: pieces.append((token.offset..<token.endOffset, .string))
            case .op:
                let kind: HighlightClass = "()[]{},:.;".contains(token.text) && token.text.count == 1
                    ? .punctuation : .operator
                pieces.append((token.offset..<token.endOffset, kind))
            case .invalid: pieces.append((token.offset..<token.endOffset, .plain))
            }
        }
        pieces.sort { $0.0.lowerBound < $1.0.lowerBound }
        var spans: [HighlightSpan] = []
        func append(_ range: Range<Int>, _ kind: HighlightClass) {
            guard !range.isEmpty else { return }
            let text = String(decoding: bytes[range], as: UTF8.self)
            if let last = spans.last, last.kind == kind, kind == .plain {
                spans[spans.count - 1].text += text
            } else {
                spans.append(HighlightSpan(text, kind))
            }
        }
        var position = 0
        for (range, kind) in pieces where range.lowerBound >= position {
            append(position..<range.lowerBound, .plain)
            append(range, kind)
            position = range.upperBound
        }
        append(position..<bytes.count, .plain)
        return spans
    }
}
