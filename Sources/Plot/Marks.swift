/// A line: points joined in order, optionally with markers. NaN or infinite points break it.
struct LineMark: Sendable {
    var x: [Double], y: [Double]
    var color: Color
    /// The colour as the caller wrote it (`get_color()` returns it), nil for a cycle colour.
    var colorSpec: String? = nil
    /// `alpha=` as given (already applied to `color`).
    var alpha: Double? = nil
    var width: Double
    var style: LineStyle
    var marker: Marker
    var markerSize: Double
    var label: String?
}

/// Unjoined points (`scatter`), of diameter `size` points.
struct ScatterMark: Sendable {
    var x: [Double], y: [Double]
    var color: Color
    var size: Double
    var marker: Marker
    var label: String?
    /// Per-point values coloured through `mapping` (`c=`), if given.
    var values: [Double]? = nil
    var mapping: ColorMapping? = nil
    /// One colour per point (`c=` as colour names or RGB rows), if given.
    var pointColors: [Color]? = nil
    /// The marker edge (`linewidths=`, matplotlib's default 1.5 points) and its colour
    /// (`edgecolors=`): nil is matplotlib's `'face'`, each marker's own colour.
    var edgeWidth = 1.5
    var edgeColor: Color? = nil
}

/// Rectangles from `bottoms` to `bottoms + heights`, centred on `x` (`bar`, `hist`).
struct BarMark: Sendable {
    var x: [Double], heights: [Double], widths: [Double], bottoms: [Double]
    var color: Color
    /// A thin outline (histograms use white to separate bins), if any.
    var edge: Color?
    var label: String?
}

/// The region between two curves (`fill_between`).
struct BandMark: Sendable {
    var x: [Double], y1: [Double], y2: [Double]
    /// Face, outline (`edgecolor=`, or `color=`; none by default), width and alpha.
    var paint: FillStyle
    var label: String?
    /// `where=`: only runs of consecutive true points are filled; nil fills everywhere.
    var mask: [Bool]? = nil

    /// A band filled with `color`, without outline.
    init(x: [Double], y1: [Double], y2: [Double], color: Color, label: String?) {
        self.init(x: x, y1: y1, y2: y2, paint: FillStyle(face: color, edge: nil, width: 1, style: .solid), label: label)
    }

    init(x: [Double], y1: [Double], y2: [Double], paint: FillStyle, label: String?, mask: [Bool]? = nil) {
        (self.x, self.y1, self.y2, self.paint, self.label, self.mask) = (x, y1, y2, paint, label, mask)
    }

    /// The face colour as drawn (for the legend).
    var color: Color { paint.shownFace ?? paint.shownEdge ?? Color(red: 255, green: 255, blue: 255, alpha: 0) }
}

/// A horizontal (`axhline`) or vertical (`axvline`) line across the axes.
struct ReferenceLine: Sendable {
    var value: Double
    var vertical: Bool
    var color: Color
    var width: Double
    var style: LineStyle
    var label: String?
}

/// A band across the whole axes between two x values (`axvspan`) or two y values (`axhspan`),
/// e.g. to shade a stimulus period.
struct SpanMark: Sendable {
    var lo: Double, hi: Double
    var vertical: Bool
    var color: Color
    var label: String?
}

/// A matrix drawn as coloured cells (`imshow`), row 0 at the top.
struct ImageMark: Sendable {
    var rows: Int, cols: Int
    /// Row-major values; NaN cells are transparent.
    var values: [Double]
    var mapping: ColorMapping
    /// Whether row 0 is at the top (matplotlib's default `origin="upper"`).
    var originUpper = true
}

/// One violin: a mirrored density estimate at `position`.
struct ViolinBody: Sendable {
    var position: Double
    /// Where the density is evaluated, ascending.
    var levels: [Double]
    /// The half-width drawn at each level, in x data units.
    var halfWidths: [Double]
    var minimum: Double, maximum: Double, mean: Double, median: Double
}

/// A violin plot of several datasets: matplotlib's `bodies` (one filled outline each) and
/// line parts `cbars`, `cmins`, `cmaxes`, `cmeans`, `cmedians`, each restylable through the
/// handles `violinplot` returns.
struct ViolinMark: Sendable {
    var bodies: [ViolinBody]
    /// The plot's colour (the legend's patch, and every part's until restyled).
    var color: Color
    var halfWidth: Double
    var showExtrema: Bool, showMeans: Bool, showMedians: Bool
    var label: String?
    /// Each body's fill and outline.
    var bodyStyles: [FillStyle] = []
    /// The line parts shown, by matplotlib's key.
    var lineStyles: [String: StrokeStyle] = [:]
}


/// A 3-D line or point cloud (`plot3d`, `scatter3d`), drawn in a fixed oblique projection.
struct Line3DMark: Sendable {
    var x: [Double], y: [Double], z: [Double]
    var color: Color
    var width: Double
    var style: LineStyle
    var marker: Marker
    var markerSize: Double
    var label: String?
    /// One colour per point for the markers (`scatter(…, c=…)`); `nil`: all in `color`.
    var pointColors: [Color]? = nil
}

/// Error bars: a vertical (and/or horizontal) segment through each point, with optional caps.
struct ErrorBarMark: Sendable {
    var x: [Double], y: [Double]
    var xerr: [Double]?, yerr: [Double]?
    var color: Color
    var width: Double
    /// Cap length in points (0: no caps, matplotlib's default).
    var capsize: Double
}

/// Text at a data position (`plt.text`).
struct TextMark: Sendable {
    var x: Double, y: Double
    var text: String
    var size: Double
    var color: Color
    var anchor: TextAnchor
    var baseline: TextBaseline
    /// The CSS font weight, nil for normal.
    var weight: Int? = nil
}

/// Anything drawn inside an axes.
enum Mark: Sendable {
    case line(LineMark)
    case scatter(ScatterMark)
    case bars(BarMark)
    case band(BandMark)
    case reference(ReferenceLine)
    case span(SpanMark)
    case image(ImageMark)
    case violin(ViolinMark)
    case boxes(BoxMark)
    case quiver(QuiverMark)
    case line3D(Line3DMark)
    case errorBars(ErrorBarMark)
    case text(TextMark)
    case patch(PatchMark)
}
