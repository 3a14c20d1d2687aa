/// Python's rules for whitespace, line breaks and title case in `str` methods, by code
/// point (Swift's `Character` rules differ: `"\u{a0}"` is whitespace to both, but
/// `"\u{1c}"` only to Python, and Foundation's `capitalized` is not Python's `title`).
extension Unicode.Scalar {
    /// `str.isspace()` of one code point: Unicode's White_Space, and U+001C…U+001F.
    var isPythonSpace: Bool { properties.isWhitespace || (0x1C...0x1F).contains(value) }

    /// A line boundary of `str.splitlines` (`\r\n` counts as one).
    var isPythonLineBreak: Bool { [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(value) }
}

extension String {
    /// `split()` and `split(None, maxsplit)`: runs of whitespace separate words, never empty
    /// ones; after `limit` splits (when `limit` ≥ 0) the rest is one piece, its leading
    /// whitespace dropped and its trailing whitespace kept.
    func pythonWhitespaceSplit(limit: Int) -> [String] {
        let points = codePoints
        var words: [String] = []
        var i = 0
        while true {
            while i < points.count && points[i].isPythonSpace { i += 1 }
            if i == points.count { break }
            if limit >= 0 && words.count == limit {
                words.append(String(codePoints: points[i...]))
                break
            }
            var j = i
            while j < points.count && !points[j].isPythonSpace { j += 1 }
            words.append(String(codePoints: points[i..<j]))
            i = j
        }
        return words
    }

    /// `splitlines(keepends)`: the lines, with their break when `keepEnds`; no empty last
    /// line after a final break.
    func pythonLines(keepEnds: Bool) -> [String] {
        let points = codePoints
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < points.count {
            guard points[i].isPythonLineBreak else {
                i += 1
                continue
            }
            var end = i + 1
            if points[i] == "\r", end < points.count, points[end] == "\n" { end += 1 }
            lines.append(String(codePoints: points[start..<(keepEnds ? end : i)]))
            start = end
            i = end
        }
        if start < points.count { lines.append(String(codePoints: points[start...])) }
        return lines
    }

    /// `title()`: a cased code point after an uncased one is title-cased, the others are
    /// lowered (`"they're".title()` is `"They'Re"`, as in Python).
    var pythonTitle: String {
        var result = ""
        var previousCased = false
        for point in unicodeScalars {
            result += previousCased ? point.properties.lowercaseMapping : point.properties.titlecaseMapping
            previousCased = point.properties.isCased
        }
        return result
    }
}
