/// Line-like marks: `plot`, `scatter`, `axhline`, `axvline`.
extension Axes {
    /// Adds a line (`plt.plot`). Without `x`, the points are at 0, 1, 2, ….
    mutating func plot(x: [Double]?, y: [Double], format: String?, style: SeriesStyle) throws {
        let call = "plot"
        let xs = x ?? (0..<y.count).map(Double.init)
        try Validate.sameLength(call, xs, y)
        let parsed = try format.map { try PlotFormat(parsing: $0) } ?? PlotFormat()
        let marker = try style.resolveMarker(call) ?? parsed.marker ?? .none
        let lineStyle = try style.resolveLineStyle(call)
            ?? parsed.lineStyle ?? (parsed.marker != nil ? LineStyle.none : .solid)
        let width = try style.resolveWidth(call) ?? 1.5
        let markerSize = try style.resolveMarkerSize(call) ?? 6
        // The colour comes last, so a call that fails does not use up a colour of the cycle.
        let color = (try style.resolveColor(call) ?? parsed.color ?? nextLineColor()).withAlpha(style.alpha)
        try add(.line(LineMark(x: xs, y: y, color: color, colorSpec: style.color ?? (format != nil ? parsed.colorSpec : nil),
                               alpha: style.alpha, width: width, style: lineStyle,
                               marker: marker, markerSize: markerSize, label: style.label)), call: call)
    }

    /// Adds unjoined points (`plt.scatter`); `area` is matplotlib's `s`, in points². With
    /// `values` (matplotlib's `c=`), each point is coloured by its value through `cmap`.
    mutating func scatter(x: [Double], y: [Double], area: Double?, values: [Double]? = nil, colors: [String]? = nil,
                          cmap: String? = nil, vmin: Double? = nil, vmax: Double? = nil, style: SeriesStyle) throws {
        let call = "scatter"
        try Validate.sameLength(call, x, y)
        let marker = try style.resolveMarker(call) ?? .circle
        if let area { try Validate.positive(call, "s", area) }
        let size = (area ?? 36).squareRoot()
        var mark: ScatterMark
        if let values {
            try Validate.sameLength(call, x, values, "x", "c")
            try Validate.alpha(call, style.alpha)
            let mapping = try ColorMapping(values: values, cmap: cmap ?? "viridis", vmin: vmin, vmax: vmax, call: call)
            let middle = mapping.colormap.color(at: 0.5).withAlpha(style.alpha)
            mark = ScatterMark(x: x, y: y, color: middle, size: size, marker: marker, label: style.label)
            mark.values = values
            mark.mapping = mapping
        } else if let colors {
            // As matplotlib, one colour in a list (`c=['red']`, `c=[[r, g, b]]`) is every point's.
            guard colors.count == x.count || colors.count == 1 else {
                throw PlotError("\(call): 'c' argument has \(colors.count) elements, which is inconsistent with 'x' and 'y' with size \(x.count)")
            }
            try Validate.alpha(call, style.alpha)
            let parsed = try colors.map { text in try Color(parsing: text).withAlpha(style.alpha) }
            mark = ScatterMark(x: x, y: y, color: parsed.first ?? Palette.color(at: 0), size: size, marker: marker, label: style.label)
            mark.pointColors = parsed.count == 1 ? Array(repeating: parsed[0], count: x.count) : parsed
        } else {
            let color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
            mark = ScatterMark(x: x, y: y, color: color, size: size, marker: marker, label: style.label)
        }
        // The marker edge: `linewidths` (1.5 points by default) in `edgecolors` ('face': the marker's colour).
        mark.edgeWidth = try style.resolveWidth(call) ?? 1.5
        if let edge = style.edgecolor, edge.lowercased() != "face" {
            mark.edgeColor = try (Color(optional: edge) ?? Color(red: 0, green: 0, blue: 0, alpha: 0)).withAlpha(style.alpha)
        }
        try add(.scatter(mark), call: call)
    }

    /// Adds a horizontal line at `y` across the axes (`plt.axhline`).
    mutating func referenceLine(at value: Double, vertical: Bool, style: SeriesStyle) throws {
        let call = vertical ? "axvline" : "axhline"
        try Validate.finite(call, vertical ? "x" : "y", value)
        // As matplotlib, reference lines default to C0 without advancing the cycle.
        let color = (try style.resolveColor(call) ?? Palette.color(at: 0)).withAlpha(style.alpha)
        let lineStyle = try style.resolveLineStyle(call) ?? .solid
        let width = try style.resolveWidth(call) ?? 1.5
        try add(.reference(ReferenceLine(value: value, vertical: vertical, color: color,
                                              width: width, style: lineStyle, label: style.label)), call: call)
    }
}

extension Axes {
    /// Shades the band between `lo` and `hi` across the axes (`plt.axvspan` when `vertical`,
    /// else `plt.axhspan`); it defaults to C0, as matplotlib's patches, without using up the cycle.
    mutating func span(_ lo: Double, _ hi: Double, vertical: Bool, style: SeriesStyle) throws {
        let call = vertical ? "axvspan" : "axhspan"
        try Validate.finite(call, vertical ? "xmin" : "ymin", lo)
        try Validate.finite(call, vertical ? "xmax" : "ymax", hi)
        let color = (try style.resolveColor(call) ?? Palette.color(at: 0)).withAlpha(style.alpha)
        try add(.span(SpanMark(lo: min(lo, hi), hi: max(lo, hi), vertical: vertical, color: color, label: style.label)),
                call: call)
    }
}

/// A matplotlib format string such as `"r--"`, `"o"`, `"C1.-"`, `"k:"`.
struct PlotFormat: Sendable {
    var color: Color?
    /// The colour's code as written (`"r"`, `"C1"`).
    var colorSpec: String?
    var marker: Marker?
    var lineStyle: LineStyle?

    init() {}

    /// Parses colour (a letter or `C0`…`C9`), marker and line style, in any order.
    init(parsing text: String) throws {
        var rest = Substring(text)
        while let ch = rest.first {
            if rest.hasPrefix("--") || rest.hasPrefix("-.") {
                lineStyle = try LineStyle(parsing: String(rest.prefix(2)))
                rest = rest.dropFirst(2)
            } else if ch == "-" || ch == ":" {
                lineStyle = try LineStyle(parsing: String(ch))
                rest = rest.dropFirst()
            } else if ch == "C", let digit = rest.dropFirst().first, let n = digit.wholeNumberValue {
                color = Palette.color(at: n)
                colorSpec = String(rest.prefix(2))
                rest = rest.dropFirst(2)
            } else if "bgrcmykw".contains(ch) {
                color = try Color(parsing: String(ch))
                colorSpec = String(ch)
                rest = rest.dropFirst()
            } else if let m = Marker(rawValue: String(ch)), m != .none {
                marker = m
                rest = rest.dropFirst()
            } else {
                throw PlotError("plot: cannot read format string '\(text)' at '\(ch)' (expected e.g. 'r--', 'o', 'k:')")
            }
        }
    }
}
