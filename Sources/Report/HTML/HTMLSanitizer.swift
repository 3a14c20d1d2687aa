/// Makes the raw HTML of a notebook's prose harmless: only `HTMLAllowlist`'s tags,
/// attributes and URLs are kept, each tag written afresh with escaped attribute values,
/// comments and declarations dropped, and every stray `<` or `>` escaped.
///
/// Markdown splits raw HTML into many fragments (a block, or one inline tag at a time), so
/// the sanitizer keeps the tags left open across fragments: an end tag that closes nothing
/// open is dropped (raw HTML cannot close the page's own elements), and `closeAll` closes
/// what is still open at the end of a Markdown cell (it cannot swallow the rest of the page).
struct HTMLSanitizer {
    /// The kept tags opened and not yet closed, innermost last.
    private(set) var open: [String] = []

    /// The safe form of one fragment of raw HTML.
    mutating func sanitize(_ fragment: String) -> String {
        var tokenizer = HTMLTokenizer(fragment)
        var out = ""
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                out += Self.escapeText(text)
            case .other:
                break
            case .start(let name, let attributes, let selfClosing):
                if HTMLAllowlist.droppedWithContents.contains(name) {
                    if !selfClosing { tokenizer.skipRawText(until: name) }
                    continue
                }
                guard HTMLAllowlist.tags.contains(name) else { continue }
                out += startTag(name, attributes)
                if !HTMLAllowlist.void.contains(name) && !selfClosing { open.append(name) }
            case .end(let name):
                guard let index = open.lastIndex(of: name) else { continue }
                for tag in open[index...].reversed() { out += "</\(tag)>" }
                open.removeSubrange(index...)
            }
        }
        return out
    }

    /// End tags for every kept tag still open, innermost first; the stack is then empty.
    mutating func closeAll() -> String {
        defer { open.removeAll() }
        return open.reversed().map { "</\($0)>" }.joined()
    }

    /// A kept start tag with its allowed attributes, values escaped.
    private func startTag(_ name: String, _ attributes: [(name: String, value: String)]) -> String {
        var tag = "<" + name
        for (attribute, value) in attributes where HTMLAllowlist.allows(attribute, on: name) {
            if HTMLAllowlist.urlAttributes.contains(attribute),
               !HTMLAllowlist.allowsURL(value, attribute: attribute, on: name) { continue }
            tag += " \(attribute)=\"\(HTML.escape(value))\""
        }
        return tag + ">"
    }

    /// Text between tags: `<` and `>` escaped; `&` kept when it starts a character
    /// reference (`&amp;`, `&#955;`), escaped otherwise.
    static func escapeText(_ text: Substring) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += startsReference(Substring(scalars[index...])) ? "&" : "&amp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `rest` (what follows an `&`) is `name;`, `#digits;` or `#xhex;`.
    private static func startsReference(_ rest: Substring) -> Bool {
        let scalars = Array(rest.unicodeScalars.prefix(34))
        guard let semicolon = scalars.firstIndex(of: ";"), semicolon > 0 else { return false }
        let body = scalars[..<semicolon]
        func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
        func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        func isHex(_ s: Unicode.Scalar) -> Bool { isDigit(s) || (s >= "a" && s <= "f") || (s >= "A" && s <= "F") }
        if body[0] == "#" {
            let digits = body.dropFirst()
            if let x = digits.first, x == "x" || x == "X" {
                return digits.count > 1 && digits.dropFirst().allSatisfy(isHex)
            }
            return !digits.isEmpty && digits.allSatisfy(isDigit)
        }
        return isLetter(body[0]) && body.allSatisfy { isLetter($0) || isDigit($0) }
    }
}
