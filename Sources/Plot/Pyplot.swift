/// A `matplotlib.pyplot`-like drawing state: a list of figures, a current figure and a current
/// axes, and calls that mirror `plt.*`. Whoever runs a notebook block owns one (there is no
/// global state); after the block, `takeFigures()` hands over what it drew, in drawing order,
/// and each `Figure` renders itself with `svg(idPrefix:)`.
///
/// ```swift
/// var plt = Pyplot()
/// try plt.plot(steps, loss, style: SeriesStyle(label: "train"))
/// try plt.yscale("log")
/// plt.title("Training loss")
/// try plt.legend()
/// for (n, figure) in plt.takeFigures().enumerated() {
///     html += figure.svg(idPrefix: "cell3-fig\(n)")
/// }
/// ```
///
/// Keyword arguments map onto Swift labels of the same name (`figsize=(w, h)` is
/// `figure(width:height:)`, `fill_between` is `fillBetween`); the styling keywords shared by
/// most calls (`label`, `color`, `linestyle`, `marker`, `linewidth`, `markersize`, `alpha`)
/// travel together in a `SeriesStyle`. Drawing calls create a figure and a single axes on
/// demand, as pyplot does. Every invalid argument throws a `PlotError` whose message starts
/// with the call's name (`plot: x has 10 points but y has 9`); nothing traps on user input.
public struct Pyplot: Sendable {
    /// Figures in creation order.
    private var figures: [Figure] = []
    /// The figure drawing calls go to (the latest, unless `sca` chose another).
    private var current: Int?

    /// Makes a state with no figures.
    public init() {}

    /// How many figures have been started and not yet taken.
    public var figureCount: Int { figures.count }

    /// Returns the figures drawn since the last call (skipping ones without axes), in the
    /// order they were started, and forgets them, as Jupyter closes figures after a cell.
    public mutating func takeFigures() -> [Figure] {
        defer {
            figures = []
            current = nil
        }
        return figures.filter { !$0.axes.isEmpty }
    }

    /// Starts a new figure of `width` × `height` inches and makes it current (`plt.figure(figsize=…)`).
    public mutating func figure(width: Double = 6.4, height: Double = 4.8) throws {
        for (name, value) in [("width", width), ("height", height)] where !(value.isFinite && value >= 1 && value <= 50) {
            throw PlotError("figure: figsize \(name) must be between 1 and 50 inches, got \(value)")
        }
        figures.append(Figure(width: width, height: height))
        current = figures.count - 1
    }

    /// Discards the current figure (`plt.close()`); drawing then starts a new one.
    public mutating func close() {
        guard let index = current, figures.indices.contains(index) else { return }
        figures.remove(at: index)
        current = nil
    }

    /// Clears the current figure's axes and suptitle, keeping its size (`plt.clf()`).
    public mutating func clf() {
        withFigure { figure in
            figure = Figure(width: figure.width, height: figure.height)
        }
    }

    /// Makes subplot `index` (1-based, row-major) of a `rows` × `cols` grid current (`plt.subplot`).
    public mutating func subplot(_ rows: Int, _ cols: Int, _ index: Int) throws {
        try withFigure { try $0.subplot(rows: rows, cols: cols, index: index) }
    }

    /// `plt.subplots(rows, cols, figsize=…)`: starts a figure holding the whole grid and makes
    /// subplot 1 current. Returns the figure's number for `sca` (an `axs[i]` handle in the
    /// language can be bound as the pair (figure number, i + 1)).
    @discardableResult
    public mutating func subplots(_ rows: Int = 1, _ cols: Int = 1, width: Double = 6.4, height: Double = 4.8) throws -> Int {
        try figure(width: width, height: height)
        try subplot(rows, cols, 1)
        for index in 1...(rows * cols) { try subplot(rows, cols, index) }
        try subplot(rows, cols, 1)
        return figures.count - 1
    }

