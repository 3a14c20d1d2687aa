/// What a legend placed at `loc='best'` should avoid, gathered as matplotlib's
/// `Legend._auto_legend_data` gathers it, in canvas points: the paths of lines, patches and
/// filled collections; the positions of point collections (scatter, arrows); and the boxes
/// of rectangles (bars, spans) and text.
struct LegendObstacles {
    var paths: [[(Double, Double)]] = []
    var offsets: [(Double, Double)] = []
    var boxes: [Rect] = []

    /// matplotlib's badness of a candidate box: vertices and offsets strictly inside, boxes
    /// overlapping it, and one for each path with a segment crossing or inside it.
    func badness(_ r: Rect) -> Int {
        func inside(_ p: (Double, Double)) -> Bool { p.0 > r.x && p.0 < r.maxX && p.1 > r.y && p.1 < r.maxY }
        var count = offsets.reduce(0) { $0 + (inside($1) ? 1 : 0) }
        count += boxes.reduce(0) { $0 + ($1.x < r.maxX && $1.maxX > r.x && $1.y < r.maxY && $1.maxY > r.y ? 1 : 0) }
        for path in paths {
            count += path.reduce(0) { $0 + (inside($1) ? 1 : 0) }
            if zip(path, path.dropFirst()).contains(where: { LegendObstacles.segment($0, $1, meets: r) }) { count += 1 }
        }
        return count
    }

    /// Whether the segment from `a` to `b` touches the rectangle (Liang–Barsky clipping).
    static func segment(_ a: (Double, Double), _ b: (Double, Double), meets r: Rect) -> Bool {
        let dx = b.0 - a.0, dy = b.1 - a.1
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.0 - r.x), (dx, r.maxX - a.0), (-dy, a.1 - r.y), (dy, r.maxY - a.1)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

extension MarkRenderer {
    /// The obstacles of the 2-D marks (at most about 500 vertices per path, non-finite points dropped).
    func legendObstacles(_ marks: [Mark]) -> LegendObstacles {
        var obstacles = LegendObstacles()
        func points(_ x: [Double], _ y: [Double]) -> [(Double, Double)] {
            let step = max(1, x.count / 500)
            return Swift.stride(from: 0, to: min(x.count, y.count), by: step).map { (plan.x(x[$0]), plan.y(y[$0])) }
                .filter { $0.0.isFinite && $0.1.isFinite }
        }
        func box(_ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double) {
            let a = plan.x(x0), b = plan.x(x1), c = plan.y.edge(y0), d = plan.y.edge(y1)
            guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { return }
            obstacles.boxes.append(Rect(x: min(a, b), y: min(c, d), width: abs(b - a), height: abs(d - c)))
        }
        let f = plan.frame
        for mark in marks {
            switch mark {
            case .line(let m): obstacles.paths.append(points(m.x, m.y))
            case .reference(let m):
                obstacles.paths.append(m.vertical ? [(plan.x(m.value), f.y), (plan.x(m.value), f.maxY)]
                                                  : [(f.x, plan.y(m.value)), (f.maxX, plan.y(m.value))])
            case .scatter(let m): obstacles.offsets += points(m.x, m.y)
            case .quiver(let m): obstacles.offsets += points(m.x, m.y)
            case .bars(let m):
                for i in m.x.indices { box(m.x[i] - m.widths[i] / 2, m.x[i] + m.widths[i] / 2, m.bottoms[i], m.bottoms[i] + m.heights[i]) }
            case .span(let m):
                let a = m.vertical ? plan.x.edge(m.lo) : plan.y.edge(m.lo), b = m.vertical ? plan.x(m.hi) : plan.y(m.hi)
                guard a.isFinite, b.isFinite else { continue }
                obstacles.boxes.append(m.vertical ? Rect(x: min(a, b), y: f.y, width: abs(b - a), height: f.height)
                                                  : Rect(x: f.x, y: min(a, b), width: f.width, height: abs(b - a)))
            case .band(let m): obstacles.paths.append(points(m.x + m.x.reversed(), m.y1 + m.y2.reversed()))
            case .violin(let m):
                for body in m.bodies {
                    let xs = body.halfWidths.map { body.position + $0 } + body.halfWidths.reversed().map { body.position - $0 }
                    obstacles.paths.append(points(xs, body.levels + body.levels.reversed()))
                }
            case .patch(let m):
                if case let .rectangle(x, y, w, h) = m.shape.kind { box(x, x + w, y, y + h) } else {
                    let vertices = m.shape.vertices
                    obstacles.paths.append(points(vertices.map(\.x) + [vertices[0].x], vertices.map(\.y) + [vertices[0].y]))
                }
            case .boxes(let m):
                for b in m.boxes {
                    box(b.position - m.halfWidth, b.position + m.halfWidth, b.q1, b.q3)
                    obstacles.paths.append(points([b.position, b.position], [b.low, b.q1]))
                    obstacles.paths.append(points([b.position, b.position], [b.q3, b.high]))
                }
            case .text(let m):
                let px = plan.x(m.x), py = plan.y(m.y), width = TextMetrics.width(m.text, size: m.size)
                guard px.isFinite, py.isFinite else { continue }
                let left = m.anchor == .start ? px : m.anchor == .middle ? px - width / 2 : px - width
                let baseline = py + m.baseline.shift * m.size
                obstacles.boxes.append(Rect(x: left, y: baseline - 0.76 * m.size, width: width, height: m.size))
            case .errorBars, .image, .line3D: break
            }
        }
        return obstacles
    }
}
