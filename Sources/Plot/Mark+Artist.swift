/// `get_…` and `set_…` of the marks that the language hands out as artists: lines
/// (`Line2D`), `fill_between` bands (`PolyCollection`), patches, and violin parts.
extension Mark {
    func info(_ part: ArtistPart) throws -> ArtistInfo {
        switch (self, part) {
        case (.line(let m), .whole):
            var info = ArtistInfo(className: "Line2D", xdata: m.x, ydata: m.y, color: m.colorSpec ?? m.color.hexString)
            info.linewidth = m.width
            info.linestyle = m.style.matplotlibName
            info.alpha = m.alpha
            info.label = m.label
            info.marker = m.marker == .none ? "None" : m.marker.rawValue
            info.markersize = m.markerSize
            return info
        case (.band(let m), .whole):
            return ArtistInfo(fill: m.paint, className: "PolyCollection", label: m.label)
        case (.patch(let m), .whole):
            return ArtistInfo(fill: m.paint, className: m.shape.className, label: m.label)
        case (.violin(let m), .violinBody(let i)) where m.bodyStyles.indices.contains(i):
            return ArtistInfo(fill: m.bodyStyles[i], className: "PolyCollection", label: nil)
        case (.violin(let m), .violinLines(let key)):
            guard let stroke = m.lineStyles[key] else { throw PlotError("violinplot has no part '\(key)'") }
            var info = ArtistInfo(className: "LineCollection")
            info.edge = stroke.color?.withAlpha(stroke.alpha).rgba
            info.linewidth = stroke.width
            info.linestyle = stroke.style.matplotlibName
            info.alpha = stroke.alpha
            return info
        default:
            throw PlotError("this artist cannot be read")
        }
    }

    mutating func set(_ property: ArtistProperty, part: ArtistPart) throws {
        switch (self, part) {
        case (.line(var m), .whole):
            try m.set(property)
            self = .line(m)
        case (.band(var m), .whole):
            if case .label(let text) = property { m.label = text } else { try m.paint.set(property, kind: "PolyCollection") }
            self = .band(m)
        case (.patch(var m), .whole):
            if case .label(let text) = property { m.label = text } else { try m.paint.set(property, kind: m.shape.className) }
            self = .patch(m)
        case (.violin(var m), .violinBody(let i)) where m.bodyStyles.indices.contains(i):
            try m.bodyStyles[i].set(property, kind: "PolyCollection")
            self = .violin(m)
        case (.violin(var m), .violinLines(let key)):
            guard var stroke = m.lineStyles[key] else { throw PlotError("violinplot has no part '\(key)'") }
            try stroke.set(property)
            m.lineStyles[key] = stroke
            self = .violin(m)
        default:
            throw PlotError("this artist cannot be changed")
        }
    }
}

extension ArtistInfo {
    /// The report of a filled artist.
    init(fill: FillStyle, className: String, label: String?) {
        self.init(className: className)
        face = fill.shownFace?.rgba ?? [0, 0, 0, 0]
        edge = fill.edge.map { $0.withAlpha(fill.alpha).rgba } ?? [0, 0, 0, 0]
        linewidth = fill.width
        linestyle = fill.style.matplotlibName
        alpha = fill.alpha
        self.label = label
    }
}

extension LineMark {
    mutating func set(_ property: ArtistProperty) throws {
        let call = "Line2D"
        switch property {
        case .color(let text):
            color = try Color(parsing: text).withAlpha(alpha)
            colorSpec = text
        case .alpha(let value):
            try Validate.alpha("set_alpha", value)
            alpha = value
            color = try colorSpec.map { try Color(parsing: $0) }.map { $0.withAlpha(value) } ?? color.withAlpha(value ?? 1)
        case .linewidth(let value):
            try Validate.linewidth("set_linewidth", value)
            width = value
        case .linestyle(let text): style = try LineStyle(parsing: text)
        case .dashes(let offset, let pattern): style = try LineStyle(offset: offset, pattern: pattern)
        case .label(let text): label = text
        case .xdata(let values):
            guard values.count == y.count else {
                throw PlotError("set_xdata: \(values.count) x values for \(y.count) y values; use set_data(x, y) to change both")
            }
            x = values
        case .ydata(let values):
            guard values.count == x.count else {
                throw PlotError("set_ydata: \(values.count) y values for \(x.count) x values; use set_data(x, y) to change both")
            }
            y = values
        case .data(let xs, let ys):
            guard xs.count == ys.count else { throw PlotError("set_data: x has \(xs.count) values but y has \(ys.count)") }
            (x, y) = (xs, ys)
        case .marker(let text): marker = try Marker(parsing: text)
        case .markersize(let value):
            try Validate.positive("set_markersize", "markersize", value)
            markerSize = value
        case .facecolor, .edgecolor, .zorder, .visible, .fill:
            throw PlotError("\(call) has no such property")
        }
    }
}

extension FillStyle {
    mutating func set(_ property: ArtistProperty, kind: String) throws {
        switch property {
        case .color(let text):
            face = try Color(optional: text)
            edge = face
        case .facecolor(let text): face = try Color(optional: text)
        case .edgecolor(let text): edge = try Color(optional: text)
        case .alpha(let value):
            try Validate.alpha("set_alpha", value)
            alpha = value
        case .linewidth(let value):
            try Validate.linewidth("set_linewidth", value)
            width = value
        case .linestyle(let text): style = try LineStyle(parsing: text)
        case .dashes(let offset, let pattern): style = try LineStyle(offset: offset, pattern: pattern)
        case .fill(let on):
            guard on || face == nil else { throw PlotError("set_fill(False) is not available in rnnbook; use set_facecolor('none')") }
        case .label, .xdata, .ydata, .data, .marker, .markersize, .zorder, .visible:
            throw PlotError("\(kind) has no such property")
        }
    }
}

extension StrokeStyle {
    mutating func set(_ property: ArtistProperty) throws {
        switch property {
        case .color(let text), .edgecolor(let text): color = try Color(optional: text)
        case .facecolor(let text):
            // A LineCollection's face fills nothing for straight segments, as in matplotlib.
            _ = try Color(optional: text)
        case .alpha(let value):
            try Validate.alpha("set_alpha", value)
            alpha = value
        case .linewidth(let value):
            try Validate.linewidth("set_linewidth", value)
            width = value
        case .linestyle(let text): style = try LineStyle(parsing: text)
        case .dashes(let offset, let pattern): style = try LineStyle(offset: offset, pattern: pattern)
        case .label, .xdata, .ydata, .data, .marker, .markersize, .zorder, .visible, .fill:
            throw PlotError("LineCollection has no such property")
        }
    }
}

extension LineStyle {
    /// matplotlib's `get_linestyle()`: `'-'`, `'--'`, `':'`, `'-.'`, `'None'`; a dash tuple reads `'--'`.
    var matplotlibName: String {
        switch self {
        case .solid: "-"
        case .dashed, .dashes: "--"
        case .dotted: ":"
        case .dashDot: "-."
        case .none: "None"
        }
    }
}

extension PatchShape {
    /// matplotlib's class name.
    var className: String {
        switch kind {
        case .circle: "Circle"
        case .rectangle: "Rectangle"
        case .polygon: "Polygon"
        }
    }
}
