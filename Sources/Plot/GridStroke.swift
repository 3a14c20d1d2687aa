/// The stroke of an axes' grid lines: the house grey, 0.8 points, solid, unless
/// `grid(color=, linestyle=, linewidth=, alpha=)` says otherwise.
struct GridStroke: Sendable {
    var color = Palette.grid
    var width = 0.8
    var style = LineStyle.solid
}

extension Pyplot {
    /// `grid(visible, which, axis, color=, linestyle=, linewidth=, alpha=)` as matplotlib's
    /// `Axes.grid`: `visible` nil toggles the chosen axes' lines, unless a style is given,
    /// which turns them on; `axis` is `'both'`, `'x'` or `'y'`. Only major grid lines exist
    /// (rnnbook draws no minor ticks).
    public mutating func grid(_ visible: Bool?, axis: String, color: String? = nil, linestyle: String? = nil,
                              linewidth: Double? = nil, alpha: Double? = nil) throws {
        guard ["both", "x", "y"].contains(axis) else {
            throw PlotError("grid: axis must be 'both', 'x' or 'y', got '\(axis)'")
        }
        var parsedColor: Color?
        if let color { parsedColor = try Color(parsing: color) }
        try Validate.alpha("grid", alpha)
        try Validate.linewidth("grid", linewidth)
        let parsedStyle = try linestyle.map { try LineStyle(parsing: $0) }
        let styled = color != nil || linestyle != nil || linewidth != nil || alpha != nil
        withAxes { axes in
            if axis != "y" { axes.gridX = visible ?? (styled || !axes.gridX) }
            if axis != "x" { axes.gridY = visible ?? (styled || !axes.gridY) }
            if var chosen = parsedColor {
                if let alpha { chosen.alpha = alpha }
                axes.gridStroke.color = chosen
            } else if let alpha {
                axes.gridStroke.color.alpha = alpha
            }
            if let linewidth { axes.gridStroke.width = linewidth }
            if let parsedStyle { axes.gridStroke.style = parsedStyle }
        }
    }
}
