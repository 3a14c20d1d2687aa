import Foundation

/// Lines read from a file descriptor with `read(2)`, without the C library's buffered
/// standard input: a process forked from a grading zygote must not inherit lines its
/// parent's buffer had already read ahead.
final class LineReader {
    private let descriptor: Int32
    private var buffer = Data()
    private var ended = false

    /// Reads lines from `descriptor` (not closed here).
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its newline, or nil at the end of the input.
    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return String(decoding: line, as: UTF8.self)
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}

