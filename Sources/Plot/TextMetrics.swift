/// Approximate text extents for layout, from DejaVu Sans-like advance widths (the widest
/// common sans-serif), so labels fit whichever font of the stack the reader's browser uses.
enum TextMetrics {
    /// The approximate width of `text` set at `size` points.
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for ch in MathText.hasMath(text) ? MathText.displayed(text) : text {
            ems += advance(ch)
        }
        return ems * size
    }

    /// The advance of one character, in ems.
    private static func advance(_ ch: Character) -> Double {
        if ch.isNumber { return 0.64 }
        if ch == " " { return 0.32 }
        if "il.,:;'|!".contains(ch) { return 0.3 }
        if "fjrt()[]{}".contains(ch) { return 0.4 }
        if "mwMW".contains(ch) { return 0.95 }
        if ch == "\u{2212}" || ch == "-" || ch == "+" || ch == "=" || ch == "×" { return 0.84 }
        if ch.isUppercase { return 0.72 }
        if ch.isLetter { return 0.6 }
        if ch.unicodeScalars.first.map({ $0.value >= 0x2070 && $0.value <= 0x209F }) == true { return 0.4 }
        return 0.62
    }
}
