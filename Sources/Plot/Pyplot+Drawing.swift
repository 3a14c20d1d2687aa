/// The drawing calls of `Pyplot`, each adding to the current axes.
extension Pyplot {
    /// `plt.plot(y)`: a line through (0, y[0]), (1, y[1]), ….
    public mutating func plot(_ y: [Double], _ format: String? = nil, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.plot(x: nil, y: y, format: format, style: style) }
    }

    /// `plt.plot(x, y, fmt, label=, color=, linestyle=, marker=, linewidth=, markersize=, alpha=)`.
    public mutating func plot(_ x: [Double], _ y: [Double], _ format: String? = nil,
                              style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.plot(x: x, y: y, format: format, style: style) }
    }

    /// `plt.scatter(x, y, s=, c=, cmap=, vmin=, vmax=, color=, marker=, alpha=, label=)`; `s` is
    /// the marker area in points²; `c` colours each point by its value through `cmap`
    /// (default viridis), e.g. time along a trajectory; `plt.colorbar()` then shows the scale.
    /// `colors` gives each point its own colour (`c=` as names or hex).
    public mutating func scatter(_ x: [Double], _ y: [Double], s: Double? = nil, c: [Double]? = nil, colors: [String]? = nil,
                                 cmap: String? = nil, vmin: Double? = nil, vmax: Double? = nil,
                                 style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.scatter(x: x, y: y, area: s, values: c, colors: colors, cmap: cmap, vmin: vmin, vmax: vmax, style: style)
        }
    }

    /// `plt.bar(x, height, width=0.8, bottom=, yerr=, capsize=0, color=, alpha=, label=)`. For
    /// grouped bars, call once per group with `x` shifted by a fraction of `width`.
    public mutating func bar(_ x: [Double], _ height: [Double], width: Double = 0.8, bottom: [Double]? = nil,
                             yerr: [Double]? = nil, capsize: Double = 0, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.bar(x: x, heights: height, width: width, bottom: bottom, yerr: yerr, capsize: capsize, style: style)
        }
    }

    /// `plt.bar(["a", "b"], height)`: bars at 0, 1, … labelled with the categories.
    public mutating func bar(categories: [String], _ height: [Double], width: Double = 0.8, yerr: [Double]? = nil,
                             capsize: Double = 0, style: SeriesStyle = SeriesStyle()) throws {
        let x = (0..<categories.count).map(Double.init)
        try bar(x, height, width: width, yerr: yerr, capsize: capsize, style: style)
        try xticks(x, labels: categories)
    }

    /// `plt.hist(values, bins=10, range=, density=, histtype="bar")`; returns the counts (or
    /// densities) and the bin edges, as matplotlib. NaN and infinite values are left out.
    /// `histtype` is `"bar"`, `"step"` (outline only) or `"stepfilled"`.
    @discardableResult
    public mutating func hist(_ values: [Double], bins: Int = 10, range: (Double, Double)? = nil, density: Bool = false,
                              histtype: String = "bar",
                              style: SeriesStyle = SeriesStyle()) throws -> (counts: [Double], edges: [Double]) {
        let edges = try Histogram.edges(values, bins: bins, range: range)
        let counts = try drawing(style) {
            try $0.hist(values: values, edges: edges, density: density, histtype: histtype, style: style)
        }
        return (counts, edges)
    }

    /// `plt.hist(values, bins=[edges…])`: explicit, increasing bin edges.
    @discardableResult
    public mutating func hist(_ values: [Double], edges: [Double], density: Bool = false, histtype: String = "bar",
                              style: SeriesStyle = SeriesStyle()) throws -> [Double] {
        try drawing(style) { try $0.hist(values: values, edges: edges, density: density, histtype: histtype, style: style) }
    }

    /// `plt.fill_between(x, y1, y2=0, color=, alpha=, label=)`: a shaded band, e.g. mean ± s.d.
    /// `where` keeps only the runs of points where it is true.
    public mutating func fillBetween(_ x: [Double], _ y1: [Double], _ y2: [Double]? = nil, where mask: [Bool]? = nil,
                                     style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.fillBetween(x: x, y1: y1, y2: y2 ?? Array(repeating: 0, count: x.count), where: mask, style: style)
        }
    }

    /// `plt.axhline(y=0, color=, linestyle=, linewidth=, alpha=, label=)`.
    public mutating func axhline(_ y: Double = 0, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.referenceLine(at: y, vertical: false, style: style) }
    }

    /// `plt.axvspan(xmin, xmax, color=, alpha=, label=)`: shades an x interval (e.g. a stimulus).
    public mutating func axvspan(_ xmin: Double, _ xmax: Double, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.span(xmin, xmax, vertical: true, style: style) }
    }

    /// `plt.axhspan(ymin, ymax, color=, alpha=, label=)`: shades a y interval.
    public mutating func axhspan(_ ymin: Double, _ ymax: Double, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.span(ymin, ymax, vertical: false, style: style) }
    }

    /// `plt.axvline(x=0, color=, linestyle=, linewidth=, alpha=, label=)`.
    public mutating func axvline(_ x: Double = 0, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.referenceLine(at: x, vertical: true, style: style) }
    }

    /// `plt.imshow(matrix, cmap="viridis", aspect="equal", vmin=, vmax=, origin="upper")`: a heat
    /// map with row 0 at the top (at the bottom with `origin: "lower"`) and, unless `colorbar`
    /// is false, a colour bar.
    public mutating func imshow(_ matrix: [[Double]], cmap: String = "viridis", aspect: String? = nil,
                                vmin: Double? = nil, vmax: Double? = nil, origin: String = "upper",
                                colorbar: Bool = true) throws {
        try withAxes {
            try $0.imshow(matrix, cmap: cmap, aspect: aspect, vmin: vmin, vmax: vmax, origin: origin, colorbar: colorbar)
        }
    }

    /// `plt.colorbar(label=)`: shows (and labels) the colour bar of the latest heat map or
    /// colour-coded scatter in the current axes.
    public mutating func colorbar(label: String? = nil) throws {
        try withAxes { try $0.showColorbar(label: label) }
    }

    /// `plt.violinplot(datasets, positions=, widths=0.5, showmeans=, showmedians=, showextrema=)`.
    public mutating func violinplot(_ datasets: [[Double]], positions: [Double]? = nil, widths: Double = 0.5,
                                    showmeans: Bool = false, showmedians: Bool = false, showextrema: Bool = true,
                                    style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.violinplot(datasets, positions: positions, width: widths, showMeans: showmeans,
                              showMedians: showmedians, showExtrema: showextrema, style: style)
        }
    }

    /// `plt.quiver(x, y, u, v, scale=, color=, alpha=, label=)`: an arrow along (u, v) at each
    /// (x, y), e.g. a flow field for fixed-point analysis; arrows autoscale unless `scale` is given.
    public mutating func quiver(_ x: [Double], _ y: [Double], _ u: [Double], _ v: [Double], scale: Double? = nil,
                                style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.quiver(x: x, y: y, u: u, v: v, scale: scale, style: style) }
    }

    /// `plt.boxplot(datasets, positions=, widths=0.5, showfliers=True)`: box-and-whisker plots.
    public mutating func boxplot(_ datasets: [[Double]], positions: [Double]? = nil, widths: Double = 0.5,
                                 showfliers: Bool = true) throws {
        try withAxes { try $0.boxplot(datasets, positions: positions, width: widths, showFliers: showfliers) }
    }

    /// `plot3d(x, y, z, …)`: a 3-D trajectory in a fixed oblique view (azimuth −60°, elevation 30°).
    public mutating func plot3d(_ x: [Double], _ y: [Double], _ z: [Double], _ format: String? = nil,
                                style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.plot3D(x: x, y: y, z: z, scatter: false, area: nil, style: style, format: format) }
    }

    // `scatter3d` and `projection3D` are in Axes+3D.swift.
}

