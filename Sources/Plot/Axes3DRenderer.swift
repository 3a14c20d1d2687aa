/// Draws a 3-D axes in the fixed view of `Projection3D`: grey back panes with grid lines,
/// the three axes with ticks and labels along the front edges, then the data.
struct Axes3DRenderer {
    let axes: Axes
    let frame: Rect

    func render(into w: inout SVGWriter) {
        var ex = Extent(), ey = Extent(), ez = Extent()
        let lines = axes.marks.compactMap { mark -> Line3DMark? in
            if case .line3D(let m) = mark { return m } else { return nil }
        }
        for m in lines {
            ex.add(m.x)
            ey.add(m.y)
            ez.add(m.z)
        }
        let xl = Axes.resolve(ex.viewLimits(), axes.xlim), yl = Axes.resolve(ey.viewLimits(), axes.ylim)
        let zl = Axes.resolve(ez.viewLimits(), axes.zlim)
        let view = Projection3D(x: xl, y: yl, z: zl, frame: frame, view: axes.view)
        let ticks = [xl, yl, zl].map { TickLocator.ticks(lo: min($0.lo, $0.hi), hi: max($0.lo, $0.hi), maxCount: 5, minCount: 3) }
        w.element("g", [("class", "axes3d")], close: false)
        drawPanes(view, into: &w)
        drawGrid(view, ticks: ticks, into: &w)
        // Axes along the front edges of the floor (x and y) and up the front edge of the side
        // wall (z); in the default view: x at (y min, z min), y at (x max, z min), z at (x min, y min).
        let frontX = -view.xWall, frontY = -view.yWall, floor = view.floor
        let axisEdges: [((Double) -> (Double, Double, Double), String?)] = [
            ({ (view.normalised($0, yl.lo, zl.lo).0, frontY, floor) }, axes.xlabel),
            ({ (frontX, view.normalised(xl.lo, $0, zl.lo).1, floor) }, axes.ylabel),
            ({ (view.xWall, frontY, view.normalised(xl.lo, yl.lo, $0).2) }, axes.zlabel),
        ]
        let midpoints = [(0.0, frontY, floor), (frontX, 0.0, floor), (view.xWall, frontY, 0.0)]
        let limits = [xl, yl, zl]
        for axis in 0..<3 {
            drawAxis(view, ticks: ticks[axis], limits: limits[axis], at: axisEdges[axis].0, midpoint: midpoints[axis],
                     label: axisEdges[axis].1, into: &w)
        }
        for m in lines { drawData(m, view, into: &w) }
        if let title = axes.title {
            w.text(title, x: frame.midX, y: frame.y - Style.titlePad, anchor: .middle, baseline: .bottom, size: axes.titleSize)
        }
        if axes.legend != nil {
            var points: [(Double, Double)] = []
            for m in lines {
                for i in Swift.stride(from: 0, to: m.x.count, by: max(1, m.x.count / 500)) { points.append(view(m.x[i], m.y[i], m.z[i])) }
            }
            LegendRenderer(entries: LegendEntry.entries(for: axes.marks, chosen: axes.legend?.handles), spec: axes.legend ?? .standard)
                .render(in: view.boxBounds, avoiding: LegendObstacles(offsets: points.filter { $0.0.isFinite && $0.1.isFinite }), into: &w)
        }
        w.end("g")
    }

    private func polygon(_ view: Projection3D, _ corners: [(Double, Double, Double)]) -> String {
        var path = PathBuilder()
        for c in corners {
            let p = view.canvas(c.0, c.1, c.2)
            path.add(p.0, p.1)
        }
        path.close()
        return path.data
    }

    private func drawPanes(_ view: Projection3D, into w: inout SVGWriter) {
        let h = Projection3D.half
        let f = view.floor, bw = view.yWall, sw = view.xWall
        let floor = [(-h.x, -h.y, f), (h.x, -h.y, f), (h.x, h.y, f), (-h.x, h.y, f)]
        let back = [(-h.x, bw, -h.z), (h.x, bw, -h.z), (h.x, bw, h.z), (-h.x, bw, h.z)]
        let side = [(sw, -h.y, -h.z), (sw, h.y, -h.z), (sw, h.y, h.z), (sw, -h.y, h.z)]
        let d = [floor, back, side].map { polygon(view, $0) }.joined()
        w.element("path", [("d", d), ("fill", Palette.pane.hexString), ("stroke", "#d9d9d9"), ("stroke-width", "0.8")])
    }

