/// Where a legend goes, as matplotlib's `loc`.
enum LegendLocation: String, Sendable, CaseIterable {
    case best, upperRight = "upper right", upperLeft = "upper left", lowerLeft = "lower left"
    case lowerRight = "lower right", right, centerLeft = "center left", centerRight = "center right"
    case lowerCenter = "lower center", upperCenter = "upper center", center

    /// Parses matplotlib's location names.
    init(parsing text: String) throws {
        guard let loc = LegendLocation(rawValue: text.lowercased()) else {
            let names = LegendLocation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw PlotError("legend: unknown loc '\(text)' (expected one of \(names))")
        }
        self = loc
    }
}

/// Tick positions fixed by the caller (`xticks`), with optional labels.
struct FixedTicks: Sendable {
    var values: [Double]
    var labels: [String]?
}

/// One plotting area of a figure: its place in a subplot grid, its marks and its decorations.
struct Axes: Sendable {
    /// The subplot grid this axes belongs to, and its 1-based index in row-major order.
    var gridRows: Int, gridCols: Int, gridIndex: Int
    var title: String?
    var xlabel: String?, ylabel: String?, zlabel: String?
    /// Limits set by the caller; `nil` sides are automatic.
    var xlim: (lo: Double?, hi: Double?) = (nil, nil)
    var ylim: (lo: Double?, hi: Double?) = (nil, nil)
    var zlim: (lo: Double?, hi: Double?) = (nil, nil)
    /// The viewpoint of a 3-D axes (`view_init`).
    var view = View3D()
    var xticks: FixedTicks?, yticks: FixedTicks?
    var xscale = AxisScale.linear, yscale = AxisScale.linear
    /// Font sizes of the title and axis labels (`fontsize=`), in points.
    var titleSize = Style.titleSize, xlabelSize = Style.fontSize, ylabelSize = Style.fontSize
    /// Font weights of the title and axis labels (`fontweight=`), nil for normal.
    var titleWeight: Int?, xlabelWeight: Int?, ylabelWeight: Int?
    /// Where the title sits (`title(loc=…)`): centred, or at the frame's left or right edge.
    var titleAnchor = TextAnchor.middle
    /// How the x and y tick labels and marks are drawn (`xticks(rotation=…, fontsize=…)`,
    /// `tick_params(…)`).
    var xtickStyle = TickStyle(), ytickStyle = TickStyle()
    /// Whether spines, ticks and axis labels are hidden (`axis("off")`).
    var axisOff = false
    /// Whether `invert_xaxis()` / `invert_yaxis()` flipped the axis (each call toggles).
    var invertX = false, invertY = false
    /// The sides whose spine is hidden (`ax.spines["top"].set_visible(False)`).
    var hiddenSpines: Set<Spine> = []
    var marks: [Mark] = []
    /// `zorder=` given to marks, by index in `marks`; the others keep their kind's default.
    var zorders: [Int: Double] = [:]
    /// `clip_on=` given to marks, by index in `marks`; the others keep their kind's default
    /// (clipped to the frame, except text).
    var clipping: [Int: Bool] = [:]
    /// Marks hidden by `set_visible(False)`, by index in `marks`.
    var hidden: Set<Int> = []
    /// Set by `legend()`: the legend is drawn only when asked, as in matplotlib.
    var legend: LegendSpec?
    /// The colour bar to draw beside the frame, if any.
    var colorbar: ColorbarSpec?
    /// Grid lines from the x ticks and from the y ticks (`grid(axis=)`).
    var gridX = false, gridY = false
    /// How the grid lines are drawn (`grid(color=, linestyle=, linewidth=, alpha=)`).
    var gridStroke = GridStroke()
    /// Whether any grid line is drawn.
    var grid: Bool {
        get { gridX || gridY }
        set { gridX = newValue; gridY = newValue }
    }
    /// `ax.xaxis.set_label_coords(x, y)` / `yaxis`: the axis label's anchor in axes fractions.
    var xlabelCoords: (x: Double, y: Double)?, ylabelCoords: (x: Double, y: Double)?
    /// The automatic limits' padding as a fraction of the data span (`margins(x, y)`;
    /// matplotlib's `axes.xmargin`/`ymargin` default 0.05).
    var margins = (x: 0.05, y: 0.05)
    /// Axes of the same figure with the same group share their x (or y) limits (`subplots(sharex=…)`).
    var shareX: String?, shareY: String?
    /// How long one y unit is against one x unit on the page (`set_aspect(2)`: twice as
    /// long); nil lets the axes fill their cell (matplotlib's `'auto'`).
    var aspect: Double?
    /// Whether one x unit is as long as one y unit (set by `imshow`, or `aspect="equal"`).
    var equalAspect: Bool {
        get { aspect == 1 }
        set { aspect = newValue ? 1 : nil }
    }
    /// Next colour in the line cycle (plot) and the patch cycle (bar, scatter, fills), kept
    /// apart as matplotlib does, so a `fill_between` band after a `plot` matches its line.
    var lineCycle = 0, patchCycle = 0

    init(gridRows: Int, gridCols: Int, gridIndex: Int) {
        self.gridRows = gridRows
        self.gridCols = gridCols
        self.gridIndex = gridIndex
    }

    /// Set by `projection='3d'`: the axes is a 3-D box even while it holds no data.
    var projection3D = false

    /// Whether this axes shows 3-D data.
    var is3D: Bool {
        projection3D || marks.contains { if case .line3D = $0 { return true } else { return false } }
    }

    /// Whether the y axis runs downward (an image with row 0 at the top).
    var yInverted: Bool {
        marks.contains { if case .image(let image) = $0 { return image.originUpper } else { return false } }
    }

    /// The latest colour-mapped mark's mapping (heat map or colour-coded scatter), if any.
    var latestMapping: ColorMapping? {
        for mark in marks.reversed() {
            if case .image(let image) = mark { return image.mapping }
            if case .scatter(let scatter) = mark, let mapping = scatter.mapping { return mapping }
        }
        return nil
    }

    /// Whether both axes' ticks should be whole numbers (heat-map rows and columns).
    var integerTicks: Bool {
        marks.contains { if case .image = $0 { return true } else { return false } }
    }

    /// The next line colour, advancing the line cycle.
    mutating func nextLineColor() -> Color {
        defer { lineCycle += 1 }
        return Palette.color(at: lineCycle)
    }

    /// The next patch colour, advancing the patch cycle.
    mutating func nextPatchColor() -> Color {
        defer { patchCycle += 1 }
        return Palette.color(at: patchCycle)
    }

    /// A short description for screen readers: title, else "y against x".
    var summary: String {
        if let title, !title.isEmpty { return title }
        switch (xlabel, ylabel) {
        case let (x?, y?): return "\(y) against \(x)"
        case let (nil, y?): return y
        case let (x?, nil): return x
        default: return "plot"
        }
    }
}
