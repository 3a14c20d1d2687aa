/// Arrows at points (`plt.quiver`), e.g. the flow field around an RNN's fixed points.
struct QuiverMark: Sendable {
    var x: [Double], y: [Double], u: [Double], v: [Double]
    /// Data units of arrow length per unit of (u, v).
    var scale: Double
    var color: Color
    var label: String?
}

extension Axes {
    /// Adds an arrow from each (x, y) along (u, v) (`plt.quiver`). Without `scale`, arrows are
    /// scaled so the longest spans about 0.9 of the typical spacing between points (as a grid
    /// of n points over the x range would have); with it, an arrow of length 1 in (u, v)
    /// covers 1/`scale` data units, as matplotlib's `scale_units="xy"`.
    mutating func quiver(x: [Double], y: [Double], u: [Double], v: [Double], scale: Double?, style: SeriesStyle) throws {
        let call = "quiver"
        try Validate.sameLength(call, x, y)
        try Validate.sameLength(call, x, u, "x", "u")
        try Validate.sameLength(call, x, v, "x", "v")
        if let scale { try Validate.positive(call, "scale", scale) }
        var longest = 0.0
        for i in u.indices where u[i].isFinite && v[i].isFinite {
            longest = max(longest, (u[i] * u[i] + v[i] * v[i]).squareRoot())
        }
        var extent = Extent()
        extent.add(x)
        let span = extent.isEmpty ? 1 : max(extent.hi - extent.lo, 1e-300)
        let spacing = span / max(Double(x.count).squareRoot() - 1, 1)
        let factor = scale.map { 1 / $0 } ?? (longest > 0 ? 0.9 * spacing / longest : 1)
        let color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
        try add(.quiver(QuiverMark(x: x, y: y, u: u, v: v, scale: factor, color: color, label: style.label)), call: call)
    }
}

/// Draws quiver arrows: all shafts as one stroked path, all heads as one filled path.
struct QuiverRenderer {
    let plan: AxesPlan

    func render(_ m: QuiverMark, into w: inout SVGWriter) {
        var shafts = PathBuilder(), heads = PathBuilder()
        for i in m.x.indices {
            let x0 = plan.x(m.x[i]), y0 = plan.y(m.y[i])
            let x1 = plan.x(m.x[i] + m.u[i] * m.scale), y1 = plan.y(m.y[i] + m.v[i] * m.scale)
            guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { continue }
            let dx = x1 - x0, dy = y1 - y0
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 0.05 else { continue }
            let head = min(max(length * 0.3, 1.5), 6), half = head * 0.45
            let ux = dx / length, uy = dy / length
            let bx = x1 - ux * head, by = y1 - uy * head
            shafts.lift()
            shafts.add(x0, y0)
            shafts.add(bx, by)
            heads.lift()
            heads.add(x1, y1)
            heads.add(bx - uy * half, by + ux * half)
            heads.add(bx + uy * half, by - ux * half)
            heads.close()
        }
        if !shafts.isEmpty {
            w.element("path", [("d", shafts.data), ("fill", "none")] + Paint.stroke(m.color, width: 1, style: .solid))
        }
        if !heads.isEmpty {
            w.element("path", [("d", heads.data)] + Paint.fill(m.color))
        }
    }
}
