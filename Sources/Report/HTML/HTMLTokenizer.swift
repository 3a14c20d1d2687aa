/// One piece of an HTML fragment, as `HTMLTokenizer` reads it.
enum HTMLToken: Equatable {
    /// Text between tags, as written (entities not decoded).
    case text(Substring)
    /// A start tag: lowercased name, attributes (lowercased names, decoded values, in
    /// order, first of a repeated name only), and whether it ends with `/>`.
    case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    /// An end tag's lowercased name.
    case end(String)
    /// A comment, doctype, processing instruction or CDATA section: never kept.
    case other

    static func == (a: HTMLToken, b: HTMLToken) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x == y
        case (.end(let x), .end(let y)): return x == y
        case (.other, .other): return true
        case (.start(let n, let a1, let s1), .start(let m, let a2, let s2)):
            return n == m && s1 == s2 && a1.map(\.name) == a2.map(\.name) && a1.map(\.value) == a2.map(\.value)
        default: return false
        }
    }
}

/// Splits an HTML fragment into text, tags and the rest, following the HTML tokenizer's
/// rules closely enough for a sanitizer: a `<` that does not start a tag is text.
///
/// Its reading need not match a browser's exactly: the sanitizer writes every tag it keeps
/// afresh and escapes every `<` of text, so the browser reads exactly what was checked.
struct HTMLTokenizer {
    private let bytes: [UInt8]
    private(set) var position = 0
    /// Set once a tag ran to the end of the input unterminated: every later `<` is then
    /// text too, which keeps a fragment full of `<a <a <a …` linear.
    private var unterminated = false

    init(_ fragment: String) {
        bytes = Array(fragment.utf8)
    }

    /// Whether the whole fragment has been read.
    var atEnd: Bool { position >= bytes.count }

    /// The next token, or nil at the end.
    mutating func next() -> HTMLToken? {
        guard position < bytes.count else { return nil }
        let start = position
        if bytes[position] == UInt8(ascii: "<"), !unterminated, let token = markup() { return token }
        position = start + 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        return .text(text(start, position))
    }

    /// Skips to just before the end tag `</name` (any case), or to the end; for the
    /// contents of `script`, `style` and the other elements whose contents are dropped.
    mutating func skipRawText(until name: String) {
        let closing = Array("</\(name)".utf8)
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), position + closing.count <= bytes.count,
               zip(bytes[position..<(position + closing.count)], closing).allSatisfy({ lower($0) == $1 }) {
                return
            }
            position += 1
        }
    }

    /// A tag, comment or declaration at `<`, or nil when the `<` is just text.
    private mutating func markup() -> HTMLToken? {
        let open = position
        position += 1
        guard position < bytes.count else { return nil }
        let first = bytes[position]
        if first == UInt8(ascii: "!") || first == UInt8(ascii: "?") {
            let isComment = bytes[position...].starts(with: Array("!--".utf8))
            if isComment, let end = find(Array("-->".utf8), from: position + 3) {
                position = end + 3
            } else if let end = find([UInt8(ascii: ">")], from: position) {
                position = end + 1
            } else {
                position = bytes.count
            }
            return .other
        }
        let closing = first == UInt8(ascii: "/")
        if closing { position += 1 }
        guard position < bytes.count, isLetter(bytes[position]) else {
            position = open
            return nil
        }
        let name = readName()
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while position < bytes.count {
            skipSpace()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return closing ? .end(name) : .start(name: name, attributes: attributes, selfClosing: selfClosing)
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                position += 1
                continue
            }
            selfClosing = false
            let attribute = readAttribute()
            if !attribute.name.isEmpty, !attributes.contains(where: { $0.name == attribute.name }) {
                attributes.append(attribute)
            }
        }
        // An unterminated tag is not a tag: the rest is text.
        unterminated = true
        position = open
        return nil
    }

    /// A tag or attribute name, lowercased.
    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, !isSpace(bytes[position]),
              bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: "=") {
            position += 1
        }
        // A name that starts with `=` (`<a =x>`) takes it as its first character, as browsers do.
        if position == start, position < bytes.count, bytes[position] == UInt8(ascii: "=") { position += 1 }
        return String(decoding: bytes[start..<position].map(lower), as: UTF8.self)
    }

    /// One attribute: its name and its value with character references decoded.
    private mutating func readAttribute() -> (name: String, value: String) {
        let name = readName()
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return (name, "") }
        position += 1
        skipSpace()
        guard position < bytes.count else { return (name, "") }
        let quote = bytes[position]
        let start: Int
        let end: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            start = position + 1
            end = find([quote], from: start) ?? bytes.count
            position = min(end + 1, bytes.count)
        } else {
            start = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
            end = position
        }
        return (name, HTMLEntities.decode(text(start, end)))
    }

    private mutating func skipSpace() {
        while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func text(_ start: Int, _ end: Int) -> Substring {
        Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
