/// A filled shape's paint, as matplotlib's patches and collections keep it: face (nil:
/// unfilled), edge (nil: none), edge width and style, and the artist's `alpha`, which, when
/// set, replaces both colours' own opacity.
struct FillStyle: Sendable, Equatable {
    var face: Color?
    var edge: Color?
    var width: Double
    var style: LineStyle
    var alpha: Double? = nil

    /// The face as drawn.
    var shownFace: Color? { face.map { $0.withAlpha(alpha) } }
    /// The edge as drawn, nil when invisible.
    var shownEdge: Color? {
        guard let edge, width > 0, style != .none else { return nil }
        let shown = edge.withAlpha(alpha)
        return shown.alpha > 0 ? shown : nil
    }

    /// SVG fill and stroke attributes.
    var attributes: [(String, String)] {
        var attributes = shownFace.map { Paint.fill($0) } ?? [("fill", "none")]
        if let edge = shownEdge { attributes += Paint.stroke(edge, width: width, style: style) }
        return attributes
    }
}

/// A line's paint (a part of a violin plot).
struct StrokeStyle: Sendable, Equatable {
    /// nil: `'none'`.
    var color: Color?
    var width: Double
    var style: LineStyle
    var alpha: Double? = nil

    /// The colour as drawn, nil when invisible.
    var shown: Color? {
        guard let color = color?.withAlpha(alpha), color.alpha > 0, width > 0, style != .none else { return nil }
        return color
    }
}
