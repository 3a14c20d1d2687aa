/// An invalid argument to a plotting call, with a message that names the call and the problem,
/// e.g. `plot: x has 10 points but y has 9`.
public struct PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The human-readable message, starting with the name of the call that failed.
    public var message: String

    /// Makes an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Checks shared by the plotting calls.
enum Validate {
    /// Throws unless `x` and `y` have the same number of points.
    static func sameLength(_ call: String, _ x: [Double], _ y: [Double], _ xName: String = "x", _ yName: String = "y") throws {
        if x.count != y.count {
            throw PlotError("\(call): \(xName) has \(pointCount(x.count)) but \(yName) has \(y.count)")
        }
    }

    /// "1 point", "10 points".
    static func pointCount(_ n: Int) -> String {
        n == 1 ? "1 point" : "\(n) points"
    }

    /// Throws unless `value` is finite.
    static func finite(_ call: String, _ name: String, _ value: Double) throws {
        if !value.isFinite {
            throw PlotError("\(call): \(name) must be a finite number, got \(value)")
        }
    }

    /// Throws unless `value` is finite and strictly positive.
    static func positive(_ call: String, _ name: String, _ value: Double) throws {
        if !(value.isFinite && value > 0) {
            throw PlotError("\(call): \(name) must be a positive number, got \(value)")
        }
    }

    /// Throws unless `alpha` lies in 0...1.
    /// Throws unless `value` is nil or a finite, non-negative line width.
    static func linewidth(_ call: String, _ value: Double?) throws {
        if let value, !(value.isFinite && value >= 0) {
            throw PlotError("\(call): linewidth must be a non-negative number, got \(value)")
        }
    }

    /// Throws unless `value` is nil or an opacity in [0, 1].
    static func alpha(_ call: String, _ value: Double?) throws {
        if let value, !(value >= 0 && value <= 1) {
            throw PlotError("\(call): alpha must be between 0 and 1, got \(value)")
        }
    }
}
