/// An error from a tensor operation: a wrong shape, an index out of range, a size limit.
///
/// Every error the engine throws is a `TensorError`; none of its operations trap on user
/// input. The message names the operation first, e.g.
/// `matmul: (16, 3) @ (128, 3): inner dimensions 3 and 128 differ`.
public struct TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The human-readable message, starting with the operation's name.
    public let message: String
    /// Whether the operation stopped because its budget's deadline passed
    /// (`TensorBudget.deadline`); the caller reports its own time-budget error.
    public let isDeadline: Bool

    /// Makes an error with the given message.
    public init(_ message: String) {
        self.message = message
        isDeadline = false
    }

    /// The error of an operation stopped at its budget's deadline.
    public static func deadline(_ op: String) -> TensorError { TensorError(deadline: "\(op): stopped at the time budget") }

    private init(deadline message: String) {
        self.message = message
        isDeadline = true
    }

    /// The message.
    public var description: String { message }
}

/// Formats a shape as Python prints a tuple: `(16, 3)`, `(3,)`, `()`.
public func describeShape(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// Shape arithmetic shared by the operations.
enum Shape {
    /// The number of elements of `shape`, or an error if a dimension is negative or the
    /// product overflows.
    static func count(_ shape: [Int], op: String) throws -> Int {
        var total = 1
        for d in shape {
            guard d >= 0 else {
                throw TensorError("\(op): negative dimension \(d) in shape \(describeShape(shape))")
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: d)
            guard !overflow else {
                throw TensorError("\(op): shape \(describeShape(shape)) has too many elements")
            }
            total = product
        }
        return total
    }

    /// The element count of an already-validated shape.
    @inline(__always)
    static func product(_ shape: [Int]) -> Int {
        var total = 1
        for d in shape { total &*= d }
        return total
    }

    /// Row-major strides of a contiguous tensor of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = step
            step &*= shape[i]
        }
        return strides
    }

    /// Turns a possibly negative dimension into one in `0..<rank`, or throws PyTorch's error.
    static func normalize(dim: Int, rank: Int, op: String) throws -> Int {
        let r = max(rank, 1)
        guard dim >= -r, dim < r else {
            throw TensorError(
                "\(op): dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// The broadcast shape of two shapes under PyTorch's rules (align right; 1 stretches).
    static func broadcast(_ a: [Int], _ b: [Int], op: String, symbol: String) throws -> [Int] {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw TensorError(
                    "\(op): \(describeShape(a)) \(symbol) \(describeShape(b)): shapes cannot be broadcast "
                        + "(dimension \(i) is \(da) and \(db))")
            }
        }
        return out
    }
}
