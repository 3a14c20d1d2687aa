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

/// The size guard of task arrays: a batch is checked against the per-tensor limit before its
/// arrays are allocated, so a huge request fails with a message instead of exhausting memory.
enum SizeLimit {
    /// The per-tensor limit in force: the current budget's, else the engine's default.
    static var maxElements: Int { TensorBudget.current?.maxElements ?? TensorBudget.defaultMaxElements }

    /// Throws unless `shape` has at most `maxElements` elements (the product is taken
    /// without overflow); `what` starts the message, e.g. `NBitFlipFlop: a batch`.
    static func check(_ shape: [Int], _ what: String) throws {
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maxElements else {
                throw TaskError("\(what) of shape \(describeShape(shape)) would have more than the limit of \(maxElements) elements per tensor")
            }
            count = product
        }
    }
}
