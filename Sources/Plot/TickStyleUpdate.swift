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
