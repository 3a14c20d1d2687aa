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
    public static let keywords: Set<String> = [
        "and", "or", "not", "in", "is", "if", "elif", "else", "for", "while", "break", "continue",
        "pass", "def", "return", "lambda", "assert", "with", "True", "False", "None",
    ]

    /// Classifies `code` into spans (a simple scanner until the language's lexer exists).
    public static func spans(_ code: String) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        let chars = Array(code)
        var i = 0
        func append(_ text: String, _ kind: HighlightClass) {
            if let last = spans.last, last.kind == kind, kind == .plain {
                spans[spans.count - 1].text += text
            } else {
                spans.append(HighlightSpan(text, kind))
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                append(String(chars[i..<j]), .comment)
                i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c, chars[j] != "\n" {
                    if chars[j] == "\\" { j += 1 }
                    j += 1
                }
                j = min(j + 1, chars.count)
                append(String(chars[i..<j]), .string)
                i = j
            } else if c.isNumber {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "e" || chars[j] == "_" { j += 1 }
                append(String(chars[i..<j]), .number)
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let word = String(chars[i..<j])
                append(word, keywords.contains(word) ? .keyword : .name)
                i = j
            } else if "+-*/%@=<>!".contains(c) {
                append(String(c), .operator)
                i += 1
            } else if "()[]{},:.".contains(c) {
                append(String(c), .punctuation)
                i += 1
            } else {
                append(String(c), .plain)
                i += 1
            }
        }
        return spans
    }
}
