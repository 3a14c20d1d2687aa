/// Counts how often a growing string's text moved to a new buffer: a deterministic count of
/// its copies, which no load on the machine can change.
///
/// Appending in place moves the text only when its buffer is full, and Swift then at least
/// doubles the capacity, so n appends of short pieces move it about log₂ n times. Building
/// a new string at each step (`s = s + piece`, or appending to a string that something
/// else still holds) moves it every time: n moves, and n²/2 bytes copied.
///
/// Strings of up to 15 bytes live inline, without a buffer; they are not counted.
public struct StorageMoves: Sendable {
    /// How many times the text was seen in a different buffer than the time before.
    public private(set) var moves = 0
    /// How many times a buffer was seen.
    public private(set) var observations = 0
    private var last: UInt?

    /// Starts counting.
    public init() {}

    /// Notes where `text` is now.
    public mutating func observe(_ text: String) {
        guard let address = Self.address(of: text) else { return }
        observations += 1
        if let last, last != address { moves += 1 }
        last = address
    }

    /// The address of the buffer holding `text`'s UTF-8 bytes; nil for a small (inline)
    /// string or one without contiguous storage.
    public static func address(of text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }
}
