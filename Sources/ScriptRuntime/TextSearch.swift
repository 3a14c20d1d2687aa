/// Substring search in linear time, for `str.find`, `count`, `split`, `replace`, `in` and
/// their relatives.
///
/// Foundation's `range(of:)` compares naively: finding `"a" * 40000 + "b"` in `"a" * 80000`
/// took 81 s, and a budget cannot interrupt a single library call. Knuth–Morris–Pratt never
/// looks back in the text, so every search here is O(text + needle). Positions are counted
/// in the language's characters (what `len` and indexing count); ASCII text, the common
/// case, is searched byte by byte.
struct TextSearch {
    /// The text's code points, or its bytes when text and needle are ASCII.
    private let text: Units
    private let needle: Units
    /// `failure[i]`: the length of the longest proper border of `needle[0...i]`.
    private let failure: [Int]

    private enum Units {
        case bytes([UInt8])
        case characters([Unicode.Scalar])

        var count: Int {
            switch self {
            case .bytes(let units): return units.count
            case .characters(let units): return units.count
            }
        }

        var reversed: Units {
            switch self {
            case .bytes(let units): return .bytes(units.reversed())
            case .characters(let units): return .characters(units.reversed())
            }
        }
    }

    init(_ text: String, _ needle: String) {
        // In ASCII every byte is a code point.
        func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }
        if plain(text) && plain(needle) {
            self.text = .bytes(Array(text.utf8))
            self.needle = .bytes(Array(needle.utf8))
        } else {
            self.text = .characters(text.codePoints)
            self.needle = .characters(needle.codePoints)
        }
        failure = Self.failureTable(self.needle)
    }

    /// The number of code points of the text.
    var textCount: Int { text.count }
    /// The number of code points of the needle.
    var needleCount: Int { needle.count }

    /// The positions of the non-overlapping matches, leftmost first (Python's order for
    /// `count`, `split` and `replace`), at most `limit` of them.
    func matches(limit: Int = .max) -> [Int] {
        switch (text, needle) {
        case (.bytes(let t), .bytes(let n)): return Self.scan(t, n, failure, limit: limit)
        case (.characters(let t), .characters(let n)): return Self.scan(t, n, failure, limit: limit)
        default: return []
        }
    }

    /// The first match, or nil.
    func first() -> Int? { matches(limit: 1).first }

    /// The last match (overlapping allowed, as `rfind`), or nil: the first match of the
    /// reversed needle in the reversed text.
    func last() -> Int? { matchesFromRight(limit: 1).first }

    /// The non-overlapping matches from the right, rightmost first (`rsplit`'s order): the
    /// matches of the reversed needle in the reversed text.
    func matchesFromRight(limit: Int = .max) -> [Int] {
        reversed.matches(limit: limit).map { textCount - $0 - needleCount }
    }

    /// The same search over the reversed text and needle.
    private var reversed: TextSearch {
        TextSearch(reversedText: text.reversed, needle: needle.reversed)
    }

    private init(reversedText: Units, needle: Units) {
        text = reversedText
        self.needle = needle
        failure = Self.failureTable(needle)
    }

    private static func failureTable(_ needle: Units) -> [Int] {
        switch needle {
        case .bytes(let n): return table(n)
        case .characters(let n): return table(n)
        }
    }

    private static func table<T: Equatable>(_ needle: [T]) -> [Int] {
        var failure = [Int](repeating: 0, count: needle.count)
        var border = 0
        for i in needle.indices.dropFirst() {
            while border > 0 && needle[i] != needle[border] { border = failure[border - 1] }
            if needle[i] == needle[border] { border += 1 }
            failure[i] = border
        }
        return failure
    }

    private static func scan<T: Equatable>(_ text: [T], _ needle: [T], _ failure: [Int], limit: Int) -> [Int] {
        var found: [Int] = []
        guard limit > 0 else { return found }
        if needle.isEmpty {
            // An empty needle matches before every character and at the end, as in Python.
            return Array((0...text.count).prefix(limit))
        }
        var matched = 0
        var i = 0
        while i < text.count {
            while matched > 0 && text[i] != needle[matched] { matched = failure[matched - 1] }
            if text[i] == needle[matched] { matched += 1 }
            if matched == needle.count {
                found.append(i + 1 - needle.count)
                if found.count == limit { break }
                // Non-overlapping: start afresh after the match.
                matched = 0
            }
            i += 1
        }
        return found
    }
}

extension String {
    /// The pieces between the non-overlapping matches of `separator`, at most `limit` + 1
    /// of them when `limit` ≥ 0 (the last keeps the rest): Python's `split(sep, maxsplit)`.
    func pythonSplit(_ separator: String, limit: Int) -> [String] {
        let search = TextSearch(self, separator)
        let positions = search.matches(limit: limit < 0 ? .max : limit)
        return pieces(at: positions, width: search.needleCount)
    }

    /// `rsplit(sep, maxsplit)`: like `pythonSplit`, counting matches from the right.
    func pythonRightSplit(_ separator: String, limit: Int) -> [String] {
        let search = TextSearch(self, separator)
        let positions = search.matchesFromRight(limit: limit < 0 ? .max : limit).reversed()
        return pieces(at: Array(positions), width: search.needleCount)
    }

    /// The text cut around matches at code point `positions`, each `width` code points long.
    func pieces(at positions: [Int], width: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(positions.count + 1)
        let points = unicodeScalars
        var cursor = points.startIndex
        var offset = 0
        for position in positions {
            let start = points.index(cursor, offsetBy: position - offset)
            result.append(String(points[cursor..<start]))
            cursor = points.index(start, offsetBy: width)
            offset = position + width
        }
        result.append(String(points[cursor...]))
        return result
    }
}
