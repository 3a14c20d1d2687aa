/// An error from the neural engine: a bad shape, argument or weights file, with a message
/// that says what was expected.
public struct NeuralError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String

    /// Makes an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
