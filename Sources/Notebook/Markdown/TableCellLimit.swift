/// Keeps table rows within a size that cmark-gfm handles in reasonable time.
///
/// Debian's libcmark-gfm (0.29.0.gfm.6) appends each cell of a table row to a linked list
/// by walking the list, so a row's cost grows with the square of its cells: a fuzzed line
/// of 8,000 `|` took a second, one of a million would take hours. No real table has more
/// than a few dozen columns; on a line with more than `maximumPipes` pipes outside fenced
/// code, the pipes past that count are escaped (`\|`), so they show as text.
enum TableCellLimit {
    /// The most `|` a line keeps as cell separators.
    static let maximumPipes = 1000

    /// `text` with the extra pipes escaped, and the 1-based numbers of the lines changed.
    static func apply(_ text: String) -> (text: String, lines: [Int]) {
        // Fast path: no line can be too wide when the whole text has few pipes.
        guard text.utf8.lazy.filter({ $0 == UInt8(ascii: "|") }).count > maximumPipes else { return (text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 64)
        var changed: [Int] = []
        var fence: (byte: UInt8, length: Int)?
        for (number, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if number > 0 { out.append(UInt8(ascii: "\n")) }
            let bytes = Array(line)
            if let marker = fenceMarker(bytes) {
                if let open = fence {
                    if marker.byte == open.byte, marker.length >= open.length { fence = nil }
                } else {
                    fence = marker
                }
                out += bytes
                continue
            }
            guard fence == nil, bytes.filter({ $0 == UInt8(ascii: "|") }).count > maximumPipes else {
                out += bytes
                continue
            }
            var pipes = 0
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "|"), index == 0 || bytes[index - 1] != UInt8(ascii: "\\") {
                    pipes += 1
                    if pipes > maximumPipes { out.append(UInt8(ascii: "\\")) }
                }
                out.append(byte)
            }
            changed.append(number + 1)
        }
        return (String(decoding: out, as: UTF8.self), changed)
    }

    /// The fence character and length when `line` opens or closes a fenced code block.
    static func fenceMarker(_ line: [UInt8]) -> (byte: UInt8, length: Int)? {
        var index = 0
        while index < line.count, index < 3, line[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "`") || line[index] == UInt8(ascii: "~") else { return nil }
        let byte = line[index]
        var length = 0
        while index < line.count, line[index] == byte { index += 1; length += 1 }
        return length >= 3 ? (byte, length) : nil
    }
}
