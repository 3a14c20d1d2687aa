/// Tick positions and their labels for one axis.
struct Ticks: Equatable, Sendable {
    /// Tick positions in data units, ascending.
    var values: [Double]
    /// One label per tick.
    var labels: [String]
    /// A scale label such as `×10⁻⁴` that applies to every tick label, if the labels are scaled.
    var scaleLabel: String?
    /// Unlabelled minor tick positions (log axes: 2…9 × 10ⁿ).
    var minor: [Double] = []
}

/// "Nice" ticks: steps of 1, 2 or 5 (2.5 only when that is the only way to get enough ticks)
/// times a power of ten, so labels are short and exact.
///
/// Ticks are computed as integers `n × m` at a decimal exponent, so labels never show binary
/// rounding (`0.30000000000000004`). When the largest magnitude is below 10⁻³ or at least
/// 10⁵, labels are scaled and the axis carries a `×10ⁿ` label, as matplotlib's offset text.
enum TickLocator {
    /// Ticks inside `lo...hi`: at most `maxCount`, at least `minCount` when a 1-2-2.5-5 step
    /// allows. `integerOnly` forbids steps below 1 (image rows and columns).
    static func ticks(lo: Double, hi: Double, maxCount: Int = 8, minCount: Int = 4, integerOnly: Bool = false) -> Ticks {
        guard lo.isFinite, hi.isFinite, hi > lo else {
            let v = lo.isFinite ? lo : 0
            return Ticks(values: [v], labels: [Num.general(v)], scaleLabel: nil)
        }
        let maxCount = max(maxCount, 2)
        let top = Num.log10Floor(hi - lo)
        var chosen: (mantissa: Int, exponent: Int, first: Int, count: Int)?
        var fallback: (mantissa: Int, exponent: Int, first: Int, count: Int)?
        search: for exponent in (top - 2)...(top + 1) {
            for (mantissa, shift) in [(1, 0), (2, 0), (25, -1), (5, 0)] {
                let e = exponent + shift
                if integerOnly && e < 0 { continue }
                guard let span = grid(lo: lo, hi: hi, mantissa: mantissa, exponent: e) else { continue }
                if span.count > maxCount { continue }
                if mantissa == 25 {
                    if fallback == nil { fallback = (mantissa, e, span.first, span.count) }
                    continue
                }
                chosen = (mantissa, e, span.first, span.count)
                break search
            }
        }
        guard var pick = chosen else {
            return Ticks(values: [lo, hi], labels: [Num.general(lo), Num.general(hi)], scaleLabel: nil)
        }
        if pick.count < minCount, let alt = fallback, alt.count > pick.count {
            pick = alt
        }
        return make(first: pick.first, count: pick.count, mantissa: pick.mantissa, exponent: pick.exponent, lo: lo, hi: hi)
    }

    /// The first multiple index and the count of multiples of `mantissa × 10^exponent` in `lo...hi`.
    private static func grid(lo: Double, hi: Double, mantissa: Int, exponent: Int) -> (first: Int, count: Int)? {
        let step = Double(mantissa) * Num.exactPowerOfTen(exponent)
        guard step > 0, step.isFinite else { return nil }
        let a = lo / step, b = hi / step
        guard abs(a) < 1e14, abs(b) < 1e14 else { return nil }
        let tolerance = 1e-9
        let first = Int((a - tolerance).rounded(.up))
        let last = Int((b + tolerance).rounded(.down))
        return (first, max(last - first + 1, 0))
    }

    private static func make(first: Int, count: Int, mantissa: Int, exponent: Int, lo: Double, hi: Double) -> Ticks {
        let integers = (0..<count).map { (first + $0) * mantissa }
        let values = integers.map { value(of: $0, exponent: exponent) }
        let biggest = max(abs(lo), abs(hi))
        let magnitude = Num.log10Floor(biggest)
        let scaled = biggest > 0 && (magnitude >= 5 || magnitude <= -3)
        let labelExponent = scaled ? exponent - magnitude : exponent
        let labels = integers.map { Num.scaledInteger($0, exponent: labelExponent) }
        return Ticks(values: values, labels: labels, scaleLabel: scaled ? Num.timesTenTo(magnitude) : nil)
    }

    /// `n × 10^exponent` as the nearest Double (one correctly rounded operation).
    static func value(of n: Int, exponent: Int) -> Double {
        exponent >= 0 ? Double(n) * Num.exactPowerOfTen(exponent) : Double(n) / Num.exactPowerOfTen(-exponent)
    }
}
