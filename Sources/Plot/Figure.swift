/// A finished or in-progress figure: a canvas of `width` × `height` inches holding one or more
/// axes in subplot grids, rendered to SVG by `svg(idPrefix:)`.
public struct Figure: Sendable {
    /// SVG user units (points) per inch, as matplotlib's SVG backend.
    static let pointsPerInch = 72.0

    /// Width in inches (matplotlib's `figsize[0]`).
    public let width: Double
    /// Height in inches (matplotlib's `figsize[1]`).
    public let height: Double
    /// A title over all subplots (`suptitle`), if any.
    public var suptitle: String?
    /// The suptitle's font size in points.
    var suptitleSize = Style.suptitleSize
    /// The suptitle's font weight, nil for normal.
    var suptitleWeight: Int?
    /// The axes in creation order.
    var axes: [Axes] = []
    /// Which axes drawing calls go to.
    var currentAxes: Int?
    /// The number `Pyplot` gave the figure (0, 1, …), for figure and axes handles.
    var number = 0

    /// Makes an empty figure; sizes are clamped to 1...50 inches (Pyplot rejects others).
    public init(width: Double = 6.4, height: Double = 4.8) {
        self.width = width.isFinite ? min(max(width, 1), 50) : 6.4
        self.height = height.isFinite ? min(max(height, 1), 50) : 4.8
    }

    /// The figure's title for captions and `[figure N: …]` placeholders: the suptitle, else
    /// the first axes title.
    public var title: String? {
        if let suptitle, !suptitle.isEmpty { return suptitle }
        return axes.lazy.compactMap(\.title).first { !$0.isEmpty }
    }

    /// How many axes (subplots) the figure has.
    public var axesCount: Int { axes.count }

    /// Makes the axes at `index` (1-based, row-major) of a `rows` × `cols` grid current,
    /// creating it if needed, as `plt.subplot`.
    mutating func subplot(rows: Int, cols: Int, index: Int) throws {
        guard (1...50).contains(rows), (1...50).contains(cols) else {
            throw PlotError("subplot: the grid must have 1 to 50 rows and columns, got \(rows)×\(cols)")
        }
        guard (1...(rows * cols)).contains(index) else {
            throw PlotError("subplot: index \(index) is out of range for a \(rows)×\(cols) grid (1...\(rows * cols))")
        }
        if let existing = axes.firstIndex(where: { $0.gridRows == rows && $0.gridCols == cols && $0.gridIndex == index }) {
            currentAxes = existing
        } else {
            axes.append(Axes(gridRows: rows, gridCols: cols, gridIndex: index))
            currentAxes = axes.count - 1
        }
    }

    /// The current axes' index, creating a single full-figure axes if there is none.
    mutating func currentAxesIndex() -> Int {
        if let currentAxes { return currentAxes }
        axes.append(Axes(gridRows: 1, gridCols: 1, gridIndex: 1))
        currentAxes = axes.count - 1
        return axes.count - 1
    }

    /// A description for screen readers: the title, else what the axes show.
    var accessibleLabel: String {
        let label: String
        if let title {
            label = title
        } else if axes.isEmpty {
            label = "empty figure"
        } else {
            label = "figure: " + axes.map(\.summary).joined(separator: "; ")
        }
        return MathText.hasMath(label) ? MathText.displayed(label) : label
    }
}
