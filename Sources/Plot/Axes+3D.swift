/// 3-D trajectories and point clouds, for state-space plots (e.g. the first three PCs).
extension Axes {
    /// Adds a 3-D line (`plot3d`), or points when `scatter` is set (`scatter3d`). Points may
    /// take one colour each: `colors` (colour strings) or `values` mapped through `cmap`.
    mutating func plot3D(x: [Double], y: [Double], z: [Double], scatter: Bool, area: Double?, style: SeriesStyle,
                         colors: [String]? = nil, values: [Double]? = nil, cmap: String? = nil,
                         vmin: Double? = nil, vmax: Double? = nil, format: String? = nil) throws {
        let call = scatter ? "scatter3d" : "plot3d"
        try Validate.sameLength(call, x, y)
        try Validate.sameLength(call, x, z, "x", "z")
        let parsed = try format.map { try PlotFormat(parsing: $0) } ?? PlotFormat()
        let lineStyle = try style.resolveLineStyle(call) ?? parsed.lineStyle
            ?? (scatter || parsed.marker != nil ? LineStyle.none : .solid)
        let marker = try style.resolveMarker(call) ?? parsed.marker ?? (scatter ? .circle : .none)
        if let area { try Validate.positive(call, "s", area) }
        let markerSize = try style.resolveMarkerSize(call) ?? (scatter ? (area ?? 20).squareRoot() : 6)
        let width = try style.resolveWidth(call) ?? 1.5
        var pointColors: [Color]?
        if let colors {
            try Validate.sameLength(call, x, colors.map { _ in 0.0 }, "x", "c")
            pointColors = try colors.map { text in
                do { return try Color(parsing: text).withAlpha(style.alpha) } catch let error as PlotError {
                    throw PlotError("\(call): \(error.message)")
                }
            }
        } else if let values {
            try Validate.sameLength(call, x, values, "x", "c")
            let mapping = try ColorMapping(values: values, cmap: cmap ?? "viridis", vmin: vmin, vmax: vmax, call: call)
            let palette = mapping.palette
            pointColors = values.map { palette[Int(mapping.index($0))].withAlpha(style.alpha) }
        }
        let color: Color
        if let first = pointColors?.first {
            color = first
        } else if scatter {
            color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
        } else {
            color = (try style.resolveColor(call) ?? parsed.color ?? nextLineColor()).withAlpha(style.alpha)
        }
        try add(.line3D(Line3DMark(x: x, y: y, z: z, color: color, width: width, style: lineStyle, marker: marker,
                                   markerSize: markerSize, label: style.label, pointColors: pointColors)), call: call)
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

/// The 3-D calls of `Pyplot` beside `plot3d`: coloured point clouds and 3-D subplots.
extension Pyplot {
    /// `scatter3d(x, y, z, s=, …)`: 3-D points in the same view as `plot3d`; `colors` gives
    /// each point its colour, `values` maps each point's value through `cmap` (matplotlib's `c=`).
    public mutating func scatter3d(_ x: [Double], _ y: [Double], _ z: [Double], s: Double? = nil,
                                   colors: [String]? = nil, values: [Double]? = nil, cmap: String? = nil,
                                   vmin: Double? = nil, vmax: Double? = nil, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.plot3D(x: x, y: y, z: z, scatter: true, area: s, style: style, colors: colors, values: values,
                          cmap: cmap, vmin: vmin, vmax: vmax)
        }
    }

    /// Makes the current axes a 3-D axes (`projection='3d'`), drawn as a box even before any
    /// data; an axes that already holds 2-D plots is refused.
    public mutating func projection3D() throws {
        try withAxes { axes in
            guard axes.marks.isEmpty || axes.is3D else {
                throw PlotError("projection='3d': this subplot already holds 2-D plots")
            }
            axes.projection3D = true
        }
    }

    /// Whether the current axes is a 3-D axes (made with `projection='3d'` or holding 3-D
    /// data); false when there is no figure yet.
    public var currentIs3D: Bool {
        guard let index = current, figures.indices.contains(index) else { return false }
        let figure = figures[index]
        guard let axes = figure.currentAxes, figure.axes.indices.contains(axes) else { return false }
        return figure.axes[axes].is3D
    }
}
