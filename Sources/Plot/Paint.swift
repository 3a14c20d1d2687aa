/// SVG paint attributes for colours, strokes and markers.
enum Paint {
    /// `fill` plus `fill-opacity` when translucent.
    static func fill(_ color: Color) -> [(String, String)] {
        var attributes = [("fill", color.hexString)]
        if color.alpha < 1 { attributes.append(("fill-opacity", Num.unit(color.alpha))) }
        return attributes
    }

    /// A line's stroke: colour, width, dashes, and round joins as matplotlib's defaults.
    static func stroke(_ color: Color, width: Double, style: LineStyle) -> [(String, String)] {
        var attributes = [("stroke", color.hexString), ("stroke-width", Num.coord(width))]
        if color.alpha < 1 { attributes.append(("stroke-opacity", Num.unit(color.alpha))) }
        if let dashes = style.dashArray(width: width) {
            attributes.append(("stroke-dasharray", dashes))
            if let offset = style.dashOffset(width: width) { attributes.append(("stroke-dashoffset", offset)) }
        } else {
            attributes.append(("stroke-linecap", "square"))
        }
        attributes.append(("stroke-linejoin", "round"))
        return attributes
    }

    /// A marker path's paint: filled shapes, or stroked ones for `x` and `+`. With `edge`
    /// (a scatter's marker edge), filled shapes get an outline of that width and colour and
    /// stroked ones that width.
    static func marker(_ marker: Marker, color: Color, edge: (width: Double, color: Color?)? = nil) -> [(String, String)] {
        if marker.isStroked {
            var attributes = [("fill", "none"), ("stroke", color.hexString), ("stroke-width", edge.map { Num.coord($0.width) } ?? "1.2")]
            if color.alpha < 1 { attributes.append(("stroke-opacity", Num.unit(color.alpha))) }
            return attributes
        }
        guard let edge, edge.width > 0 else { return fill(color) }
        let outline = edge.color ?? color
        guard outline.alpha > 0 else { return fill(color) }
        var attributes = fill(color) + [("stroke", outline.hexString), ("stroke-width", Num.coord(edge.width))]
        if outline.alpha < 1 { attributes.append(("stroke-opacity", Num.unit(outline.alpha))) }
        return attributes
    }
}
