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
