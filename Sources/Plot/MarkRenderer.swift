/// Draws 2-D marks through an axes' scales. Each series becomes one `<path>` (or `<image>`),
/// which keeps large plots compact.
struct MarkRenderer {
    let plan: AxesPlan

    func render(_ mark: Mark, into w: inout SVGWriter) {
        switch mark {
        case .line(let m): line(m, into: &w)
        case .scatter(let m):
            markers(x: m.x, y: m.y, marker: m.marker, size: m.size, color: m.color, into: &w)
        case .bars(let m): bars(m, into: &w)
        case .band(let m): band(m, into: &w)
        case .reference(let m): reference(m, into: &w)
        case .image(let m): image(m, into: &w)
        case .violin(let m): ViolinRenderer(plan: plan).render(m, into: &w)
        case .line3D: break
        }
    }

    private func line(_ m: LineMark, into w: inout SVGWriter) {
        if m.style != .none && m.width > 0 {
            var path = PathBuilder()
            for p in Decimation.canvasPoints(x: m.x, y: m.y, map: { (plan.x($0), plan.y($1)) }) { path.add(p.0, p.1) }
            if !path.data.isEmpty {
                w.element("path", [("d", path.data), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: m.style))
            }
        }
        markers(x: m.x, y: m.y, marker: m.marker, size: m.markerSize, color: m.color, into: &w)
    }

    /// All markers of a series as one path; markers far outside the frame are left out.
    func markers(x: [Double], y: [Double], marker: Marker, size: Double, color: Color, into w: inout SVGWriter) {
        guard marker != .none else { return }
        var path = PathBuilder()
        let f = plan.frame, slack = size
        for i in x.indices {
            let px = plan.x(x[i]), py = plan.y(y[i])
            guard px.isFinite, py.isFinite, px >= f.x - slack, px <= f.maxX + slack,
                  py >= f.y - slack, py <= f.maxY + slack else { continue }
            path.append(marker.pathData(x: px, y: py, size: size))
        }
        guard !path.data.isEmpty else { return }
        w.element("path", [("d", path.data)] + Paint.marker(marker, color: color))
    }

    private func bars(_ m: BarMark, into w: inout SVGWriter) {
        var path = PathBuilder()
        for i in m.x.indices {
            let x0 = plan.x(m.x[i] - m.widths[i] / 2), x1 = plan.x(m.x[i] + m.widths[i] / 2)
            let y0 = plan.y(m.bottoms[i]), y1 = plan.y(m.bottoms[i] + m.heights[i])
            guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite, m.heights[i] != 0 else { continue }
            let left = min(x0, x1), top = min(y0, y1)
            let c = Num.coord
            path.append("M\(c(left)),\(c(top))h\(c(abs(x1 - x0)))v\(c(abs(y1 - y0)))h\(c(-abs(x1 - x0)))z")
        }
        guard !path.data.isEmpty else { return }
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
            for i in run { path.add(plan.x(m.x[i]), plan.y(m.y1[i])) }
            for i in run.reversed() { path.add(plan.x(m.x[i]), plan.y(m.y2[i])) }
            path.close()
            run = []
        }
        for i in m.x.indices {
            if m.x[i].isFinite && m.y1[i].isFinite && m.y2[i].isFinite { run.append(i) } else { flush() }
        }
        flush()
        guard !path.data.isEmpty else { return }
        w.element("path", [("d", path.data)] + Paint.fill(m.color))
    }

    private func reference(_ m: ReferenceLine, into w: inout SVGWriter) {
        let f = plan.frame, c = Num.coord
        let d = m.vertical
            ? "M\(c(plan.x(m.value))),\(c(f.y))V\(c(f.maxY))"
            : "M\(c(f.x)),\(c(plan.y(m.value)))H\(c(f.maxX))"
        w.element("path", [("d", d), ("fill", "none")] + Paint.stroke(m.color, width: m.width, style: m.style))
    }

    /// A heat map: small ones as one rectangle per cell (crisp in every renderer), larger
    /// ones as an embedded palette PNG drawn with pixelated scaling.
    private func image(_ m: ImageMark, into w: inout SVGWriter) {
        let x0 = plan.x(-0.5), x1 = plan.x(Double(m.cols) - 0.5)
        let y0 = plan.y(-0.5), y1 = plan.y(Double(m.rows) - 0.5)
        if m.rows * m.cols <= HeatMapImage.maximumCellsAsRectangles {
            let c = Num.coord
            let cellWidth = (x1 - x0) / Double(m.cols), cellHeight = (y1 - y0) / Double(m.rows)
            let colors = HeatMapImage.cellColors(m)
            w.element("g", [("shape-rendering", "crispEdges")], close: false)
            for row in 0..<m.rows {
                for col in 0..<m.cols {
                    guard let color = colors[row * m.cols + col] else { continue }
                    let left = x0 + Double(col) * cellWidth, top = y0 + Double(row) * cellHeight
                    w.element("rect", [("x", c(min(left, left + cellWidth))), ("y", c(min(top, top + cellHeight))),
                                       ("width", c(abs(cellWidth))), ("height", c(abs(cellHeight))),
                                       ("fill", color.hexString)])
                }
            }
            w.end("g")
            return
        }
        let href = "data:image/png;base64," + PNGEncoder.base64(HeatMapImage.png(m))
        w.element("image", [
            ("x", Num.coord(min(x0, x1))), ("y", Num.coord(min(y0, y1))),
            ("width", Num.coord(abs(x1 - x0))), ("height", Num.coord(abs(y1 - y0))),
            ("preserveAspectRatio", "none"), ("image-rendering", "optimizeSpeed"),
            ("style", "image-rendering:pixelated"), ("xlink:href", href),
        ])
    }

    /// Canvas points of the marks, for legend placement: vertices (about 500 per mark at most)
    /// and, for lines, points every few points along each segment, so a legend avoids the
    /// lines and not only their vertices.
    func samplePoints(_ marks: [Mark]) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        func take(_ x: [Double], _ y: [Double], joined: Bool = false) {
            let stride = max(1, x.count / 500)
            var previous: (Double, Double)?
            for i in Swift.stride(from: 0, to: min(x.count, y.count), by: stride) {
                let p = (plan.x(x[i]), plan.y(y[i]))
                guard p.0.isFinite, p.1.isFinite else { previous = nil; continue }
                if joined, let q = previous {
                    let steps = min(Int(max(abs(p.0 - q.0), abs(p.1 - q.1)) / 4), 100)
                    for k in Swift.stride(from: 1, to: steps, by: 1) {
                        let t = Double(k) / Double(steps)
                        points.append((q.0 + (p.0 - q.0) * t, q.1 + (p.1 - q.1) * t))
                    }
                }
                points.append(p)
                previous = p
            }
        }
        for mark in marks {
            switch mark {
            case .line(let m): take(m.x, m.y, joined: m.style != .none)
            case .scatter(let m): take(m.x, m.y)
            case .bars(let m):
                take(m.x, zip(m.bottoms, m.heights).map { $0 + $1 })
                take(m.x, zip(m.bottoms, m.heights).map { $0 + $1 / 2 })
            case .band(let m):
                take(m.x, m.y1, joined: true)
                take(m.x, m.y2, joined: true)
            case .violin(let m):
                for body in m.bodies {
                    take(body.levels.map { _ in body.position }, body.levels)
                }
            case .reference, .image, .line3D: break
            }
        }
        return points.filter { $0.0.isFinite && $0.1.isFinite }
    }
}
