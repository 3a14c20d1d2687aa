/// Which part of a drawn mark a handle stands for: the whole mark (a `Line2D`, a
/// `fill_between` collection, a patch), one body of a violin plot, or one of its line parts.
public enum ArtistPart: Sendable, Hashable {
    case whole
    case violinBody(Int)
    case violinLines(String)
}

/// A reference to an artist drawn on an axes, for `Line2D`, `PolyCollection`, … handles in
/// the language. Like `AxesHandle` it names the drawing; the state stays in the `Pyplot`.
public struct ArtistHandle: Sendable, Hashable {
    public let axes: AxesHandle
    /// The mark's position in the axes' marks.
    public let mark: Int
    public let part: ArtistPart

    public init(axes: AxesHandle, mark: Int, part: ArtistPart = .whole) {
        self.axes = axes
        self.mark = mark
        self.part = part
    }
}

/// A property `set_…` changes, as matplotlib names it.
public enum ArtistProperty: Sendable {
    case color(String), facecolor(String), edgecolor(String)
    case linewidth(Double), linestyle(String), dashes(offset: Double, pattern: [Double])
    /// `set_alpha(None)` is `.alpha(nil)`.
    case alpha(Double?)
    case label(String)
    case xdata([Double]), ydata([Double])
    /// `set_data(x, y)`: both at once, of equal length.
    case data([Double], [Double])
    case marker(String), markersize(Double)
    case zorder(Double), visible(Bool), fill(Bool)
}

/// What `get_…` methods report.
public struct ArtistInfo: Sendable {
    /// matplotlib's class name: `Line2D`, `PolyCollection`, `LineCollection`, `Circle`, …
    public var className: String
    public var xdata: [Double] = [], ydata: [Double] = []
    /// `get_color()` of a line: the colour as written, or `#rrggbb`.
    public var color: String?
    /// Face and edge colours as RGBA in 0…1 (nil: none).
    public var face: [Double]?, edge: [Double]?
    public var linewidth: Double?
    public var linestyle: String?
    public var alpha: Double?
    public var label: String?
    public var marker: String?
    public var markersize: Double?
    public var zorder: Double = 0
    public var visible = true
}

extension Pyplot {
    /// How many marks the axes holds, so a caller can name the ones a drawing call adds.
    public func markCount(_ handle: AxesHandle) throws -> Int {
        let position = try openFigure(handle.figure, call: "axes")
        guard figures[position].axes.indices.contains(handle.axes) else { return 0 }
        return figures[position].axes[handle.axes].marks.count
    }

    /// How many marks the current axes holds, 0 when there is none yet (without starting one).
    public var currentMarkCount: Int {
        guard let current, figures.indices.contains(current), let axes = figures[current].currentAxes,
              figures[current].axes.indices.contains(axes) else { return 0 }
        return figures[current].axes[axes].marks.count
    }

    /// The axes and mark of `handle`, or a `PlotError` once its figure is shown or closed.
    private func locate(_ handle: ArtistHandle) throws -> (figure: Int, axes: Int) {
        let position = try openFigure(handle.axes.figure, call: "artist")
        guard figures[position].axes.indices.contains(handle.axes.axes),
              figures[position].axes[handle.axes.axes].marks.indices.contains(handle.mark) else {
            throw PlotError("artist: this artist was removed from its axes (by clf)")
        }
        return (position, handle.axes.axes)
    }

    /// The properties of the artist `handle` names.
    public func artistInfo(_ handle: ArtistHandle) throws -> ArtistInfo {
        let (figure, axes) = try locate(handle)
        let owner = figures[figure].axes[axes]
        var info = try owner.marks[handle.mark].info(handle.part)
        info.zorder = owner.zorder(of: handle.mark)
        info.visible = !owner.hidden.contains(handle.mark)
        return info
    }

    /// Sets one property of the artist `handle` names (`line.set_color('r')`, …).
    public mutating func setArtist(_ handle: ArtistHandle, _ property: ArtistProperty) throws {
        let (figure, axes) = try locate(handle)
        switch property {
        case .zorder(let z):
            guard z.isFinite else { throw PlotError("set_zorder: zorder must be a finite number, got \(z)") }
            figures[figure].axes[axes].zorders[handle.mark] = z
        case .visible(let visible):
            if visible { figures[figure].axes[axes].hidden.remove(handle.mark) } else { figures[figure].axes[axes].hidden.insert(handle.mark) }
        default:
            try figures[figure].axes[axes].marks[handle.mark].set(property, part: handle.part)
        }
    }
}
