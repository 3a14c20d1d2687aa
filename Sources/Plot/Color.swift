/// An sRGB colour with an opacity, parsed from matplotlib-style colour strings.
struct Color: Equatable, Sendable {
    /// Red, green and blue, each 0...255.
    var red: UInt8, green: UInt8, blue: UInt8
    /// Opacity, 0...1.
    var alpha: Double

    /// Makes a colour from 0...255 components.
    init(red: UInt8, green: UInt8, blue: UInt8, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Makes an opaque colour from a 24-bit `0xRRGGBB` value.
    init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// Parses `"C0"`…`"C9"` (the default cycle), single-letter codes (`"k"`, `"r"`),
    /// CSS/matplotlib names (`"red"`, `"tab:blue"`), grey levels (`"0.5"`) and hex
    /// (`"#1f77b4"`, `"#1f77b480"`, `"#abc"`); `"none"` is fully transparent.
    init(parsing text: String) throws {
        let key = text.lowercased().filter { $0 != " " }
        if key == "none" || key == "transparent" {
            self.init(red: 255, green: 255, blue: 255, alpha: 0)
        } else if let parsed = Color.parseHex(key) ?? Color.parseCycle(key) ?? Color.parseGrey(key) {
            self = parsed
        } else if let hex = Color.named[key] {
            self.init(hex: hex)
        } else if key.hasPrefix("xkcd:") {
            throw PlotError("the xkcd: colour names are not available in rnnbook; "
                            + "use a CSS4 name ('salmon'), a tab: colour, or hex like '#fc5a50'")
        } else {
            throw PlotError("unknown colour '\(text)' (use a name like 'red', 'C0'…'C9', or hex like '#1f77b4')")
        }
    }

    /// Parses a colour where `'none'` means no paint at all (a face or edge): nil.
    init?(optional text: String) throws {
        let parsed = try Color(parsing: text)
        let key = text.lowercased()
        if key == "none" || key == "transparent" { return nil }
        self = parsed
    }

    /// The colour as RGBA fractions, as matplotlib's `to_rgba`.
    var rgba: [Double] {
        [Double(red) / 255, Double(green) / 255, Double(blue) / 255, alpha]
    }

    /// The colour as `#rrggbb` for SVG.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for byte in [red, green, blue] {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }

    /// This colour with its opacity multiplied by `factor`.
    func withAlpha(_ value: Double?) -> Color {
        guard let value else { return self }
        var copy = self
        copy.alpha = value
        return copy
    }

    private static func parseHex(_ key: String) -> Color? {
        guard key.first == "#" else { return nil }
        var digits: [UInt32] = []
        for ch in key.dropFirst() {
            guard let v = ch.hexDigitValue else { return nil }
            digits.append(UInt32(v))
        }
        switch digits.count {
        case 3:
            return Color(hex: digits.reduce(0) { ($0 << 8) | ($1 << 4) | $1 })
        case 6:
            return Color(hex: digits.reduce(0) { ($0 << 4) | $1 })
        case 8:
            let value = digits.reduce(0) { ($0 << 4) | $1 }
            var color = Color(hex: value >> 8)
            color.alpha = Double(value & 0xFF) / 255
            return color
        default:
            return nil
        }
    }

    private static func parseCycle(_ key: String) -> Color? {
        guard key.count >= 2, key.first == "c", let n = Int(key.dropFirst()), n >= 0 else { return nil }
        return Palette.color(at: n)
    }

    private static func parseGrey(_ key: String) -> Color? {
        guard let first = key.first, first.isNumber || first == ".", let v = Double(key), v >= 0, v <= 1 else {
            return nil
        }
        let level = UInt8((v * 255).rounded())
        return Color(red: level, green: level, blue: level)
    }
}
