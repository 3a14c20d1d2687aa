/// 3-D trajectories and point clouds, for state-space plots (e.g. the first three PCs).
extension Axes {
    /// Adds a 3-D line (`plot3d`), or points when `scatter` is set (`scatter3d`).
    mutating func plot3D(x: [Double], y: [Double], z: [Double], scatter: Bool, area: Double?, style: SeriesStyle) throws {
        let call = scatter ? "scatter3d" : "plot3d"
        try Validate.sameLength(call, x, y)
        try Validate.sameLength(call, x, z, "x", "z")
        let lineStyle = try style.resolveLineStyle(call) ?? (scatter ? LineStyle.none : .solid)
        let marker = try style.resolveMarker(call) ?? (scatter ? .circle : .none)
        if let area { try Validate.positive(call, "s", area) }
        let markerSize = try style.resolveMarkerSize(call) ?? (scatter ? (area ?? 20).squareRoot() : 6)
        let width = try style.resolveWidth(call) ?? 1.5
        let color: Color
        if scatter {
            color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
        } else {
            color = (try style.resolveColor(call) ?? nextLineColor()).withAlpha(style.alpha)
        }
        try add(.line3D(Line3DMark(x: x, y: y, z: z, color: color, width: width, style: lineStyle, marker: marker,
                                   markerSize: markerSize, label: style.label)), call: call)
    }

    /// Appends a mark, refusing to mix 2-D and 3-D data in one axes.
    mutating func add(_ mark: Mark, call: String) throws {
        let markIs3D: Bool
        if case .line3D = mark { markIs3D = true } else { markIs3D = false }
        if !marks.isEmpty && markIs3D != is3D {
            throw PlotError(markIs3D
                ? "\(call): these axes already hold 2-D plots; start a new subplot or figure for 3-D data"
                : "\(call): these axes hold 3-D data; start a new subplot or figure for 2-D plots")
        }
        marks.append(mark)
    }
}