    /// Makes subplot `index` (1-based) of figure number `figure` current again (`plt.sca`), so
    /// drawing goes back to an earlier axes, as `ax.plot(…)` does in matplotlib.
    public mutating func sca(figure: Int, index: Int) throws {
        guard figures.indices.contains(figure) else {
            let open = figures.isEmpty ? "no figures are open" : "figures 0...\(figures.count - 1) are open"
            throw PlotError("sca: there is no figure number \(figure) (\(open))")
        }
        guard let axes = figures[figure].axes.firstIndex(where: { $0.gridIndex == index }) else {
            throw PlotError("sca: figure \(figure) has no subplot \(index)")
        }
        figures[figure].currentAxes = axes
        current = figure
    }

    /// `plt.subplot(221)`: three digits for rows, columns and index.
    public mutating func subplot(_ code: Int) throws {
        guard (111...999).contains(code) else {
            throw PlotError("subplot: a three-digit code like 221 is expected, got \(code)")
        }
        try subplot(code / 100, (code / 10) % 10, code % 10)
    }

    /// Sets the current axes' title (`plt.title`).
    public mutating func title(_ text: String) { withAxes { $0.title = text } }

    /// Sets the current figure's overall title (`plt.suptitle`).
    public mutating func suptitle(_ text: String) { withFigure { $0.suptitle = text } }

    /// Sets the current axes' x-axis label (`plt.xlabel`).
    public mutating func xlabel(_ text: String) { withAxes { $0.xlabel = text } }

    /// Sets the current axes' y-axis label (`plt.ylabel`).
    public mutating func ylabel(_ text: String) { withAxes { $0.ylabel = text } }

    /// `plt.title(text, fontsize=)`.
    public mutating func title(_ text: String, fontsize: Double) throws {
        try Validate.positive("title", "fontsize", fontsize)
        withAxes { $0.title = text; $0.titleSize = fontsize }
    }

    /// `plt.suptitle(text, fontsize=)`.
    public mutating func suptitle(_ text: String, fontsize: Double) throws {
        try Validate.positive("suptitle", "fontsize", fontsize)
        withFigure { $0.suptitle = text; $0.suptitleSize = fontsize }
    }

    /// `plt.xlabel(text, fontsize=)`.
    public mutating func xlabel(_ text: String, fontsize: Double) throws {
        try Validate.positive("xlabel", "fontsize", fontsize)
        withAxes { $0.xlabel = text; $0.xlabelSize = fontsize }
    }

    /// `plt.ylabel(text, fontsize=)`.
    public mutating func ylabel(_ text: String, fontsize: Double) throws {
        try Validate.positive("ylabel", "fontsize", fontsize)
        withAxes { $0.ylabel = text; $0.ylabelSize = fontsize }
    }

    /// Sets the current 3-D axes' z-axis label.
    public mutating func zlabel(_ text: String) { withAxes { $0.zlabel = text } }

    /// Shows a legend of the labelled series (`plt.legend(loc=…)`; default `"best"`).
    public mutating func legend(loc: String = "best") throws {
        let location = try LegendLocation(parsing: loc)
        withAxes { $0.legend = location }
    }

    /// `plt.legend(["a", "b"], loc=…)`: labels the series in drawing order, then shows the legend.
    public mutating func legend(_ labels: [String], loc: String = "best") throws {
        let location = try LegendLocation(parsing: loc)
        withAxes {
            $0.assignLabels(labels)
            $0.legend = location
        }
    }

    /// Turns the background grid on or off (`plt.grid`).
    public mutating func grid(_ visible: Bool = true) { withAxes { $0.grid = visible } }

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
        withAxes { $0.xtickRotation = rotation.truncatingRemainder(dividingBy: 360) }
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

    /// Runs `body` on the current figure, starting one if there is none.
    mutating func withFigure<T>(_ body: (inout Figure) throws -> T) rethrows -> T {
        guard let index = current, figures.indices.contains(index) else {
            figures.append(Figure())
            current = figures.count - 1
            return try body(&figures[figures.count - 1])
        }
        return try body(&figures[index])
    }

    /// Runs `body` on the current axes, starting a figure and axes if there are none.
    mutating func withAxes<T>(_ body: (inout Axes) throws -> T) rethrows -> T {
        try withFigure { figure in
            let index = figure.currentAxesIndex()
            return try body(&figure.axes[index])
        }
    }
}
