/// Draws 2-D marks through an axes' scales. Each series becomes one `<path>` (or `<image>`),
/// which keeps large plots compact.
struct MarkRenderer {
    let plan: AxesPlan

    func render(_ mark: Mark, into w: inout SVGWriter) {
        switch mark {
        case .line(let m): line(m, into: &w)
        case .scatter(let m):
            if let values = m.values, let mapping = m.mapping {
                colorMapped(m, values: values, mapping: mapping, into: &w)
            } else if let colors = m.pointColors {
                // One path per colour, in order of first appearance.
                var order: [String] = [], members: [String: (color: Color, points: [Int])] = [:]
                for (i, color) in colors.enumerated() {
                    let key = color.hexString + Num.unit(color.alpha)
                    if members[key] == nil { order.append(key); members[key] = (color, []) }
                    members[key]?.points.append(i)
                }
                for key in order {
                    guard let group = members[key] else { continue }
                    markers(x: group.points.map { m.x[$0] }, y: group.points.map { m.y[$0] }, marker: m.marker, size: m.size,
                            color: group.color, edge: (m.edgeWidth, m.edgeColor), into: &w)
                }
            } else {
                markers(x: m.x, y: m.y, marker: m.marker, size: m.size, color: m.color, edge: (m.edgeWidth, m.edgeColor), into: &w)
            }
        case .bars(let m): bars(m, into: &w)
        case .band(let m): band(m, into: &w)
        case .reference(let m): reference(m, into: &w)
        case .span(let m): span(m, into: &w)
        case .image(let m): image(m, into: &w)
        case .violin(let m): ViolinRenderer(plan: plan).render(m, into: &w)
        case .boxes(let m): BoxRenderer(plan: plan).render(m, into: &w)
        case .quiver(let m): QuiverRenderer(plan: plan).render(m, into: &w)
        case .errorBars(let m): errorBars(m, into: &w)
        case .text(let m): text(m, into: &w)
        case .patch(let m): patch(m, into: &w)
        case .line3D: break
        }
    }

    private func errorBars(_ m: ErrorBarMark, into w: inout SVGWriter) {
        var path = PathBuilder()
        let c = Num.coord, cap = m.capsize / 2
        for i in m.x.indices {
            let px = plan.x(m.x[i]), py = plan.y(m.y[i])
            if let dy = m.yerr?[i], dy.isFinite, px.isFinite {
                let top = plan.y(m.y[i] + dy), bottom = plan.y.edge(m.y[i] - dy)
                if top.isFinite && bottom.isFinite {
                    path.append("M\(c(px)),\(c(bottom))V\(c(top))")
                    if cap > 0 {
                        path.append("M\(c(px - cap)),\(c(top))h\(c(2 * cap))M\(c(px - cap)),\(c(bottom))h\(c(2 * cap))")
                    }
                }
            }
            if let dx = m.xerr?[i], dx.isFinite, py.isFinite {
                let left = plan.x.edge(m.x[i] - dx), right = plan.x(m.x[i] + dx)
                if left.isFinite && right.isFinite {
                    path.append("M\(c(left)),\(c(py))H\(c(right))")
                    if cap > 0 {
                        path.append("M\(c(left)),\(c(py - cap))v\(c(2 * cap))M\(c(right)),\(c(py - cap))v\(c(2 * cap))")
                    }
                }
            }
        }
        guard !path.isEmpty else { return }
        w.element("path", [("d", path.data), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: .solid))
    }

    /// A text mark (not clipped unless `clip_on=True`, as in matplotlib).
    private func text(_ t: TextMark, into w: inout SVGWriter) {
        let px = plan.x(t.x), py = plan.y(t.y)
        guard px.isFinite, py.isFinite else { return }
        var extra: [(String, String)] = []
        if t.color != Palette.ink { extra = Paint.fill(t.color) }
        w.text(t.text, x: px, y: py, anchor: t.anchor, baseline: t.baseline,
               size: t.size == Style.fontSize ? nil : t.size, weight: t.weight, extra: extra)
    }

    private func line(_ m: LineMark, into w: inout SVGWriter) {
        if m.style != .none && m.width > 0 {
            var path = PathBuilder()
            for p in Decimation.canvasPoints(x: m.x, y: m.y, map: { (plan.x($0), plan.y($1)) }) { path.add(p.0, p.1) }
            if !path.isEmpty {
                w.element("path", [("d", path.data), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: m.style))
            }
        }
        markers(x: m.x, y: m.y, marker: m.marker, size: m.markerSize, color: m.color, into: &w)
    }

