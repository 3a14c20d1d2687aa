/// One legend row: a small picture of the series (its "handle") and its label.
struct LegendEntry: Sendable {
    enum Handle: Sendable {
        case line(Color, width: Double, style: LineStyle, marker: Marker, markerSize: Double)
        case marker(Color, Marker, size: Double)
        case patch(Color)
    }

    var label: String
    var handle: Handle

    /// Entries for the labelled marks, in drawing order, or for the marks `legend(handles=…)`
    /// chose, in its order (a label starting with `_` is left out, as matplotlib does).
    static func entries(for marks: [Mark], chosen: [LegendSpec.Handle]? = nil) -> [LegendEntry] {
        guard let chosen else { return marks.compactMap { mark in mark.label.flatMap { entry(for: mark, label: $0) } } }
        return chosen.compactMap { handle in
            guard marks.indices.contains(handle.mark), let label = handle.label ?? marks[handle.mark].label,
                  !label.hasPrefix("_") else { return nil }
            return entry(for: marks[handle.mark], label: label)
        }
    }

    /// The entry showing `mark` with `label`.
    static func entry(for mark: Mark, label: String) -> LegendEntry? {
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
        case .patch(let m): return LegendEntry(label: label, handle: .patch(m.paint.shownFace ?? m.paint.shownEdge ?? Palette.ink))
        case .violin(let m): return LegendEntry(label: label, handle: .patch(m.color.alpha < 1 ? m.color : m.color.withAlpha(0.3)))
        case .image, .errorBars, .text, .boxes: return nil
        }
    }
}

/// Draws a legend box as matplotlib's: an optional title centred above the entries,
/// handles two font sizes long, a rounded translucent
/// white frame (unless `frameon=False`), entries filling `ncols` columns top to bottom, placed
/// at `loc` inside the anchor box (the axes, or `bbox_to_anchor`) padded by half a font size;
/// `loc=(x, y)` puts the lower-left corner there; `best` takes matplotlib's candidates in the
/// order of their codes and keeps the first of least badness (`LegendObstacles.badness`, as
/// matplotlib's `_find_best_position`).
struct LegendRenderer {
    let entries: [LegendEntry]
    let spec: LegendSpec

    /// matplotlib's legend spacings, in font sizes.
    private var size: Double { spec.fontSize }
    private var pad: Double { spec.spacing("borderpad") }
    private var handleLength: Double { spec.spacing("handlelength") }
    private var handleGap: Double { spec.spacing("handletextpad") }
    private var rowGap: Double { spec.spacing("labelspacing") }
    private var columnGap: Double { spec.spacing("columnspacing") }
    /// Longer labels are cut with an ellipsis so a legend cannot outgrow its figure.
    static let maximumLabelLength = 60

    func render(in frame: Rect, avoiding obstacles: LegendObstacles, into w: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        let entries = self.entries.map { entry -> LegendEntry in
            var shortened = entry
            if entry.label.count > LegendRenderer.maximumLabelLength {
                shortened.label = String(entry.label.prefix(LegendRenderer.maximumLabelLength - 1)) + "…"
            }
            return shortened
        }
        let columns = min(spec.columns, entries.count)
        let rows = (entries.count + columns - 1) / columns
        let columnWidths = (0..<columns).map { column in
            handleLength + handleGap + (entries[(column * rows)..<min((column + 1) * rows, entries.count)]
                .map { TextMetrics.width($0.label, size: size) }.max() ?? 0)
        }
        let entriesWidth = columnWidths.reduce(0, +) + Double(columns - 1) * columnGap
        // matplotlib stacks the title above the entries, a label spacing apart, both centred.
        let titleWidth = spec.title.map { TextMetrics.width($0, size: spec.titleFontSize) } ?? 0
        let titleHeight = spec.title == nil ? 0 : spec.titleFontSize * 1.2 + rowGap
        let width = 2 * pad + max(entriesWidth, titleWidth)
        let height = 2 * pad + titleHeight + Double(rows) * size * 1.2 + Double(rows - 1) * rowGap
        let box = place(width: width, height: height, in: frame, avoiding: obstacles)
        let c = Num.coord
        w.element("g", [("class", "legend")], close: false)
        if spec.frameOn {
            w.element("rect", [("x", c(box.x)), ("y", c(box.y)), ("width", c(box.width)), ("height", c(box.height)),
                               ("rx", "2"), ("fill", "#fff"), ("fill-opacity", "0.8"),
                               ("stroke", Palette.legendEdge.hexString), ("stroke-width", "0.8")])
        }
        if let title = spec.title {
            w.text(title, x: box.x + box.width / 2, y: box.y + pad + spec.titleFontSize * 0.6, anchor: .middle,
                   baseline: .center, size: spec.titleFontSize == Style.fontSize ? nil : spec.titleFontSize)
        }
        var left = box.x + pad + (box.width - 2 * pad - entriesWidth) / 2
        for column in 0..<columns {
            for row in 0..<rows {
                let index = column * rows + row
                guard index < entries.count else { break }
                let midY = box.y + pad + titleHeight + Double(row) * (size * 1.2 + rowGap) + size * 0.6
                drawHandle(entries[index].handle, x: left, midY: midY, into: &w)
                w.text(entries[index].label, x: left + handleLength + handleGap, y: midY, baseline: .center,
                       size: size == Style.fontSize ? nil : size)
            }
            left += columnWidths[column] + columnGap
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
            w.element("rect", [("x", c(x)), ("y", c(midY - 0.35 * size)), ("width", c(handleLength)), ("height", c(0.7 * size))]
                      + Paint.fill(color))
        }
    }

    /// The anchor box in canvas points: the axes frame, or `bbox_to_anchor` in axes fractions.
    private func anchorBox(_ f: Rect) -> Rect {
        guard let b = spec.bboxToAnchor else { return f }
        let width = b.count == 4 ? b[2] * f.width : 0, height = b.count == 4 ? b[3] * f.height : 0
        return Rect(x: f.x + b[0] * f.width, y: f.maxY - b[1] * f.height - height, width: width, height: height)
    }

    /// The box for the spec's placement; `best` tries matplotlib's candidates in order, fewest points wins.
    private func place(width: Double, height: Double, in f: Rect, avoiding obstacles: LegendObstacles) -> Rect {
        let anchor = anchorBox(f)
        if let point = spec.point {
            return Rect(x: anchor.x + point.x * anchor.width, y: anchor.maxY - point.y * anchor.height - height,
                        width: width, height: height)
        }
        // matplotlib's borderaxespad: half a font size inside the anchor box.
        let inset = spec.spacing("borderaxespad")
        func box(_ loc: LegendLocation) -> Rect {
            let (ax, ay) = loc.alignment
            let x = anchor.x + inset + ax * (anchor.width - 2 * inset - width)
            let y = anchor.maxY - inset - height - ay * (anchor.height - 2 * inset - height)
            return Rect(x: x, y: y, width: width, height: height)
        }
        guard spec.location == .best else { return box(spec.location) }
        var best = box(.upperRight), fewest = Int.max
        for candidate in LegendLocation.codes.dropFirst() {
            let r = box(candidate)
            let covered = obstacles.badness(r)
            if covered < fewest {
                fewest = covered
                best = r
            }
            if covered == 0 { break }
        }
        return best
    }
}
