/// An error of an analysis routine: bad shapes or arguments, or a failed factorization.
/// The message names the routine and says what was expected.
public struct AnalysisError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in lowercase prose after the routine's name.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
