/// Deterministic number formatting for SVG coordinates and tick labels, without Foundation:
/// the same value always gives the same bytes, on every platform.
enum Num {
    /// Formats `value` rounded to `decimals` places, with trailing zeros (and a trailing
    /// point) removed: `12.50` → `"12.5"`, `-0.001` at 2 places → `"0"`. Values beyond ±1e9
    /// are clamped (they are far off any canvas); NaN becomes `"0"`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard !value.isNaN else { return "0" }
        let scale = powerOfTen(decimals)
        let clamped = min(max(value, -1e9), 1e9)
        let n = Int((clamped * Double(scale)).rounded())
        if n == 0 { return "0" }
        let magnitude = n.magnitude
        let whole = magnitude / UInt(scale), fraction = magnitude % UInt(scale)
        var out = n < 0 ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            while digits.count < decimals { digits = "0" + digits }
            while digits.last == "0" { digits.removeLast() }
            out += "." + digits
        }
        return out
    }

    /// A canvas coordinate, to 2 decimal places (a hundredth of a point).
    static func coord(_ value: Double) -> String {
        fixed(value, decimals: 2)
    }

    /// An opacity or other unit-interval value, to 3 decimal places.
    static func unit(_ value: Double) -> String {
        fixed(value, decimals: 3)
    }

    /// 10^`exponent` as an integer, for 0 ≤ exponent ≤ 18.
    static func powerOfTen(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<min(max(exponent, 0), 18) { result *= 10 }
        return result
    }

    /// 10^`exponent` as the correctly rounded Double (the standard library's decimal parser
    /// rounds correctly on every platform); 0 or infinity beyond Double's range.
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        Double("1e\(exponent)") ?? (exponent < 0 ? 0 : .infinity)
    }

    /// The integer `n` times 10^`exponent`, written with exactly `max(0, -exponent)` decimals
    /// and a typographic minus (U+2212), as matplotlib labels ticks: (3, -1) → `"0.3"`,
    /// (-25, -1) → `"−2.5"`, (5, 2) → `"500"`.
    static func scaledInteger(_ n: Int, exponent: Int) -> String {
        var digits = String(n.magnitude)
        if exponent >= 0 {
            if n != 0 { digits += String(repeating: "0", count: exponent) }
        } else {
            let decimals = -exponent
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (n < 0 ? "\u{2212}" : "") + digits
    }

    /// `×10⁻⁴`-style text for a power of ten, used as an axis's scale label.
    static func timesTenTo(_ exponent: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = "×10"
        if exponent < 0 { out += "⁻" }
        for ch in String(exponent.magnitude) {
            if let d = ch.wholeNumberValue { out.append(superscripts[d]) }
        }
        return out
    }

    /// A short general label for values that do not fit a tick grid (fallback only).
    static func general(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let decimals = max(0, 3 - Int(log10Floor(magnitude)))
            return (value < 0 ? "\u{2212}" : "") + fixed(magnitude, decimals: decimals)
        }
        let exponent = log10Floor(magnitude)
        let mantissa = magnitude / exactPowerOfTen(exponent)
        return (value < 0 ? "\u{2212}" : "") + fixed(mantissa, decimals: 2) + "e" + String(exponent)
    }

    /// ⌊log10(x)⌋ for finite positive `x`, exact at powers of ten.
    static func log10Floor(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        var e = Int((Double(x.exponent) * 0.30102999566398120).rounded(.down))
        while exactPowerOfTen(e + 1) <= x { e += 1 }
        while exactPowerOfTen(e) > x { e -= 1 }
        return e
    }
}
