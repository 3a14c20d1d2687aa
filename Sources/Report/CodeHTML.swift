import ScriptSyntax

/// Highlights `rnn` code with the language's own lexer, so the report and the language
/// never disagree on what a token is.
enum CodeHTML {
    static func highlight(_ code: String) -> String {
        var out = ""
        out.reserveCapacity(code.utf8.count * 2)
        for span in Highlighter.spans(code) {
            let text = HTML.escape(span.text)
            switch span.kind {
            case .name, .plain, .punctuation: out += text
            case .keyword: out += "<span class=\"k\">\(text)</span>"
            case .number: out += "<span class=\"m\">\(text)</span>"
            case .string: out += "<span class=\"s\">\(text)</span>"
            case .comment: out += "<span class=\"c\">\(text)</span>"
            case .operator: out += "<span class=\"o\">\(text)</span>"
            }
        }
        return out
    }
}
