/// Maps letters and digits to Unicode's mathematical alphanumeric symbols, since MathML Core
/// browsers honour only `mathvariant="normal"`: `\mathbf{r}` must be written as `𝐫`.
enum MathAlphabets {
    /// The first code points of A, a and 0 in each style (0 where the style has no digits).
    private static let starts: [String: (upper: UInt32, lower: UInt32, digit: UInt32)] = [
        "bold": (0x1D400, 0x1D41A, 0x1D7CE),
        "bold-italic": (0x1D468, 0x1D482, 0x1D7CE),
        "double-struck": (0x1D538, 0x1D552, 0x1D7D8),
        "script": (0x1D49C, 0x1D4B6, 0),
        "fraktur": (0x1D504, 0x1D51E, 0),
        "sans-serif": (0x1D5A0, 0x1D5BA, 0x1D7E2),
        "monospace": (0x1D670, 0x1D68A, 0x1D7F6),
        "italic": (0x1D434, 0x1D44E, 0),
    ]

    /// Letters that Unicode placed in the Letterlike Symbols block instead.
    private static let holes: [String: [Character: Character]] = [
        "double-struck": ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
        "script": [
            "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
            "e": "ℯ", "g": "ℊ", "o": "ℴ",
        ],
        "fraktur": ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"],
        "italic": ["h": "ℎ"],
    ]

    /// Bold Greek letters, for `\boldsymbol{\alpha}` and `\mathbf{\Omega}`.
    private static let greekBold: (upper: UInt32, lower: UInt32) = (0x1D6A8, 0x1D6C2)

    /// `text` in the style, or nil when some character has no styled form.
    static func map(_ text: String, variant: String) -> String? {
        guard let start = starts[variant] else { return nil }
        var result = ""
        for character in text {
            if let hole = holes[variant]?[character] {
                result.append(hole)
                continue
            }
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
            let value = scalar.value
            var mapped: UInt32?
            switch value {
            case 0x41...0x5A: mapped = start.upper + value - 0x41
            case 0x61...0x7A: mapped = start.lower + value - 0x61
            case 0x30...0x39 where start.digit != 0: mapped = start.digit + value - 0x30
            case 0x391...0x3A9 where variant.hasPrefix("bold") && value != 0x3A2: mapped = greekBold.upper + value - 0x391
            case 0x3B1...0x3C9 where variant.hasPrefix("bold"): mapped = greekBold.lower + value - 0x3B1
            default: mapped = nil
            }
            guard let code = mapped, let styled = Unicode.Scalar(code) else { return nil }
            result.unicodeScalars.append(styled)
        }
        return result
    }
}