    private func drawGrid(_ view: Projection3D, ticks: [Ticks], into w: inout SVGWriter) {
        let h = Projection3D.half
        var path = PathBuilder()
        func segment(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) {
            let p = view.canvas(a.0, a.1, a.2), q = view.canvas(b.0, b.1, b.2)
            path.lift()
            path.add(p.0, p.1)
            path.add(q.0, q.1)
        }
        for v in ticks[0].values {
            let u = view.normalised(v, view.y.lo, view.z.lo).0
            segment((u, -h.y, view.floor), (u, h.y, view.floor))
            segment((u, view.yWall, -h.z), (u, view.yWall, h.z))
        }
        for v in ticks[1].values {
            let t = view.normalised(view.x.lo, v, view.z.lo).1
            segment((-h.x, t, view.floor), (h.x, t, view.floor))
            segment((view.xWall, t, -h.z), (view.xWall, t, h.z))
        }
        for v in ticks[2].values {
            let t = view.normalised(view.x.lo, view.y.lo, v).2
            segment((view.xWall, -h.y, t), (view.xWall, h.y, t))
            segment((-h.x, view.yWall, t), (h.x, view.yWall, t))
        }
        guard !path.isEmpty else { return }
        w.element("path", [("d", path.data), ("fill", "none"), ("stroke", "#c8c8c8"), ("stroke-width", "0.6")])
    }

    private func drawAxis(_ view: Projection3D, ticks: Ticks, limits: (lo: Double, hi: Double),
                          at point: (Double) -> (Double, Double, Double), midpoint: (Double, Double, Double),
                          label: String?, into w: inout SVGWriter) {
        let out = view.outward(midpoint.0, midpoint.1, midpoint.2)
        let a = point(limits.lo), b = point(limits.hi)
        var path = PathBuilder()
        let pa = view.canvas(a.0, a.1, a.2), pb = view.canvas(b.0, b.1, b.2)
        path.add(pa.0, pa.1)
        path.add(pb.0, pb.1)
        for v in ticks.values {
            let n = point(v)
            let p = view.canvas(n.0, n.1, n.2)
            path.lift()
            path.add(p.0, p.1)
            path.add(p.0 + out.0 * Style.tickLength, p.1 + out.1 * Style.tickLength)
        }
        w.element("path", [("d", path.data), ("fill", "none"), ("stroke", "#000"), ("stroke-width", Num.coord(Style.spineWidth))])
        let anchor: TextAnchor = out.0 > 0.5 ? .start : (out.0 < -0.5 ? .end : .middle)
        for (v, text) in zip(ticks.values, ticks.labels) {
            let n = point(v)
            let p = view.canvas(n.0, n.1, n.2)
            w.text(text, x: p.0 + out.0 * 8, y: p.1 + out.1 * 10, anchor: anchor, baseline: .center)
        }
        let m = view.canvas(midpoint.0, midpoint.1, midpoint.2)
        if let label {
            w.text(label, x: m.0 + out.0 * 34, y: m.1 + out.1 * 26, anchor: .middle, baseline: .center)
        }
        if let scale = ticks.scaleLabel {
            w.text(scale, x: pb.0 + out.0 * 20, y: pb.1 + out.1 * 24, anchor: .middle, baseline: .center)
        }
    }

    private func drawData(_ m: Line3DMark, _ view: Projection3D, into w: inout SVGWriter) {
        var line = PathBuilder()
        // Markers are grouped by colour, one path per colour in order of first use.
        var colors: [Color] = [], markers: [PathBuilder] = []
        for i in m.x.indices {
            let p = view(m.x[i], m.y[i], m.z[i])
            if m.style != .none { line.add(p.0, p.1) }
            if m.marker != .none, p.0.isFinite, p.1.isFinite {
                let color = m.pointColors?[i] ?? m.color
                let group: Int
                if let found = colors.firstIndex(of: color) { group = found } else {
                    colors.append(color)
                    markers.append(PathBuilder())
                    group = colors.count - 1
                }
                markers[group].append(m.marker.pathData(x: p.0, y: p.1, size: m.markerSize))
            }
        }
        if !line.isEmpty {
            w.element("path", [("d", line.data), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: m.style))
        }
        for (color, path) in zip(colors, markers) where !path.isEmpty {
            w.element("path", [("d", path.data)] + Paint.marker(m.marker, color: color))
        }
    }
}
