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
        if let alpha, !(0...1).contains(alpha) { throw PlotError("grid: alpha must be within 0-1, got \(alpha)") }
        let parsedStyle = try linestyle.map { try LineStyle(parsing: $0) }
        if let linewidth, !(linewidth.isFinite && linewidth >= 0) {
            throw PlotError("grid: linewidth must be a non-negative number, got \(linewidth)")
        }
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