    /// All markers of a series as one path; markers far outside the frame are left out.
    func markers(x: [Double], y: [Double], marker: Marker, size: Double, color: Color,
                 edge: (width: Double, color: Color?)? = nil, into w: inout SVGWriter) {
        guard marker != .none else { return }
        var path = PathBuilder()
        let f = plan.frame, slack = size
        // Beyond a few thousand opaque markers, ones landing on an already drawn quarter-point
        // spot add nothing visible; skipping them keeps huge scatters small.
        let thin = x.count > Decimation.threshold && color.alpha >= 1
        var drawn = Set<Int>()
        for i in x.indices {
            let px = plan.x(x[i]), py = plan.y(y[i])
            guard px.isFinite, py.isFinite, px >= f.x - slack, px <= f.maxX + slack,
                  py >= f.y - slack, py <= f.maxY + slack else { continue }
            if thin && !drawn.insert(Int((px * 4).rounded()) &* 1_000_003 &+ Int((py * 4).rounded())).inserted { continue }
            path.append(marker.pathData(x: px, y: py, size: size))
        }
        guard !path.isEmpty else { return }
        w.element("path", [("d", path.data)] + Paint.marker(marker, color: color, edge: edge))
    }

    /// Colour-coded points: one path per colour level, lowest level first.
    private func colorMapped(_ m: ScatterMark, values: [Double], mapping: ColorMapping, into w: inout SVGWriter) {
        var groups = Array(repeating: [Int](), count: ColorMapping.levels + 1)
        for i in values.indices { groups[Int(mapping.index(values[i]))].append(i) }
        let palette = mapping.palette
        for level in 1..<groups.count where !groups[level].isEmpty {
            let members = groups[level]
            markers(x: members.map { m.x[$0] }, y: members.map { m.y[$0] }, marker: m.marker, size: m.size,
                    color: palette[level].withAlpha(m.color.alpha < 1 ? m.color.alpha : nil), edge: (m.edgeWidth, m.edgeColor), into: &w)
        }
    }

    private func bars(_ m: BarMark, into w: inout SVGWriter) {
        var path = PathBuilder()
        for i in m.x.indices {
            let x0 = plan.x(m.x[i] - m.widths[i] / 2), x1 = plan.x(m.x[i] + m.widths[i] / 2)
            let y0 = plan.y.edge(m.bottoms[i]), y1 = plan.y.edge(m.bottoms[i] + m.heights[i])
            guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite, m.heights[i] != 0 else { continue }
            let left = min(x0, x1), top = min(y0, y1)
            let c = Num.coord
            path.append("M\(c(left)),\(c(top))h\(c(abs(x1 - x0)))v\(c(abs(y1 - y0)))h\(c(-abs(x1 - x0)))z")
        }
        guard !path.isEmpty else { return }
        var attributes = [("d", path.data)] + Paint.fill(m.color)
        if let edge = m.edge {
            attributes += [("stroke", edge.hexString), ("stroke-width", "0.5")]
        }
        w.element("path", attributes)
    }

    private func band(_ m: BandMark, into w: inout SVGWriter) {
        var path = PathBuilder()
        var run: [Int] = []
        func flush() {
            guard run.count >= 2 else { run = []; return }
            for i in run { path.add(plan.x(m.x[i]), plan.y.edge(m.y1[i])) }
            for i in run.reversed() { path.add(plan.x(m.x[i]), plan.y.edge(m.y2[i])) }
            path.close()
            run = []
        }
        for i in m.x.indices {
            let kept = m.mask?[i] ?? true
            if kept && m.x[i].isFinite && m.y1[i].isFinite && m.y2[i].isFinite { run.append(i) } else { flush() }
        }
        flush()
        guard !path.isEmpty else { return }
        w.element("path", [("d", path.data)] + m.paint.attributes)
    }

    private func span(_ m: SpanMark, into w: inout SVGWriter) {
        let f = plan.frame, c = Num.coord
        let a = m.vertical ? plan.x.edge(m.lo) : plan.y.edge(m.lo), b = m.vertical ? plan.x(m.hi) : plan.y(m.hi)
        guard a.isFinite, b.isFinite else { return }
        let d = m.vertical
            ? "M\(c(min(a, b))),\(c(f.y))H\(c(max(a, b)))V\(c(f.maxY))H\(c(min(a, b)))z"
            : "M\(c(f.x)),\(c(min(a, b)))V\(c(max(a, b)))H\(c(f.maxX))V\(c(min(a, b)))z"
        w.element("path", [("d", d)] + Paint.fill(m.color))
    }

    private func reference(_ m: ReferenceLine, into w: inout SVGWriter) {
        let f = plan.frame, c = Num.coord
        let d = m.vertical
            ? "M\(c(plan.x(m.value))),\(c(f.y))V\(c(f.maxY))"
            : "M\(c(f.x)),\(c(plan.y(m.value)))H\(c(f.maxX))"
        w.element("path", [("d", d), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: m.style))
    }
}
