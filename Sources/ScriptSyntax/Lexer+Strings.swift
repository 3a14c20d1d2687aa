import Diagnostics

extension Lexer {
    /// Lexes a string literal whose prefix (if any) starts at `start` and whose quote is at `pos`.
    mutating func string(from start: Int, raw: Bool, formatted: Bool) {
        let startLocation = location(start)
        let quote = bytes[pos]
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        var decoded: [UInt8] = []
        var parts: [FStringPart] = []
        var terminated = false
        func flushLiteral() {
            if !decoded.isEmpty {
                parts.append(.literal(String(decoding: decoded, as: UTF8.self)))
                decoded.removeAll()
            }
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                pos += triple ? 3 : 1
                terminated = true
                break
            }
            if c == UInt8(ascii: "\n") {
                if !triple { break }
                decoded.append(c)
                pos += 1
                newLine()
                continue
            }
            if c == UInt8(ascii: "\\") && pos + 1 < bytes.count {
                if raw {
                    decoded.append(c)
                    decoded.append(bytes[pos + 1])
                    pos += 2
                    if bytes[pos - 1] == UInt8(ascii: "\n") { newLine() }
                } else {
                    escape(into: &decoded)
                }
                continue
            }
            if formatted && c == UInt8(ascii: "{") {
                if peek(1) == UInt8(ascii: "{") {
                    decoded.append(c)
                    pos += 2
                    continue
                }
                flushLiteral()
                parts += field(quote: quote)
                continue
            }
            if formatted && c == UInt8(ascii: "}") {
                if peek(1) == UInt8(ascii: "}") {
                    pos += 2
                } else {
                    issue("fstring-brace", "single '}' is not allowed in an f-string (write '}}')", at: pos)
                    pos += 1
                }
                decoded.append(c)
                continue
            }
            decoded.append(c)
            pos += 1
        }
        if !terminated {
            let message = triple ? "unterminated triple-quoted string" : "unterminated string literal"
            let here = SourceRange(start: startLocation, end: SourceLocation(line: startLocation.line,
                                                                           column: startLocation.column + 1))
            issues.append(SyntaxIssue(id: "unterminated-string", message, range: here))
        }
        let index = add(formatted ? .fstring : .string, from: start, startLocation: startLocation)
        if formatted {
            flushLiteral()
            tokens[index].parts = parts
        } else {
            tokens[index].stringValue = String(decoding: decoded, as: UTF8.self)
        }
    }

    /// Decodes one backslash escape at `pos`.
    mutating func escape(into decoded: inout [UInt8]) {
        let next = bytes[pos + 1]
        pos += 2
        switch next {
        case UInt8(ascii: "n"): decoded.append(10)
        case UInt8(ascii: "t"): decoded.append(9)
        case UInt8(ascii: "r"): decoded.append(13)
        case UInt8(ascii: "0"): decoded.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): decoded.append(next)
        case UInt8(ascii: "\n"): newLine()
        case UInt8(ascii: "x"), UInt8(ascii: "u"):
            let count = next == UInt8(ascii: "x") ? 2 : 4
            let end = min(pos + count, bytes.count)
            let hex = String(decoding: bytes[pos..<end], as: UTF8.self)
            if hex.utf8.count == count, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
                pos = end
            } else {
                issue("bad-escape", "invalid \\\(Character(Unicode.Scalar(next))) escape", at: pos - 2, length: 2)
            }
        default:
            decoded.append(UInt8(ascii: "\\"))
            decoded.append(next)
        }
    }

    /// Lexes an f-string field `{expr!c:spec}` starting at the `{` at `pos`. The spec may
    /// hold fields of its own (`{x:>{width}}`), one level deep, as in Python. A
    /// self-documenting field `{expr=}` (Python 3.8+) comes back as the literal text of the
    /// expression up to its `=` (spaces kept), then the field, which shows `repr` unless a
    /// conversion or a spec is given. Nothing comes back for a field with an error.
    mutating func field(quote: UInt8, nested: Bool = false) -> [FStringPart] {
        let open = pos
        pos += 1
        let exprStart = pos
        let exprLocation = location(exprStart)
        var nesting = 0
        var inString: UInt8 = 0
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\n") || c == quote { break }
            if inString != 0 {
                if c == inString { inString = 0 }
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                inString = c
            } else if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                nesting += 1
            } else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || (c == UInt8(ascii: "}") && nesting > 0) {
                nesting -= 1
            } else if nesting == 0, c == UInt8(ascii: "}") || c == UInt8(ascii: ":")
                        || (c == UInt8(ascii: "!") && peek(1) != UInt8(ascii: "=")) {
                break
            }
            pos += 1
        }
        var source = String(decoding: bytes[exprStart..<pos], as: UTF8.self)
        let debugText = Lexer.selfDocumentation(source)
        if debugText != nil, let equals = source.lastIndex(of: "=") { source = String(source[..<equals]) }
        var conversion: Character?
        if peek() == UInt8(ascii: "!") {
            pos += 1
            if pos < bytes.count, Lexer.isNameStart(bytes[pos]) {
                conversion = Character(Unicode.Scalar(bytes[pos]))
                pos += 1
            }
        }
        var spec: [FStringPart] = []
        var text: [UInt8] = []
        var valid = true
        if peek() == UInt8(ascii: ":") {
            pos += 1
            while pos < bytes.count, bytes[pos] != UInt8(ascii: "}"), bytes[pos] != quote,
                  bytes[pos] != UInt8(ascii: "\n") {
                guard bytes[pos] == UInt8(ascii: "{") else {
                    text.append(bytes[pos])
                    pos += 1
                    continue
                }
                if nested {
                    issue("fstring-nesting", "f-string: expressions nested too deeply", at: pos)
                    valid = false
                }
                if !text.isEmpty { spec.append(.literal(String(decoding: text, as: UTF8.self))) }
                text.removeAll()
                let parts = field(quote: quote, nested: true)
                if parts.isEmpty { valid = false }
                spec += parts
            }
            if !text.isEmpty { spec.append(.literal(String(decoding: text, as: UTF8.self))) }
        }
        guard peek() == UInt8(ascii: "}") else {
            issue("fstring-field", "expected '}' to close the f-string field", at: open)
            return []
        }
        pos += 1
        if source.allSatisfy(\.isWhitespace) {
            issue("fstring-empty", "f-string field has no expression", at: open, length: pos - open)
            return []
        }
        guard valid else { return [] }
        guard let debugText else {
            return [.field(source: source, location: exprLocation, conversion: conversion, spec: spec)]
        }
        if conversion == nil && spec.isEmpty { conversion = "r" }
        return [.literal(debugText), .field(source: source, location: exprLocation, conversion: conversion, spec: spec)]
    }

    /// The text a self-documenting field `{expr=}` shows before the value: the field's
    /// whole source, spaces included, when it ends with an `=` (then only spaces) that is
    /// not part of `==`, `!=`, `<=` or `>=`; nil otherwise.
    static func selfDocumentation(_ source: String) -> String? {
        let trimmed = source.utf8.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let last = trimmed.first, last == UInt8(ascii: "=") else { return nil }
        if let before = trimmed.dropFirst().first, Array("=!<>".utf8).contains(before) { return nil }
        return source
    }
}
