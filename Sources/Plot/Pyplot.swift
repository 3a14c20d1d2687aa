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
    var figures: [Figure] = []
    /// The figure drawing calls go to (the latest, unless `sca` chose another).
    var current: Int?
    /// The number the next figure gets; numbers are never reused, so a handle to a figure
    /// that was taken or closed cannot reach a newer one.
    var nextNumber = 0

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
        start(Figure(width: width, height: height))
    }

    /// Appends `figure` with the next figure number and makes it current.
    mutating func start(_ figure: Figure) {
        var figure = figure
        figure.number = nextNumber
        nextNumber += 1
        figures.append(figure)
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
            let number = figure.number
            figure = Figure(width: figure.width, height: figure.height)
            figure.number = number
        }
    }

    /// Makes subplot `index` (1-based, row-major) of a `rows` × `cols` grid current (`plt.subplot`).
    public mutating func subplot(_ rows: Int, _ cols: Int, _ index: Int) throws {
        try withFigure { try $0.subplot(rows: rows, cols: cols, index: index) }
    }

    /// `plt.subplots(rows, cols, figsize=…, sharex=…, sharey=…)`: starts a figure holding the
    /// whole grid and makes its last subplot current, as matplotlib does. Returns a handle per
    /// subplot, row-major, for `ax.…` calls (see `select(_:)`). `sharex`/`sharey` are
    /// `"none"`, `"all"`, `"row"` or `"col"`: axes sharing an axis get the same limits.
    @discardableResult
    public mutating func subplots(_ rows: Int = 1, _ cols: Int = 1, width: Double = 6.4, height: Double = 4.8,
                                  sharex: String = "none", sharey: String = "none") throws -> [AxesHandle] {
        let shareX = try ShareMode(parsing: sharex, keyword: "sharex")
        let shareY = try ShareMode(parsing: sharey, keyword: "sharey")
        guard (1...50).contains(rows), (1...50).contains(cols) else {
            throw PlotError("subplots: the grid must have 1 to 50 rows and columns, got \(rows)×\(cols)")
        }
        try figure(width: width, height: height)
        for index in 1...(rows * cols) { try subplot(rows, cols, index) }
        let number = nextNumber - 1
        withFigure { figure in
            for i in figure.axes.indices {
                figure.axes[i].shareX = shareX.group(row: i / cols, column: i % cols)
                figure.axes[i].shareY = shareY.group(row: i / cols, column: i % cols)
            }
        }
        return (0..<(rows * cols)).map { AxesHandle(figure: number, axes: $0) }
    }

    /// Makes subplot `index` (1-based) of figure number `figure` current again (`plt.sca`), so
    /// drawing goes back to an earlier axes, as `ax.plot(…)` does in matplotlib.
    public mutating func sca(figure: Int, index: Int) throws {
        let position = try openFigure(figure, call: "sca")
        guard let axes = figures[position].axes.firstIndex(where: { $0.gridIndex == index }) else {
            throw PlotError("sca: figure \(figure) has no subplot \(index)")
        }
        figures[position].currentAxes = axes
        current = position
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
            start(Figure())
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

    /// Runs a drawing call on the current axes and gives the marks it added the style's
    /// `zorder`, if it has one.
    mutating func drawing<T>(_ style: SeriesStyle, _ body: (inout Axes) throws -> T) throws -> T {
        if let z = style.zorder, !z.isFinite { throw PlotError("zorder must be a finite number, got \(z)") }
        return try withAxes { axes in
            let before = axes.marks.count
            let result = try body(&axes)
            if let z = style.zorder {
                for index in before..<axes.marks.count { axes.zorders[index] = z }
            }
            if let clip = style.clipOn {
                for index in before..<axes.marks.count { axes.clipping[index] = clip }
            }
            return result
        }
    }
}
