/// matplotlib's default sizes, in points (1/72 inch = one SVG user unit here).
enum Style {
    static let fontSize = 10.0
    static let titleSize = 12.0
    static let suptitleSize = 14.0
    static let tickLength = 3.5
    static let tickPad = 3.5
    static let spineWidth = 0.8
    static let labelPad = 4.0
    static let titlePad = 6.0
    static let outerPad = 6.0
    /// The font stack: common sans-serifs, no web fonts.
    static let fontFamily = "DejaVu Sans, Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif"
}

/// An axis-aligned rectangle in canvas points, y downward.
struct Rect: Equatable, Sendable {
    var x: Double, y: Double, width: Double, height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// Whether the point lies inside (edges included).
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= maxX && py >= y && py <= maxY
    }
}

