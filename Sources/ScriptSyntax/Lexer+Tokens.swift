import Diagnostics

extension Lexer {
    static let threeCharOps: Set<String> = ["**=", "//=", "<<=", ">>=", "..."]
    static let twoCharOps: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", "->", "<<", ">>",
    ]
    static let oneCharOps: Set<UInt8> = Set("+-*/%@<>=()[]{},:.;~&|^!".utf8)

    static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 0x80
    }

    static func isNameByte(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 48 && c <= 57) }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    mutating func token() {
        let c = bytes[pos]
        let start = pos
        if Lexer.isNameStart(c) {
            while pos < bytes.count, Lexer.isNameByte(bytes[pos]) { pos += 1 }
            let word = String(decoding: bytes[start..<pos], as: UTF8.self)
            let lower = word.lowercased()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'"),
               ["f", "r", "rf", "fr", "b", "rb", "br", "u"].contains(lower) {
                string(from: start, raw: lower.contains("r"), formatted: lower.contains("f"))
                return
            }
            _ = add(Keywords.all.contains(word) ? .keyword : .name, from: start)
            return
        }
        if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && Lexer.isDigit(peek(1))) {
            number()
            return
        }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            string(from: start, raw: false, formatted: false)
            return
        }
        if pos + 3 <= bytes.count,
           Lexer.threeCharOps.contains(String(decoding: bytes[pos..<pos + 3], as: UTF8.self)) {
            pos += 3
            _ = add(.op, from: start)
            return
        }
        if pos + 2 <= bytes.count,
           Lexer.twoCharOps.contains(String(decoding: bytes[pos..<pos + 2], as: UTF8.self)) {
            pos += 2
            _ = add(.op, from: start)
            return
        }
        if Lexer.oneCharOps.contains(c) {
            pos += 1
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
                openers.append((start, String(Character(Unicode.Scalar(c)))))
            } else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth = max(fragment ? 1 : 0, depth - 1)
                if !openers.isEmpty { openers.removeLast() }
            }
            _ = add(.op, from: start)
            return
        }
        // Skip one whole UTF-8 scalar so the invalid token covers it.
        pos += 1
        while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let index = add(.invalid, from: start)
        let text = tokens[index].text
        issue("invalid-character", "invalid character '\(text)' in code", at: start)
    }

    mutating func number() {
        let start = pos
        var isFloat = false
        var radix = 10
        if bytes[pos] == UInt8(ascii: "0"), let kind = Optional(peek(1) | 0x20),
           kind == UInt8(ascii: "x") || kind == UInt8(ascii: "b") || kind == UInt8(ascii: "o") {
            radix = kind == UInt8(ascii: "x") ? 16 : kind == UInt8(ascii: "b") ? 2 : 8
            pos += 2
            while pos < bytes.count, Lexer.isNameByte(bytes[pos]) { pos += 1 }
        } else {
            while pos < bytes.count, Lexer.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
            if peek() == UInt8(ascii: "."), !Lexer.isNameStart(peek(1)) || peek(1) == UInt8(ascii: "e")
                || peek(1) == UInt8(ascii: "E") {
                isFloat = true
                pos += 1
                while pos < bytes.count, Lexer.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
            }
            if peek() | 0x20 == UInt8(ascii: "e") {
                let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
                if Lexer.isDigit(peek(1 + sign)) {
                    isFloat = true
                    pos += 1 + sign
                    while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
                }
            }
            if pos < bytes.count, Lexer.isNameStart(bytes[pos]) {
                while pos < bytes.count, Lexer.isNameByte(bytes[pos]) { pos += 1 }
            }
        }
        let index = add(isFloat ? .float : .int, from: start)
        let text = tokens[index].text.replacingOccurrences("_", "")
        if isFloat {
            if let value = Double(text) {
                tokens[index].floatValue = value
            } else {
                issue("bad-number", "invalid number literal '\(tokens[index].text)'", at: start, length: pos - start)
            }
        } else {
            let digits = radix == 10 ? Substring(text) : text.dropFirst(2)
            if let value = Int(digits, radix: radix) {
                tokens[index].intValue = value
            } else if radix == 10, digits.allSatisfy(\.isNumber) {
                issue("int-too-large", "integer literal too large for a 64-bit int", at: start, length: pos - start)
            } else {
                issue("bad-number", "invalid number literal '\(tokens[index].text)'", at: start, length: pos - start)
            }
        }
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
