/// How an axis maps data to position: evenly, or by powers of ten.
enum AxisScale: String, Sendable {
    case linear, log

    /// Parses matplotlib's scale names (`"linear"`, `"log"`).
    init(parsing text: String, call: String) throws {
        guard let scale = AxisScale(rawValue: text.lowercased()) else {
            throw PlotError("\(call): unknown scale '\(text)' (expected 'linear' or 'log')")
        }
        self = scale
    }
}

/// A map from data values `lo...hi` to canvas positions `a...b`, linear or logarithmic.
/// On a log scale, values ≤ 0 have no position (NaN), so lines break there as in matplotlib.
struct DataScale: Sendable {
    var lo: Double, hi: Double, a: Double, b: Double
    var isLog = false

    init(lo: Double, hi: Double, a: Double, b: Double, isLog: Bool = false) {
        self.lo = lo
        self.hi = hi
        self.a = a
        self.b = b
        self.isLog = isLog
    }

    /// The canvas position of a data value.
    func callAsFunction(_ v: Double) -> Double {
        guard isLog else { return a + (v - lo) / (hi - lo) * (b - a) }
        guard v > 0 else { return .nan }
        let l0 = Log.log10(lo), l1 = Log.log10(hi)
        return a + (Log.log10(v) - l0) / (l1 - l0) * (b - a)
    }

    /// The position of a filled shape's edge: on a log scale, values ≤ 0 go far past the
    /// low end (bars and bands start off-axis instead of vanishing).
    func edge(_ v: Double) -> Double {
        guard isLog, !(v > 0) else { return self(v) }
        return a - (b - a) * 10
    }
}

/// Sines and cosines from IEEE arithmetic alone (for rotated labels).
enum Trig {
    /// sin and cos of an angle in degrees.
    static func sinCos(degrees: Double) -> (Double, Double) {
        var d = degrees.truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
        let r = d * 0.017453292519943295
        // Reduce to [-π, π] and sum the Taylor series.
        let x = r > 3.141592653589793 ? r - 6.283185307179586 : r
        var sine = 0.0, cosine = 0.0, term = 1.0
        for k in 0..<30 {
            if k % 2 == 0 { cosine += (k % 4 == 0 ? 1 : -1) * term } else { sine += (k % 4 == 1 ? 1 : -1) * term }
            term *= x / Double(k + 1)
        }
        return (sine, cosine)
    }
}

/// Logarithms from IEEE arithmetic alone, so positions are the same bytes on every platform.
enum Log {
    /// log10 of a positive finite `x` (NaN otherwise).
    static func log10(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        // x = m · 2^e with m in [1, 2); ln m = 2 atanh((m − 1)/(m + 1)).
        let e = Double(x.exponent)
        let m = x.significand
        let z = (m - 1) / (m + 1), z2 = z * z
        var term = z, sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= z2
            k += 2
        }
        let ln = 2 * sum + e * 0.6931471805599453
        return ln / 2.302585092994046
    }

    /// 10^`t` for finite `t`, from an exact power of ten and a series for the fraction.
    static func pow10(_ t: Double) -> Double {
        guard t.isFinite else { return t > 0 ? .infinity : 0 }
        let whole = t.rounded(.down)
        let fraction = (t - whole) * 2.302585092994046 // ln of the fractional part's power
        var term = 1.0, sum = 1.0
        for k in 1...30 {
            term *= fraction / Double(k)
            sum += term
        }
        return Num.exactPowerOfTen(Int(max(min(whole, 400), -400))) * sum
    }
}
