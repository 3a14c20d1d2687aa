/// How one axis of an axes draws its tick labels and tick marks: the Text properties given
/// to `xticks(..., fontsize=, color=, rotation=, fontweight=)` and `tick_params(labelsize=,
/// labelcolor=, labelrotation=, color=, colors=)`, matplotlib's defaults otherwise.
struct TickStyle: Sendable {
    /// The labels' font size in points.
    var size = Style.fontSize
    /// The labels' colour.
    var labelColor = Palette.ink
    /// Counter-clockwise rotation of the labels in degrees.
    var rotation = 0.0
    /// The labels' CSS font weight, nil for normal.
    var weight: Int?
    /// The tick marks' colour.
    var tickColor = Palette.ink

    /// The size given to `SVGWriter.text` (nil for the figure's default size).
    var textSize: Double? { size == Style.fontSize ? nil : size }

    /// The fill attributes of a label (none for the default ink).
    var labelPaint: [(String, String)] { labelColor == Palette.ink ? [] : Paint.fill(labelColor) }

    /// The width of the widest label.
    func widest(_ labels: [String]) -> Double {
        labels.map { TextMetrics.width($0, size: size) }.max() ?? 0
    }

    /// The width and height of the box around a label of width `width` turned by `rotation`.
    func rotatedBox(width: Double) -> (width: Double, height: Double) {
        let line = size * 1.2
        guard rotation != 0 else { return (width, line) }
        let (sine, cosine) = Trig.sinCos(degrees: rotation)
        return (Swift.abs(width * cosine) + Swift.abs(line * sine), Swift.abs(width * sine) + Swift.abs(line * cosine))
    }
}

/// Which axis a tick call changes (`tick_params(axis='x')`).
public enum TickAxis: String, Sendable {
    case x, y, both
}

/// What one tick call changes; nil fields are left as they are.
public struct TickStyleUpdate: Sendable {
    /// The label font size and weight (`fontsize=`, `fontweight=`, `labelsize=`).
    public var text = TextStyle()
    /// The label colour, as matplotlib writes colours (`color=`, `labelcolor=`).
    public var labelColor: String?
    /// The label rotation in degrees (`rotation=`, `labelrotation=`).
    public var rotation: Double?
    /// The tick mark colour (`tick_params(color=)`).
    public var tickColor: String?
    /// Whether the style goes back to the defaults first (`tick_params(reset=True)`).
    public var reset = false

    /// An update that changes nothing.
    public init() {}

    /// Whether the update changes nothing.
    public var isEmpty: Bool {
        text.size == nil && text.weightName == nil && text.weightValue == nil && labelColor == nil && rotation == nil
            && tickColor == nil && !reset
    }

    /// `style` with this update applied, checked; `call` names the call in errors.
    func applied(to style: TickStyle, _ call: String) throws -> TickStyle {
        var style = reset ? TickStyle() : style
        if let size = text.size { style.size = try text.size(call, default: size) }
        if text.weightName != nil || text.weightValue != nil { style.weight = try text.weight(call) }
        if let labelColor { style.labelColor = try Color(parsing: labelColor) }
        if let rotation {
            try Validate.finite(call, "rotation", rotation)
            style.rotation = rotation.truncatingRemainder(dividingBy: 360)
        }
        if let tickColor { style.tickColor = try Color(parsing: tickColor) }
        return style
    }
}

extension Pyplot {
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
}
