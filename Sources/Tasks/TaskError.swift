import Tensor

/// Errors from task construction and batching, with a message saying what was expected.
public struct TaskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in one line.
    public let message: String

    /// Makes an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Random draws the tasks share, all from a caller's `Generator`.
enum Draw {
    /// A uniform choice among `count` options (numpy's `rng.choice`).
    static func index(_ count: Int, _ generator: Generator) -> Int {
        Int(generator.nextInt(below: UInt64(count)))
    }

    /// A geometric sample on 1, 2, … with success probability `p` (numpy's `geometric`).
    static func geometric(_ p: Double, _ generator: Generator) -> Int {
        var k = 1
        while generator.nextDouble() >= p { k += 1 }
        return k
    }
}
