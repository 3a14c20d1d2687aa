/// The one conversion from a language number (a Python float, or an element of a tensor or
/// array) to a Swift `Int` size, count or length. `Int(d)` traps on NaN, infinities and
/// values beyond ±2^63; this throws a `ValueError` naming the argument instead.
enum CheckedCount {
    /// `x` as an Int, if it is a whole number in `range` (every Int by default); otherwise a
    /// ValueError such as "td_loss() lengths must be whole numbers from 0 to 100, got inf".
    static func int(_ x: Double, _ what: @autoclosure () -> String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        // 2^63 is exactly representable; every whole Double below it (and ≥ -2^63) fits.
        if x.isFinite, x == x.rounded(), x >= -0x1p63, x < 0x1p63, range.contains(Int(x)) { return Int(x) }
        throw RuntimeError.value("\(what()) must be \(describe(range)), got \(Value.formatFloat(x))")
    }

    /// A non-negative count: a whole number from 0 to `maximum`.
    static func count(_ x: Double, _ what: @autoclosure () -> String, maximum: Int = Int.max) throws -> Int {
        try int(x, what(), in: 0...maximum)
    }

    /// An integral Double as Python prints the int (never traps; beyond ±2^63 as a float).
    static func text(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && x >= -0x1p63 && x < 0x1p63 ? String(Int(x)) : Value.formatFloat(x)
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): "a whole number"
        case (0, Int.max): "a non-negative whole number"
        case (let low, Int.max): "a whole number of at least \(low)"
        case (let low, let high): "a whole number from \(low) to \(high)"
        }
    }
}
