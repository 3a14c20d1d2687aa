/// A stable reference to one axes of one figure, for `fig` and `ax` handles in the language:
/// the figure's number (never reused by a `Pyplot`) and the axes' position in the figure's
/// creation order.
public struct AxesHandle: Sendable, Hashable {
    /// The figure's number.
    public let figure: Int
    /// The axes' position among the figure's axes, from 0.
    public let axes: Int

    /// Makes a handle.
    public init(figure: Int, axes: Int) {
        self.figure = figure
        self.axes = axes
    }
}

/// Which figure, and which axes of each figure, drawing calls go to: saved before an `ax.…`
/// call and restored after it, so that the call does not move pyplot's current axes, as in
/// matplotlib.
public struct PyplotSelection: Sendable {
    fileprivate let figure: Int?
    fileprivate let axesByFigure: [Int: Int]
}

/// What a figure handle shows: `<Figure size 640x480 with 2 Axes>`.
public struct FigureSummary: Sendable, Equatable {
    /// Width and height in inches.
    public let width: Double, height: Double
    /// How many axes the figure has.
    public let axesCount: Int
}

/// Which subplots of a grid share an axis (`subplots(sharex=…)`).
enum ShareMode: String {
    case none, all, row, col

    init(parsing text: String, keyword: String) throws {
        guard let mode = ShareMode(rawValue: text.lowercased()) else {
            throw PlotError("subplots: \(keyword) must be True, False, 'all', 'row', 'col' or 'none', got '\(text)'")
        }
        self = mode
    }

    /// The sharing group of the subplot at `row`, `column`, or nil when it shares nothing.
    func group(row: Int, column: Int) -> String? {
        switch self {
        case .none: nil
        case .all: "all"
        case .row: "row\(row)"
        case .col: "col\(column)"
        }
    }
}

/// Handles: figures and axes named by number, for `fig, ax = plt.subplots()` in the language.
extension Pyplot {
    /// The current axes, starting a figure and axes if there are none (`plt.gca()`).
    public mutating func gca() -> AxesHandle {
        withFigure { figure in AxesHandle(figure: figure.number, axes: figure.currentAxesIndex()) }
    }

    /// The current figure's number, starting a figure if there is none (`plt.gcf()`).
    public mutating func gcf() -> Int {
        withFigure { $0.number }
    }

    /// Makes `handle`'s axes current, so the following calls draw on it (`plt.sca(ax)`).
    /// Throws when its figure was closed or already taken at the end of an earlier block.
    public mutating func select(_ handle: AxesHandle) throws {
        let position = try openFigure(handle.figure, call: "axes")
        guard figures[position].axes.indices.contains(handle.axes) else {
            throw PlotError("axes: this axes was removed from its figure (by clf)")
        }
        figures[position].currentAxes = handle.axes
        current = position
    }

    /// Makes figure `number` current (`plt.figure(fig.number)`, `fig.suptitle(…)`).
    public mutating func selectFigure(_ number: Int) throws {
        current = try openFigure(number, call: "figure")
    }

    /// The handles of figure `number`'s axes, in creation order (`fig.axes`).
    public func axesHandles(figure number: Int) throws -> [AxesHandle] {
        let position = try openFigure(number, call: "figure")
        return figures[position].axes.indices.map { AxesHandle(figure: number, axes: $0) }
    }

    /// Size and axes count of figure `number`, or nil when it is no longer open.
    public func summary(figure number: Int) -> FigureSummary? {
        figures.first { $0.number == number }.map {
            FigureSummary(width: $0.width, height: $0.height, axesCount: $0.axes.count)
        }
    }

    /// The current figure as drawn so far, or nil when there is none (for `savefig`).
    public var currentFigure: Figure? {
        guard let current, figures.indices.contains(current) else { return nil }
        return figures[current]
    }

    /// The current figure and each figure's current axes, to `restore` later.
    public func selection() -> PyplotSelection {
        var axes: [Int: Int] = [:]
        for figure in figures { if let index = figure.currentAxes { axes[figure.number] = index } }
        let number = current.flatMap { figures.indices.contains($0) ? figures[$0].number : nil }
        return PyplotSelection(figure: number, axesByFigure: axes)
    }

    /// Goes back to a saved selection; figures closed since then are skipped.
    public mutating func restore(_ selection: PyplotSelection) {
        for i in figures.indices {
            if let saved = selection.axesByFigure[figures[i].number], figures[i].axes.indices.contains(saved) {
                figures[i].currentAxes = saved
            }
        }
        current = selection.figure.flatMap { number in figures.firstIndex { $0.number == number } }
    }

    /// The position of open figure `number` in `figures`, or a `PlotError` saying it is closed.
    func openFigure(_ number: Int, call: String) throws -> Int {
        if let position = figures.firstIndex(where: { $0.number == number }) { return position }
        if number >= 0 && number < nextNumber {
            throw PlotError("\(call): figure \(number) is closed: a figure is shown, then closed, at the end of the block "
                            + "that draws it (or by plt.close()); create it again in this block")
        }
        throw PlotError("\(call): there is no figure number \(number)")
    }
}
