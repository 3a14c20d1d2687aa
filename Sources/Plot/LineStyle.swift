/// How a line is stroked: matplotlib's `-`, `--`, `:`, `-.` (or their names), or no line.
enum LineStyle: String, Sendable, CaseIterable {
    /// `-`
    case solid = "-"
    /// `--`
    case dashed = "--"
    /// `:`
    case dotted = ":"
    /// `-.`
    case dashDot = "-."
    /// `""`, `"none"`: markers only.
    case none = ""

    /// Parses `-`, `--`, `:`, `-.`, `solid`, `dashed`, `dotted`, `dashdot`, `none`.
    init(parsing text: String) throws {
        switch text.lowercased() {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case ":", "dotted": self = .dotted
        case "-.", "dashdot": self = .dashDot
        case "", " ", "none", "None": self = .none
        default:
            throw PlotError("unknown linestyle '\(text)' (expected '-', '--', ':', '-.' or 'none')")
        }
    }

    /// The SVG `stroke-dasharray` for a line of width `width`, scaled like matplotlib's.
    func dashArray(width: Double) -> String? {
        let pattern: [Double]
        switch self {
        case .solid, .none: return nil
        case .dashed: pattern = [3.7, 1.6]
        case .dotted: pattern = [1, 1.65]
        case .dashDot: pattern = [6.4, 1.6, 1, 1.6]
        }
        return pattern.map { Num.coord($0 * width) }.joined(separator: ",")
    }
}

/// A point marker: matplotlib's `o`, `.`, `s`, `x`, `^`, `+`, `v`, `D`, or none.
enum Marker: String, Sendable, CaseIterable {
    /// `o`, a filled circle.
    case circle = "o"
    /// `.`, a small filled circle.
    case point = "."
    /// `s`, a filled square.
    case square = "s"
    /// `x`, a cross (stroked).
    case cross = "x"
    /// `+`, a plus (stroked).
    case plus = "+"
    /// `^`, a filled triangle pointing up.
    case triangleUp = "^"
    /// `v`, a filled triangle pointing down.
    case triangleDown = "v"
    /// `D`, a filled diamond.
    case diamond = "D"
    /// no marker.
    case none = ""

    /// Parses a marker code; `""` and `"none"` mean no marker.
    init(parsing text: String) throws {
        if text == "none" || text == "None" || text == " " {
            self = .none
        } else if let marker = Marker(rawValue: text) {
            self = marker
        } else {
            throw PlotError("unknown marker '\(text)' (expected one of o . s x + ^ v D)")
        }
    }

    /// Whether the shape is drawn with a stroke rather than a fill.
    var isStroked: Bool { self == .cross || self == .plus }

    /// Path data for one marker of diameter `size` centred on (`x`, `y`), in absolute coordinates.
    func pathData(x: Double, y: Double, size: Double) -> String {
        let r = (self == .point ? size * 0.5 : size) / 2
        let c = Num.coord
        switch self {
        case .none:
            return ""
        case .circle, .point:
            return "M\(c(x - r)),\(c(y))a\(c(r)),\(c(r)) 0 1,0 \(c(2 * r)),0a\(c(r)),\(c(r)) 0 1,0 \(c(-2 * r)),0"
        case .square:
            return "M\(c(x - r)),\(c(y - r))h\(c(2 * r))v\(c(2 * r))h\(c(-2 * r))z"
        case .diamond:
            return "M\(c(x)),\(c(y - r))l\(c(r)),\(c(r))l\(c(-r)),\(c(r))l\(c(-r)),\(c(-r))z"
        case .triangleUp:
            return "M\(c(x)),\(c(y - r))l\(c(r)),\(c(1.5 * r))h\(c(-2 * r))z"
        case .triangleDown:
            return "M\(c(x)),\(c(y + r))l\(c(r)),\(c(-1.5 * r))h\(c(-2 * r))z"
        case .cross:
            return "M\(c(x - r)),\(c(y - r))l\(c(2 * r)),\(c(2 * r))m0,\(c(-2 * r))l\(c(-2 * r)),\(c(2 * r))"
        case .plus:
            return "M\(c(x - r)),\(c(y))h\(c(2 * r))M\(c(x)),\(c(y - r))v\(c(2 * r))"
        }
    }
}
