/// Scales, limits, ticks and aspect of the current axes.
extension Pyplot {
    /// Sets the x-axis scale, `"linear"` or `"log"` (`plt.xscale`).
    public mutating func xscale(_ name: String) throws {
        let scale = try AxisScale(parsing: name, call: "xscale")
        withAxes { $0.xscale = scale }
    }

    /// Sets the y-axis scale, `"linear"` or `"log"` (`plt.yscale`); e.g. for loss curves.
    public mutating func yscale(_ name: String) throws {
        let scale = try AxisScale(parsing: name, call: "yscale")
        withAxes { $0.yscale = scale }
    }

    /// `margins(x, y)`: the automatic limits pad the data span by these fractions (a nil
    /// side keeps its margin); matplotlib requires each to exceed -0.5.
    public mutating func margins(x: Double?, y: Double?) throws {
        for (name, value) in [("x", x), ("y", y)] {
            if let value, !(value.isFinite && value > -0.5) {
                throw PlotError("margins: \(name) margin must be greater than -0.5, got \(value)")
            }
        }
        if withAxes({ $0.is3D }) { throw PlotError("margins: not available on 3-D axes; set the limits with set_xlim, set_ylim and set_zlim") }
        withAxes { axes in
            if let x { axes.margins.x = x }
            if let y { axes.margins.y = y }
        }
    }

    /// `ax.xaxis.set_label_coords(x, y)` (`axis` "x") or `yaxis` ("y"): places the axis label
    /// at (x, y) in axes fractions, as matplotlib (x label hung below the point, y label
    /// rotated with its bottom edge there).
    public mutating func setLabelCoords(_ axis: String, x: Double, y: Double) throws {
        try Validate.finite("set_label_coords", "x", x)
        try Validate.finite("set_label_coords", "y", y)
        withAxes { axes in
            if axis == "x" { axes.xlabelCoords = (x, y) } else { axes.ylabelCoords = (x, y) }
        }
    }

    /// The current axes' margins (`margins()` with no arguments).
    public mutating func currentMargins() -> (x: Double, y: Double) {
        withAxes { $0.margins }
    }

    /// `ax.set_aspect(…)`: nil for `'auto'`, 1 for `'equal'`, or how long one y unit is
    /// against one x unit.
    public mutating func setAspect(_ ratio: Double?) throws {
        if let ratio, !(ratio.isFinite && ratio > 0) {
            throw PlotError("set_aspect: aspect must be finite and positive, got \(ratio)")
        }
        withAxes { $0.aspect = ratio }
    }

    /// `plt.axis("off")` hides spines, ticks and axis labels; `"on"` shows them; `"equal"`
    /// makes x and y units equally long; `"auto"` undoes that.
    public mutating func axis(_ mode: String) throws {
        switch mode.lowercased() {
        case "off": withAxes { $0.axisOff = true }
        case "on": withAxes { $0.axisOff = false }
        case "equal", "scaled", "image": withAxes { $0.equalAspect = true }
        case "auto": withAxes { $0.equalAspect = false }
        default: throw PlotError("axis: unknown mode '\(mode)' (expected 'off', 'on', 'equal' or 'auto')")
        }
    }

    /// Flips the x axis of the current axes (`ax.invert_xaxis()`); a second call flips it back.
    public mutating func invertXAxis() {
        withAxes { $0.invertX.toggle() }
    }

    /// Flips the y axis of the current axes (`ax.invert_yaxis()`), e.g. trial 0 at the top.
    public mutating func invertYAxis() {
        withAxes { $0.invertY.toggle() }
    }

    /// Whether the current axes' x (or y) axis runs from high to low.
    public mutating func axisInverted(y: Bool) -> Bool {
        withAxes { axes in
            let limits = axes.viewLimits()
            return y ? limits.y.lo > limits.y.hi : limits.x.lo > limits.x.hi
        }
    }

    /// Shows or hides one spine of the current axes (`ax.spines["top"].set_visible(False)`).
    public mutating func setSpine(_ spine: Spine, visible: Bool) {
        withAxes { axes in
            if visible { axes.hiddenSpines.remove(spine) } else { axes.hiddenSpines.insert(spine) }
        }
    }

    /// Sets the x limits (`plt.xlim(lo, hi)`); a `nil` side stays automatic. `lo > hi` inverts the axis.
    public mutating func xlim(_ lo: Double?, _ hi: Double?) throws {
        try checkLimits("xlim", lo, hi)
        withAxes { $0.xlim = (lo, hi) }
    }

