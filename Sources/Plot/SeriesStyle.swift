/// The optional styling keywords shared by the plotting calls, as the caller wrote them
/// (`label=`, `color=`, `linestyle=`, `marker=`, `linewidth=`, `markersize=`, `alpha=`).
/// Strings are parsed when a call uses them, so errors name that call.
public struct SeriesStyle: Sendable {
    /// The legend label; labels starting with `_` are not shown.
    public var label: String?
    /// A colour name, `C0`…`C9`, or hex.
    public var color: String?
    /// `-`, `--`, `:`, `-.`, or `none`.
    public var linestyle: String?
    /// `o`, `.`, `s`, `x`, `+`, `^`, `v`, `D`, or `none`.
    public var marker: String?
    /// Line width in points.
    public var linewidth: Double?
    /// Marker diameter in points.
    public var markersize: Double?
    /// Opacity, 0...1.
    public var alpha: Double?
    /// Drawing order (`zorder=`): higher is drawn later, on top; nil keeps the kind's default.
    public var zorder: Double?
    /// A dash tuple `linestyle=(offset, (on, off, …))`, in points at a line width of 1; it
    /// takes the place of `linestyle`.
    public var dashes: (offset: Double, pattern: [Double])?
    /// `clip_on=`: whether the marks are cut at the axes frame (nil: the kind's default,
    /// true except for text, as in matplotlib).
    public var clipOn: Bool?
    /// `facecolor=` and `edgecolor=` of filled marks (`fill_between`, patches).
    public var facecolor: String?, edgecolor: String?

    /// Makes a style; every keyword is optional.
    public init(label: String? = nil, color: String? = nil, linestyle: String? = nil, marker: String? = nil,
                linewidth: Double? = nil, markersize: Double? = nil, alpha: Double? = nil, zorder: Double? = nil) {
        self.label = label
        self.color = color
        self.linestyle = linestyle
        self.marker = marker
        self.linewidth = linewidth
        self.markersize = markersize
        self.alpha = alpha
        self.zorder = zorder
    }

    func resolveColor(_ call: String) throws -> Color? {
        try Validate.alpha(call, alpha)
        guard let color else { return nil }
        return try prefixed(call) { try Color(parsing: color) }
    }

    /// The face and edge colours of a filled mark, as matplotlib's collections and patches:
    /// `color` sets both, `facecolor`/`edgecolor` override it; a missing face comes from
    /// `defaultFace()` (only called when needed, so the colour cycle is not used up); a missing
    /// edge is none. `alpha` applies to both.
    func resolveFill(_ call: String, defaultFace: () -> Color) throws -> (face: Color?, edge: Color?) {
        try Validate.alpha(call, alpha)
        let color = try self.color.map { text in try prefixed(call) { try Color(optional: text) } }
        let face = try facecolor.map { text in try prefixed(call) { try Color(optional: text) } } ?? color ?? defaultFace()
        let edge = try edgecolor.map { text in try prefixed(call) { try Color(optional: text) } } ?? color ?? nil
        return (face?.withAlpha(alpha), edge?.withAlpha(alpha))
    }

    func resolveLineStyle(_ call: String) throws -> LineStyle? {
        if let dashes { return try prefixed(call) { try LineStyle(offset: dashes.offset, pattern: dashes.pattern) } }
        guard let linestyle else { return nil }
        return try prefixed(call) { try LineStyle(parsing: linestyle) }
    }

    func resolveMarker(_ call: String) throws -> Marker? {
        guard let marker else { return nil }
        return try prefixed(call) { try Marker(parsing: marker) }
    }

    func resolveWidth(_ call: String) throws -> Double? {
        guard let linewidth else { return nil }
        try Validate.linewidth(call, linewidth)
        return linewidth
    }

    func resolveMarkerSize(_ call: String) throws -> Double? {
        guard let markersize else { return nil }
        try Validate.positive(call, "markersize", markersize)
        return markersize
    }

    private func prefixed<T>(_ call: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PlotError {
            throw PlotError("\(call): \(error.message)")
        }
    }
}
