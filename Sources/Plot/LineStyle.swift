import Foundation

/// How a line is stroked: matplotlib's `-`, `--`, `:`, `-.` (or their names), a dash tuple
/// `(offset, (on, off, …))`, or no line.
enum LineStyle: Sendable, Equatable {
    /// `-`
    case solid
    /// `--`
    case dashed
    /// `:`
    case dotted
    /// `-.`
    case dashDot
    /// `(offset, (on, off, …))`: dash lengths in points at a line width of 1.
    case dashes(offset: Double, pattern: [Double])
    /// `""`, `"none"`: markers only.
    case none

    /// Parses `-`, `--`, `:`, `-.`, `solid`, `dashed`, `dotted`, `dashdot`, `none`, `None`, `''`, `' '`.
    init(parsing text: String) throws {
        switch text.lowercased() {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case ":", "dotted": self = .dotted
        case "-.", "dashdot": self = .dashDot
        case "", " ", "none": self = .none
        default:
            throw PlotError("unknown linestyle '\(text)' (expected '-', '--', ':', '-.', 'solid', 'dashed', "
                            + "'dotted', 'dashdot', 'None', or a dash tuple like (0, (1, 1)))")
        }
    }

    /// A dash tuple `(offset, (on, off, …))`, checked as matplotlib checks it.
    init(offset: Double, pattern: [Double]) throws {
        guard offset.isFinite, pattern.allSatisfy(\.isFinite) else {
            throw PlotError("the dash offset and lengths must be finite numbers")
        }
        guard !pattern.isEmpty, pattern.count % 2 == 0 else {
            throw PlotError("a dash tuple needs an even number of on/off lengths, got \(pattern.count)")
        }
        guard pattern.allSatisfy({ $0 >= 0 }) else { throw PlotError("All values in the dash list must be non-negative") }
        guard pattern.contains(where: { $0 > 0 }) else {
            throw PlotError("At least one value in the dash list must be positive")
        }
        self = .dashes(offset: offset, pattern: pattern)
    }

    /// The on/off lengths at a line width of 1 (matplotlib's `lines.*_pattern`), nil when solid.
    var pattern: (offset: Double, lengths: [Double])? {
        switch self {
        case .solid, .none: nil
        case .dashed: (0, [3.7, 1.6])
        case .dotted: (0, [1, 1.65])
        case .dashDot: (0, [6.4, 1.6, 1, 1.6])
        case .dashes(let offset, let lengths): (offset, lengths)
        }
    }

    /// The SVG `stroke-dasharray` for a line of width `width`, scaled like matplotlib's
    /// (`lines.scale_dashes`: every length and the offset are multiplied by the width).
    func dashArray(width: Double) -> String? {
        pattern.map { $0.lengths.map { Num.coord($0 * width) }.joined(separator: ",") }
    }

    /// The SVG `stroke-dashoffset`, scaled as the lengths; nil when 0.
    func dashOffset(width: Double) -> String? {
        guard let offset = pattern?.offset, offset != 0 else { return nil }
        return Num.coord(offset * width)
    }
}

