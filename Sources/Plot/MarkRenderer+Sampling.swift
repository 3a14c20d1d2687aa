/// Where marks lie on the canvas, for placing a legend where it hides the least.
extension MarkRenderer {
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
            case .errorBars(let m): take(m.x, m.y)
            case .text(let m): take([m.x], [m.y])
            case .quiver(let m): take(m.x, m.y)
            case .boxes(let m):
                for box in m.boxes {
                    take([box.position, box.position, box.position], [box.low, box.median, box.high])
                }
            case .patch(let m):
                let vertices = m.shape.vertices
                take(vertices.map(\.x), vertices.map(\.y))
            case .reference, .span, .image, .line3D: break
            }
        }
        return points.filter { $0.0.isFinite && $0.1.isFinite }
    }
}
