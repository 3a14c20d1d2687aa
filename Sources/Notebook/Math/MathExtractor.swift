import Diagnostics

/// A piece of TeX found in prose.
struct MathSpan: Sendable, Equatable {
    /// The TeX between the delimiters (for environments, the whole `\begin…\end`).
    var tex: String
    /// Whether it is display math (`$$…$$` or an environment) rather than inline (`$…$`).
    var display: Bool
    /// Where the opening delimiter stands in the original file.
    var location: SourceLocation
}

/// Takes TeX math out of Markdown prose before cmark-gfm sees it, so that `_` and `*` inside
/// formulas are never read as emphasis.
///
/// Each formula is replaced by a placeholder (`U+E000 index U+E001`, private-use characters
/// that Markdown treats as ordinary text); the parser puts the formula back as a
/// `MarkdownInline.math`. Fenced code blocks and code spans are left alone, and `\$` is a
/// literal dollar. The rules for `$` follow Pandoc's: an opening `$` is followed by a
/// non-space, a closing `$` follows a non-space and is not followed by a digit.
struct MathExtractor {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    static let environments = [
        "align", "align*", "equation", "equation*", "gather", "gather*", "multline", "multline*",
    ]

    /// The text with formulas replaced, the formulas, and for each line of the new text the
    /// line of the original it starts on (formulas may span lines).
    struct Result {
        var text: String
        var spans: [MathSpan]
        var lineMap: [Int]
    }

    /// Extracts formulas from `source`.
    static func extract(_ source: String) -> Result {
        var extractor = Scanner(bytes: Array(source.utf8))
        extractor.run()
        return Result(
            text: String(decoding: extractor.output, as: UTF8.self),
            spans: extractor.spans,
            lineMap: extractor.lineMap)
    }
}

/// The byte-level scanner behind `MathExtractor`.
private struct Scanner {
    let bytes: [UInt8]
    var output: [UInt8] = []
    var spans: [MathSpan] = []
    var lineMap: [Int] = [1]
    var index = 0
    var line = 1
    var lineStart = 0
    /// The opening fence (character and length) while inside a fenced code block.
    var fence: (UInt8, Int)?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count)
    }

    var atLineStart: Bool { index == lineStart }

    mutating func run() {
        while index < bytes.count {
            if atLineStart, handleFenceLine() { continue }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                emitNewline()
            case UInt8(ascii: "\\"):
                if !tryEnvironment() {
                    copy(count: min(2, bytes.count - index))
                }
            case UInt8(ascii: "`"):
                copyCodeSpan()
            case UInt8(ascii: "$"):
                if !tryDollarMath() { copy(count: 1) }
            default:
                copy(count: 1)
            }
        }
    }

    mutating func copy(count: Int) {
        for _ in 0..<count {
            if bytes[index] == UInt8(ascii: "\n") {
                emitNewline()
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
    }

    mutating func emitNewline() {
        output.append(UInt8(ascii: "\n"))
        index += 1
        line += 1
        lineStart = index
        lineMap.append(line)
    }

    /// Copies a whole line verbatim if it opens, continues or closes a fenced code block.
    mutating func handleFenceLine() -> Bool {
        var cursor = index
        var indent = 0
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " "), indent < 4 {
            cursor += 1
            indent += 1
        }
        var run = 0
        let marker = cursor < bytes.count ? bytes[cursor] : 0
        if marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") {
            while cursor + run < bytes.count, bytes[cursor + run] == marker { run += 1 }
        }
        if let (character, length) = fence {
            if marker == character, run >= length, indent < 4 {
                fence = nil
            }
            copyLine()
            return true
        }
        if indent < 4, run >= 3 {
            fence = (marker, run)
            copyLine()
            return true
        }
        return false
    }

    mutating func copyLine() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            output.append(bytes[index])
            index += 1
        }
        if index < bytes.count { emitNewline() }
    }

    /// Copies an inline code span (a backtick run up to a matching run) untouched.
    mutating func copyCodeSpan() {
        var run = 0
        while index + run < bytes.count, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
        var cursor = index + run
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "`") {
                var closing = 0
                while cursor + closing < bytes.count, bytes[cursor + closing] == UInt8(ascii: "`") { closing += 1 }
                if closing == run {
                    copy(count: cursor + closing - index)
                    return
                }
                cursor += closing
            } else if bytes[cursor] == UInt8(ascii: "\n"), cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "\n") {
                break
            } else {
                cursor += 1
            }
        }
        copy(count: run)
    }

    func startsWith(_ text: String, at position: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard position + pattern.count <= bytes.count else { return false }
        return Array(bytes[position..<position + pattern.count]) == pattern
    }

    func find(_ text: String, from position: Int) -> Int? {
        let pattern = Array(text.utf8)
        var cursor = position
        while cursor + pattern.count <= bytes.count {
            if bytes[cursor] == pattern[0], Array(bytes[cursor..<cursor + pattern.count]) == pattern { return cursor }
            cursor += 1
        }
        return nil
    }

    /// `\begin{align}…\end{align}` and its kin, outside dollars.
    mutating func tryEnvironment() -> Bool {
        guard startsWith("\\begin{", at: index) else { return false }
        for name in MathExtractor.environments where startsWith("\\begin{\(name)}", at: index) {
            guard let end = find("\\end{\(name)}", from: index) else { return false }
            let stop = end + "\\end{\(name)}".utf8.count
            replace(upTo: stop, tex: String(decoding: bytes[index..<stop], as: UTF8.self), display: true)
            return true
        }
        return false
    }

    /// `$$…$$` or `$…$` starting at `index`.
    mutating func tryDollarMath() -> Bool {
        if startsWith("$$", at: index) {
            var cursor = index + 2
            while cursor + 1 < bytes.count {
                if bytes[cursor] == UInt8(ascii: "\\") { cursor += 2; continue }
                if bytes[cursor] == UInt8(ascii: "$"), bytes[cursor + 1] == UInt8(ascii: "$") {
                    let tex = String(decoding: bytes[(index + 2)..<cursor], as: UTF8.self)
                    replace(upTo: cursor + 2, tex: tex, display: true)
                    return true
                }
                cursor += 1
            }
            return false
        }
        let next = index + 1
        guard next < bytes.count, !isSpace(bytes[next]), bytes[next] != UInt8(ascii: "$") else { return false }
        var cursor = next
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == UInt8(ascii: "\n"), cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "\n") { return false }
            if byte == UInt8(ascii: "$") {
                let afterIsDigit = cursor + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor + 1])
                if !isSpace(bytes[cursor - 1]), !afterIsDigit {
                    let tex = String(decoding: bytes[next..<cursor], as: UTF8.self)
                    replace(upTo: cursor + 1, tex: tex, display: false)
                    return true
                }
                return false
            }
            cursor += 1
        }
        return false
    }

    func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    /// Replaces bytes `index..<stop` with a placeholder, counting the lines they spanned.
    mutating func replace(upTo stop: Int, tex: String, display: Bool) {
        let location = SourceLocation(line: line, column: index - lineStart + 1)
        let placeholder = "\(MathExtractor.open)\(spans.count)\(MathExtractor.close)"
        spans.append(MathSpan(tex: tex, display: display, location: location))
        output.append(contentsOf: Array(placeholder.utf8))
        for position in index..<stop where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        index = stop
        // Columns after a multi-line formula are counted from the line it ended on.
    }
}
