/// The finite extent of some data along one axis, and values the view must not pass when
/// adding margins ("sticky edges": the zero line under bars, the border of an image).
struct Extent: Sendable {
    var lo = Double.infinity, hi = -Double.infinity
    var sticky: [Double] = []

    /// Whether no finite value was added.
    var isEmpty: Bool { lo > hi }

    /// Widens the extent to include `value` if it is finite.
    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        lo = min(lo, value)
        hi = max(hi, value)
    }

    /// Widens the extent to include every finite value.
    mutating func add(_ values: [Double]) {
        for value in values { add(value) }
    }

    /// Automatic view limits, as matplotlib: 5% margins that stop at sticky edges; a
    /// constant expanded to ±5% of its value (±0.05 around zero); no data gives 0...1.
    func viewLimits(margin: Double = 0.05) -> (lo: Double, hi: Double) {
        if isEmpty { return (0, 1) }
        var a = lo, b = hi
        if b - a <= 1e-12 * max(abs(a), abs(b)) {
            let delta = a == 0 ? 0.05 : 0.05 * abs(a)
            a -= delta
            b += delta
            if !(b > a) { return (a - 1, a + 1) }
        }
        let span = b - a
        var viewLo = a - margin * span, viewHi = b + margin * span
        for edge in sticky {
            if edge <= a && edge > viewLo { viewLo = edge }
            if edge >= b && edge < viewHi { viewHi = edge }
        }
        if !viewLo.isFinite || !viewHi.isFinite { return (a, b) }
        return (viewLo, viewHi)
    }
}

extension Axes {
    /// The data extents of the 2-D marks along x and y.
    func extents() -> (x: Extent, y: Extent) {
        var x = Extent(), y = Extent()
        for mark in marks {
            switch mark {
            case .line(let m):
                x.add(m.x)
                y.add(m.y)
            case .scatter(let m):
                x.add(m.x)
                y.add(m.y)
            case .bars(let m):
                for i in m.x.indices where m.x[i].isFinite && m.heights[i].isFinite {
                    x.add(m.x[i] - m.widths[i] / 2)
                    x.add(m.x[i] + m.widths[i] / 2)
                    y.add(m.bottoms[i])
                    y.add(m.bottoms[i] + m.heights[i])
                    y.sticky.append(m.bottoms[i])
                }
            case .band(let m):
                x.add(m.x)
                y.add(m.y1)
                y.add(m.y2)
            case .reference(let m):
                if m.vertical { x.add(m.value) } else { y.add(m.value) }
            case .image(let m):
                x.add(-0.5)
                x.add(Double(m.cols) - 0.5)
                y.add(-0.5)
                y.add(Double(m.rows) - 0.5)
                x.sticky += [-0.5, Double(m.cols) - 0.5]
                y.sticky += [-0.5, Double(m.rows) - 0.5]
            case .violin(let m):
                for body in m.bodies {
                    x.add(body.position - m.halfWidth)
                    x.add(body.position + m.halfWidth)
                    y.add(body.minimum)
                    y.add(body.maximum)
                }
            case .line3D:
                break
            }
        }
        return (x, y)
    }

    /// The x and y view limits: automatic limits overridden by any the caller set.
    /// `lo > hi` (an inverted axis) is kept as given.
    func viewLimits() -> (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double)) {
        let (x, y) = extents()
        return (Axes.resolve(x.viewLimits(), xlim), Axes.resolve(y.viewLimits(), ylim))
    }

    /// Applies the caller's limits on top of automatic ones, keeping the result non-degenerate.
    static func resolve(_ auto: (lo: Double, hi: Double), _ user: (lo: Double?, hi: Double?)) -> (lo: Double, hi: Double) {
        let lo = user.lo ?? auto.lo
        var hi = user.hi ?? auto.hi
        if user.hi == nil, user.lo != nil, hi <= lo { hi = lo + max(1, abs(lo) * 0.1) }
        if user.lo == nil, user.hi != nil, hi <= lo { return (hi - max(1, abs(hi) * 0.1), hi) }
        return (lo, hi)
    }
}
