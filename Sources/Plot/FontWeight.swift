/// matplotlib's font weights (`fontweight=`, `weight=`): a number 0…1000 or one of its names,
/// as the CSS `font-weight` number SVG takes (`'bold'` is 700, `'normal'` 400).
enum FontWeight {
    /// matplotlib's `font_manager.weight_dict`.
    static let names: [String: Int] = [
        "ultralight": 100, "light": 200, "normal": 400, "regular": 400, "book": 400, "medium": 500,
        "roman": 500, "semibold": 600, "demibold": 600, "demi": 600, "bold": 700, "heavy": 800,
        "extra bold": 800, "black": 900,
    ]

    /// Parses a weight name (any case).
    static func parse(_ text: String, call: String) throws -> Int {
        guard let weight = names[text.lowercased()] else {
            let known = names.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw PlotError("\(call): unknown fontweight '\(text)' (expected a number from 0 to 1000 or one of \(known))")
        }
        return weight
    }

    /// Checks a numeric weight, as matplotlib does (0…1000).
    static func check(_ value: Double, call: String) throws -> Int {
        guard value.isFinite, value >= 0, value <= 1000 else {
            throw PlotError("\(call): fontweight must be between 0 and 1000, got \(value)")
        }
        return Int(value.rounded())
    }
}

/// The text keywords of titles, labels and `text` (`fontsize=`, `fontweight=`), as given.
public struct TextStyle: Sendable {
    /// The size in points, nil for the call's default.
    public var size: Double?
    /// A weight name (`"bold"`), nil for normal.
    public var weightName: String?
    /// A numeric weight (0…1000), if given as a number.
    public var weightValue: Double?

    /// Makes a style; every keyword is optional.
    public init(size: Double? = nil, weightName: String? = nil, weightValue: Double? = nil) {
        self.size = size
        self.weightName = weightName
        self.weightValue = weightValue
    }

    /// The CSS weight (nil for normal, 400), checked.
    func weight(_ call: String) throws -> Int? {
        let weight = try weightName.map { try FontWeight.parse($0, call: call) }
            ?? weightValue.map { try FontWeight.check($0, call: call) }
        return weight == 400 ? nil : weight
    }

    /// The size, checked, or `fallback`.
    func size(_ call: String, default fallback: Double) throws -> Double {
        guard let size else { return fallback }
        try Validate.positive(call, "fontsize", size)
        return size
    }
}