/// A point marker: matplotlib's `o`, `.`, `,`, `s`, `x`, `+`, `^`, `v`, `<`, `>`, `D`, `d`,
/// `*`, `p`, `h`, `H`, `8`, `P`, `X`, `|`, `_`, or none.
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
    /// `,`, a pixel.
    case pixel = ","
    /// `<`, a filled triangle pointing left.
    case triangleLeft = "<"
    /// `>`, a filled triangle pointing right.
    case triangleRight = ">"
    /// `d`, a thin filled diamond.
    case thinDiamond = "d"
    /// `*`, a filled five-pointed star.
    case star = "*"
    /// `p`, a filled pentagon.
    case pentagon = "p"
    /// `h`, a filled hexagon with a vertex up.
    case hexagon1 = "h"
    /// `H`, a filled hexagon with a side up.
    case hexagon2 = "H"
    /// `8`, a filled octagon.
    case octagon = "8"
    /// `P`, a filled plus.
    case plusFilled = "P"
    /// `X`, a filled cross.
    case crossFilled = "X"
    /// `|`, a vertical line (stroked).
    case vline = "|"
    /// `_`, a horizontal line (stroked).
    case hline = "_"
    /// no marker.
    case none = ""

    /// Parses a marker code; `""` and `"none"` mean no marker.
    init(parsing text: String) throws {
        if text == "none" || text == "None" || text == " " {
            self = .none
        } else if let marker = Marker(rawValue: text) {
            self = marker
        } else {
            throw PlotError("unknown marker '\(text)' (expected one of "
                                + Marker.allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: " ") + ")")
        }
    }

    /// Whether the shape is drawn with a stroke rather than a fill.
    var isStroked: Bool { self == .cross || self == .plus || self == .vline || self == .hline }

    /// Path data for one marker of diameter `size` centred on (`x`, `y`), in absolute coordinates.
    func pathData(x: Double, y: Double, size: Double) -> String {
        let r = (self == .point ? size * 0.5 : self == .pixel ? 1 : size) / 2
        let c = Num.coord
        switch self {
        case .none:
            return ""
        case .circle, .point, .pixel:
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
        case .vline:
            return "M\(c(x)),\(c(y - r))v\(c(2 * r))"
        case .hline:
            return "M\(c(x - r)),\(c(y))h\(c(2 * r))"
        case .triangleLeft:
            return "M\(c(x - r)),\(c(y))l\(c(1.5 * r)),\(c(-r))v\(c(2 * r))z"
        case .triangleRight:
            return "M\(c(x + r)),\(c(y))l\(c(-1.5 * r)),\(c(-r))v\(c(2 * r))z"
        case .thinDiamond:
            return "M\(c(x)),\(c(y - r))l\(c(0.6 * r)),\(c(r))l\(c(-0.6 * r)),\(c(r))l\(c(-0.6 * r)),\(c(-r))z"
        case .star:
            // Ten vertices alternating between the outer radius and matplotlib's inner ratio.
            return polygon(x: x, y: y, radii: (0..<10).map { $0 % 2 == 0 ? r : r * 0.381966 }, start: -90)
        case .pentagon:
            return polygon(x: x, y: y, radii: Array(repeating: r, count: 5), start: -90)
        case .hexagon1:
            return polygon(x: x, y: y, radii: Array(repeating: r, count: 6), start: -90)
        case .hexagon2:
            return polygon(x: x, y: y, radii: Array(repeating: r, count: 6), start: 0)
        case .octagon:
            return polygon(x: x, y: y, radii: Array(repeating: r, count: 8), start: 22.5)
        case .plusFilled:
            let w = r / 3
            return "M\(c(x - w)),\(c(y - r))h\(c(2 * w))v\(c(r - w))h\(c(r - w))v\(c(2 * w))h\(c(w - r))v\(c(r - w))"
                + "h\(c(-2 * w))v\(c(w - r))h\(c(w - r))v\(c(-2 * w))h\(c(r - w))z"
        case .crossFilled:
            let w = r / 3 / 2.0.squareRoot()
            let corners = [(0.0, -2 * w), (r - w, -r - w), (r + w, -r + w), (2 * w, 0), (r + w, r - w), (r - w, r + w), (0, 2 * w),
                           (-r + w, r + w), (-r - w, r - w), (-2 * w, 0), (-r - w, -r + w), (-r + w, -r - w)]
            return "M" + corners.map { "\(c(x + $0.0)),\(c(y + $0.1))" }.joined(separator: "L") + "z"
        }
    }

    /// A closed polygon around (`x`, `y`) with vertices at `radii`, evenly spaced in angle from
    /// `start` degrees (0 = right, -90 = up in SVG coordinates).
    private func polygon(x: Double, y: Double, radii: [Double], start: Double) -> String {
        let c = Num.coord
        let points = radii.enumerated().map { i, radius -> String in
            let angle = (start + 360 * Double(i) / Double(radii.count)) * Double.pi / 180
            return "\(c(x + radius * cos(angle))),\(c(y + radius * sin(angle)))"
        }
        return "M" + points.joined(separator: "L") + "z"
    }
}