/// Annotation calls and shortcuts of `Pyplot`.
extension Pyplot {
    /// `plt.errorbar(x, y, yerr=, xerr=, fmt=, capsize=0, label=, color=, …)`: points or a line
    /// with ± error bars, e.g. a psychometric curve with standard errors.
    public mutating func errorbar(_ x: [Double], _ y: [Double], yerr: [Double]? = nil, xerr: [Double]? = nil,
                                  fmt: String? = nil, capsize: Double = 0, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) {
            try $0.errorbar(x: x, y: y, yerr: yerr, xerr: xerr, format: fmt, capsize: capsize, style: style)
        }
    }

    /// `plt.text(x, y, s, fontsize=, color=, ha="left", va="baseline")`: text at a data position.
    /// `style` carries `fontweight=`, `zorder=` and `clip_on=` (its colour and size are `color` and `fontsize`).
    public mutating func text(_ x: Double, _ y: Double, _ s: String, fontsize: Double? = nil, color: String? = nil,
                              ha: String = "left", va: String = "baseline", weight: TextStyle = TextStyle(),
                              style: SeriesStyle = SeriesStyle()) throws {
        let weight = try weight.weight("text")
        try drawing(style) { try $0.text(x: x, y: y, text: s, fontsize: fontsize, color: color, ha: ha, va: va, weight: weight) }
    }

    /// `plt.semilogy(x, y, …)`: `plot` with a log y axis.
    public mutating func semilogy(_ x: [Double], _ y: [Double], _ format: String? = nil,
                                  style: SeriesStyle = SeriesStyle()) throws {
        try plot(x, y, format, style: style)
        try yscale("log")
    }
}
