import Diagnostics

/// Reads raw options from a fence line's info string and from `#|` lines.
enum BlockOptionsParser {
    /// Splits the info string's words after the language name. `column` is the file column
    /// of the info string's first byte, on `line`.
    static func fenceOptions(
        info: String, line: Int, column: Int, file: SourceFile, diagnostics: inout [Diagnostic]
    ) -> [RawOption] {
        let bytes = Array(info.utf8)
        var options: [RawOption] = []
        var index = 0
        func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        }
        // Skip the language word.
        while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
        while true {
            skipSpaces()
            guard index < bytes.count else { break }
            let keyStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: " "),
                bytes[index] != UInt8(ascii: "\t")
            {
                index += 1
            }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            let keyRange = SourceRange(line: line, column: column + keyStart, length: index - keyStart)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                options.append(RawOption(key: key, value: nil, keyRange: keyRange, valueRange: keyRange))
                continue
            }
            index += 1
            let valueStart = index
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                index += 1
                var raw: [UInt8] = []
                var closed = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        raw.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    if bytes[index] == quote {
                        closed = true
                        index += 1
                        break
                    }
                    raw.append(bytes[index])
                    index += 1
                }
                if !closed {
                    diagnostics.append(Diagnostic(
                        id: "unterminated-option-value", "unterminated quoted value for block option '\(key)'",
                        file: file, range: SourceRange(line: line, column: column + valueStart)))
                    return options
                }
                value = String(decoding: raw, as: UTF8.self)
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
                value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            }
            let valueRange = SourceRange(line: line, column: column + valueStart, length: max(1, index - valueStart))
            options.append(RawOption(key: key, value: value, keyRange: keyRange, valueRange: valueRange))
        }
        return options
    }

    /// Reads the `#| key: value` lines at the top of a block's code. `firstLine` is the file
    /// line of the code's first line and `column` the column at which code lines start.
    static func quartoOptions(
        code: String, firstLine: Int, column: Int, file: SourceFile, diagnostics: inout [Diagnostic]
    ) -> (options: [RawOption], lineCount: Int) {
        var options: [RawOption] = []
        var count = 0
        for (offset, text) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = text.drop { $0 == " " }
            guard trimmed.hasPrefix("#|") else { break }
            count += 1
            let line = firstLine + offset
            let indent = text.utf8.count - trimmed.utf8.count
            let body = trimmed.dropFirst(2)
            let bodyColumn = column + indent + 2
            guard let colon = body.firstIndex(of: ":") else {
                let key = body.trimmingCharacters(in: " ")
                let lead = body.utf8.count - body.drop { $0 == " " }.utf8.count
                diagnostics.append(Diagnostic(
                    id: "bad-quarto-option", "expected 'key: value' after '#|', got '\(key)'",
                    file: file, range: SourceRange(line: line, column: bodyColumn + lead, length: max(1, key.utf8.count))))
                continue
            }
            let rawKey = body[body.startIndex..<colon]
            let key = rawKey.trimmingCharacters(in: " ")
            let keyLead = rawKey.utf8.count - rawKey.drop { $0 == " " }.utf8.count
            let rest = body[body.index(after: colon)...]
            var value = rest.trimmingCharacters(in: " ")
            let valueLead = rest.utf8.count - rest.drop { $0 == " " }.utf8.count
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            let keyColumn = bodyColumn + keyLead
            let valueColumn = bodyColumn + rawKey.utf8.count + 1 + valueLead
            options.append(RawOption(
                key: key, value: value.isEmpty ? nil : value,
                keyRange: SourceRange(line: line, column: keyColumn, length: max(1, key.utf8.count)),
                valueRange: SourceRange(line: line, column: valueColumn, length: max(1, value.utf8.count))))
        }
        return (options, count)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var result = self
        while result.first == set { result = result.dropFirst() }
        return String(result.droppingLast { $0 == set })
    }
}
