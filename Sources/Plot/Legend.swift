/// One legend row: a small picture of the series (its "handle") and its label.
struct LegendEntry: Sendable {
    enum Handle: Sendable {
        case line(Color, width: Double, style: LineStyle, marker: Marker, markerSize: Double)
        case marker(Color, Marker, size: Double)
        case patch(Color)
    }

    var label: String
    var handle: Handle

    /// Entries for the labelled marks, in drawing order.
    static func entries(for marks: [Mark]) -> [LegendEntry] {
        marks.compactMap { mark in
            guard let label = mark.label else { return nil }
            switch mark {
            case .line(let m):
                return LegendEntry(label: label, handle: .line(m.color, width: m.width, style: m.style,
                                                               marker: m.marker, markerSize: m.markerSize))
            case .line3D(let m):
                return LegendEntry(label: label, handle: .line(m.color, width: m.width, style: m.style,
                                                               marker: m.marker, markerSize: m.markerSize))
            case .reference(let m):
                return LegendEntry(label: label, handle: .line(m.color, width: m.width, style: m.style,
                                                               marker: .none, markerSize: 0))
            case .scatter(let m):
                return LegendEntry(label: label, handle: .marker(m.color, m.marker, size: m.size))
            case .bars(let m): return LegendEntry(label: label, handle: .patch(m.color))
            case .span(let m): return LegendEntry(label: label, handle: .patch(m.color))
            case .quiver(let m): return LegendEntry(label: label, handle: .line(m.color, width: 1, style: .solid,
                                                                               marker: .none, markerSize: 0))
            case .band(let m): return LegendEntry(label: label, handle: .patch(m.color))
            case .violin(let m): return LegendEntry(label: label, handle: .patch(m.color.alpha < 1 ? m.color : m.color.withAlpha(0.3)))
            case .image, .errorBars, .text, .boxes: return nil
            }
        }
    }
}

/// Draws a legend box as matplotlib's: 20-point handles, rounded translucent white frame,
/// placed at `location` or, for `best`, the candidate spot covering the fewest data points.
struct LegendRenderer {
    let entries: [LegendEntry]
    let location: LegendLocation

    private let pad = 4.0, handleLength = 20.0, handleGap = 8.0, rowGap = 5.0, inset = 5.0
    /// Longer labels are cut with an ellipsis so a legend cannot outgrow its figure.
    static let maximumLabelLength = 60

    func render(in frame: Rect, avoiding points: [(Double, Double)], into w: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        let entries = self.entries.map { entry -> LegendEntry in
            var shortened = entry
            if entry.label.count > LegendRenderer.maximumLabelLength {
                shortened.label = String(entry.label.prefix(LegendRenderer.maximumLabelLength - 1)) + "…"
            }
            return shortened
        }
        let textWidth = entries.map { TextMetrics.width($0.label, size: Style.fontSize) }.max() ?? 0
        let width = 2 * pad + handleLength + handleGap + textWidth
        let rows = Double(entries.count)
        let height = 2 * pad + rows * Style.fontSize * 1.2 + (rows - 1) * rowGap
        let box = place(width: width, height: height, in: frame, avoiding: points)
        let c = Num.coord
        w.element("g", [("class", "legend")], close: false)
        w.element("rect", [("x", c(box.x)), ("y", c(box.y)), ("width", c(box.width)), ("height", c(box.height)),
                           ("rx", "2"), ("fill", "#fff"), ("fill-opacity", "0.8"),
                           ("stroke", Palette.legendEdge.hexString), ("stroke-width", "0.8")])
        for (i, entry) in entries.enumerated() {
            let rowTop = box.y + pad + Double(i) * (Style.fontSize * 1.2 + rowGap)
            let midY = rowTop + Style.fontSize * 0.6
            drawHandle(entry.handle, x: box.x + pad, midY: midY, into: &w)
            w.text(entry.label, x: box.x + pad + handleLength + handleGap, y: midY, baseline: .center)
        }
        w.end("g")
    }

    private func drawHandle(_ handle: LegendEntry.Handle, x: Double, midY: Double, into w: inout SVGWriter) {
        let c = Num.coord
        switch handle {
        case let .line(color, width, style, marker, markerSize):
            if style != .none && width > 0 {
                w.element("path", [("d", "M\(c(x)),\(c(midY))h\(c(handleLength))"), ("fill", "none")]
                          + Paint.stroke(color, width: width, style: style))
            }
            if marker != .none {
                w.element("path", [("d", marker.pathData(x: x + handleLength / 2, y: midY, size: markerSize))]
                          + Paint.marker(marker, color: color))
            }
        case let .marker(color, marker, size):
            w.element("path", [("d", marker.pathData(x: x + handleLength / 2, y: midY, size: size))]
                      + Paint.marker(marker, color: color))
        case let .patch(color):
            w.element("rect", [("x", c(x)), ("y", c(midY - 3.5)), ("width", c(handleLength)), ("height", "7")]
                      + Paint.fill(color))
        }
    }

    /// The box for `location`; `best` tries matplotlib's candidates in order, fewest points wins.
    private func place(width: Double, height: Double, in f: Rect, avoiding points: [(Double, Double)]) -> Rect {
        func box(_ loc: LegendLocation) -> Rect {
            let left = f.x + inset, right = f.maxX - inset - width, centreX = f.midX - width / 2
            let top = f.y + inset, bottom = f.maxY - inset - height, centreY = f.midY - height / 2
            switch loc {
            case .best, .upperRight: return Rect(x: right, y: top, width: width, height: height)
            case .upperLeft: return Rect(x: left, y: top, width: width, height: height)
            case .lowerLeft: return Rect(x: left, y: bottom, width: width, height: height)
            case .lowerRight: return Rect(x: right, y: bottom, width: width, height: height)
            case .right, .centerRight: return Rect(x: right, y: centreY, width: width, height: height)
            case .centerLeft: return Rect(x: left, y: centreY, width: width, height: height)
            case .lowerCenter: return Rect(x: centreX, y: bottom, width: width, height: height)
            case .upperCenter: return Rect(x: centreX, y: top, width: width, height: height)
            case .center: return Rect(x: centreX, y: centreY, width: width, height: height)
            }
        }
        guard location == .best else { return box(location) }
        let candidates: [LegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .centerRight,
                                            .centerLeft, .lowerCenter, .upperCenter, .center]
        var best = box(.upperRight), fewest = Int.max
        for candidate in candidates {
            let r = box(candidate)
            let covered = points.reduce(0) { $0 + (r.contains($1.0, $1.1) ? 1 : 0) }
            if covered < fewest {
                fewest = covered
                best = r
            }
            if covered == 0 { break }
        }
        return best
    }
}
