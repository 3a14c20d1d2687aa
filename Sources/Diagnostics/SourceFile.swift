/// A named text in which diagnostics can point at lines and columns.
///
/// Lines and columns are 1-based; a column counts UTF-8 bytes from the start of its line,
/// as cmark-gfm and most compilers do.
public struct SourceFile: Sendable, Hashable {
    /// The name shown in diagnostics, usually the path the user gave.
    public let name: String
    /// The whole text of the file.
    public let text: String
    /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Makes a source file and indexes the start of each of its lines.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The number of lines, counting a last line without a newline.
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line terminator; empty when out of range.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let bytes = Array(text.utf8)
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 1-based line and column of a UTF-8 offset into the text.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1)
    }
}