    /// Sets the y limits (`plt.ylim(lo, hi)`); a `nil` side stays automatic. `lo > hi` inverts the axis.
    public mutating func ylim(_ lo: Double?, _ hi: Double?) throws {
        try checkLimits("ylim", lo, hi)
        withAxes { $0.ylim = (lo, hi) }
    }

    /// Sets the z limits of 3-D axes (`ax.set_zlim(lo, hi)`); a `nil` side stays automatic.
    public mutating func zlim(_ lo: Double?, _ hi: Double?) throws {
        try checkLimits("zlim", lo, hi)
        withAxes { $0.zlim = (lo, hi) }
    }

    /// Sets where 3-D axes are seen from (`ax.view_init(elev=30, azim=-60)`), in degrees.
    public mutating func viewInit(elev: Double = 30, azim: Double = -60) throws {
        try Validate.finite("view_init", "elev", elev)
        try Validate.finite("view_init", "azim", azim)
        withAxes { $0.view = View3D(elevation: elev, azimuth: azim) }
    }

    /// Places x ticks at `values`, labelled with `labels` if given, optionally rotated
    /// counter-clockwise by `rotation` degrees (`plt.xticks(values, labels, rotation=45)`).
    public mutating func xticks(_ values: [Double], labels: [String]? = nil, rotation: Double? = nil) throws {
        let fixed = try fixedTicks("xticks", values, labels)
        if let rotation { try xticks(rotation: rotation) }
        withAxes { $0.xticks = fixed }
    }

    /// Rotates the x tick labels counter-clockwise by `rotation` degrees (`plt.xticks(rotation=45)`).
    public mutating func xticks(rotation: Double) throws {
        try Validate.finite("xticks", "rotation", rotation)
        withAxes { $0.xtickStyle.rotation = rotation.truncatingRemainder(dividingBy: 360) }
    }

    /// Labels the fixed ticks of the current axes' x (or y) axis (`ax.set_xticklabels`), as
    /// matplotlib's `Axis.set_ticklabels` with a FixedLocator: one label per tick, or none to
    /// hide them. Automatic ticks are refused: matplotlib warns and labels whichever ticks it
    /// happens to draw.
    public mutating func tickLabels(x: Bool, _ labels: [String], call: String) throws {
        guard let fixed = withAxes({ x ? $0.xticks : $0.yticks }) else {
            throw PlotError("\(call)() needs fixed ticks in rnnbook (matplotlib warns and labels whichever ticks it draws): "
                            + "set the ticks and labels together, ax.set_\(x ? "x" : "y")ticks(ticks, labels)")
        }
        if !labels.isEmpty, labels.count != fixed.values.count {
            throw PlotError("The number of FixedLocator locations (\(fixed.values.count)), usually from a call to set_ticks, "
                            + "does not match the number of labels (\(labels.count)).")
        }
        let given = labels.isEmpty ? [String](repeating: "", count: fixed.values.count) : labels
        withAxes {
            if x { $0.xticks?.labels = given } else { $0.yticks?.labels = given }
        }
    }

    /// Changes how the current axes draw the tick labels and marks of `axis` (`xticks(...,
    /// fontsize=8)`, `ax.tick_params(axis='x', labelrotation=45)`).
    public mutating func tickStyle(_ axis: TickAxis, _ update: TickStyleUpdate, call: String) throws {
        let (x, y) = withAxes { ($0.xtickStyle, $0.ytickStyle) }
        let newX = axis == .y ? x : try update.applied(to: x, call)
        let newY = axis == .x ? y : try update.applied(to: y, call)
        withAxes {
            $0.xtickStyle = newX
            $0.ytickStyle = newY
        }
    }

    /// Places y ticks at `values`, labelled with `labels` if given (`plt.yticks`).
    public mutating func yticks(_ values: [Double], labels: [String]? = nil) throws {
        let fixed = try fixedTicks("yticks", values, labels)
        withAxes { $0.yticks = fixed }
    }

    private func checkLimits(_ call: String, _ lo: Double?, _ hi: Double?) throws {
        if let lo { try Validate.finite(call, "the lower limit", lo) }
        if let hi { try Validate.finite(call, "the upper limit", hi) }
        if let lo, let hi, lo == hi {
            throw PlotError("\(call): the lower and upper limits are both \(lo); they must differ")
        }
    }

    private func fixedTicks(_ call: String, _ values: [Double], _ labels: [String]?) throws -> FixedTicks {
        for v in values { try Validate.finite(call, "a tick position", v) }
        if let labels, labels.count != values.count {
            throw PlotError("\(call): \(values.count) positions but \(labels.count) labels")
        }
        return FixedTicks(values: values, labels: labels)
    }
}
