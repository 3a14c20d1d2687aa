/// Escaping for text and attribute values written into HTML.
enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe as text and as a quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A URL for an `href` or `src`: escaped, and `javascript:` URLs dropped.
    static func url(_ destination: String) -> String {
        let lowered = destination.lowercased().filter { !$0.isWhitespace }
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") { return "#" }
        return escape(destination)
    }

    /// A GitHub-style slug for heading ids: lowercase letters, digits, `-` and `_`.
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result.isEmpty ? "section" : result
    }
}
