/// The finite extent of some data along one axis, and values the view must not pass when
/// adding margins ("sticky edges": the zero line under bars, the border of an image).
struct Extent: Sendable {
    var lo = Double.infinity, hi = -Double.infinity
    /// The smallest positive value (for log axes).
    var positiveLo = Double.infinity
    var sticky: [Double] = []

    /// Whether no finite value was added.
    var isEmpty: Bool { lo > hi }

    /// Widens the extent to include `value` if it is finite.
    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        lo = min(lo, value)
        hi = max(hi, value)
        if value > 0 { positiveLo = min(positiveLo, value) }
    }

    /// Widens the extent to include every finite value.
    mutating func add(_ values: [Double]) {
        for value in values { add(value) }
    }

    /// Automatic limits on a log axis: the positive values with 5% margins in log space;
    /// 1...10 when there are none.
    func logViewLimits(margin: Double = 0.05) -> (lo: Double, hi: Double) {
        guard positiveLo.isFinite, hi > 0 else { return (1, 10) }
        var l0 = Log.log10(positiveLo), l1 = Log.log10(hi)
        if l1 - l0 < 1e-9 {
            l0 -= 0.5
            l1 += 0.5
        }
        let span = l1 - l0
        return (Log.pow10(l0 - margin * span), Log.pow10(l1 + margin * span))
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
            case .boxes(let m):
                for box in m.boxes {
                    x.add(box.position - m.halfWidth)
                    x.add(box.position + m.halfWidth)
                    y.add(box.low)
                    y.add(box.high)
                    if m.showFliers { y.add(box.fliers) }
                }
            case .quiver(let m):
                x.add(m.x)
                y.add(m.y)
                x.add(zip(m.x, m.u).map { $0 + $1 * m.scale })
                y.add(zip(m.y, m.v).map { $0 + $1 * m.scale })
            case .span(let m):
                if m.vertical {
                    x.add(m.lo)
                    x.add(m.hi)
                } else {
                    y.add(m.lo)
                    y.add(m.hi)
                }
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
            case .errorBars(let m):
                for i in m.x.indices {
                    let dx = m.xerr?[i] ?? 0, dy = m.yerr?[i] ?? 0
                    x.add(m.x[i] - dx)
                    x.add(m.x[i] + dx)
                    y.add(m.y[i] - dy)
                    y.add(m.y[i] + dy)
                }
            case .patch(let m):
                let vertices = m.shape.vertices
                x.add(vertices.map(\.x))
                y.add(vertices.map(\.y))
            case .line3D, .text:
                break
            }
        }
        return (x, y)
    }

    /// The x and y view limits: automatic limits overridden by any the caller set.
    /// `lo > hi` (an inverted axis) is kept as given.
    func viewLimits() -> (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double)) {
        let (x, y) = extents()
        let xAuto = xscale == .log ? x.logViewLimits(margin: margins.x) : x.viewLimits(margin: margins.x)
        let yAuto = yscale == .log ? y.logViewLimits(margin: margins.y) : y.viewLimits(margin: margins.y)
        let xr = Axes.resolve(xAuto, xlim, log: xscale == .log), yr = Axes.resolve(yAuto, ylim, log: yscale == .log)
        return (invertX ? (xr.hi, xr.lo) : xr, invertY ? (yr.hi, yr.lo) : yr)
    }

    /// Applies the caller's limits on top of automatic ones, keeping the result non-degenerate.
    /// On a log axis, limits ≤ 0 are ignored (as matplotlib does, with a warning there).
    static func resolve(_ auto: (lo: Double, hi: Double), _ given: (lo: Double?, hi: Double?),
                        log: Bool = false) -> (lo: Double, hi: Double) {
        var user = given
        if log {
            if let lo = user.lo, lo <= 0 { user.lo = nil }
            if let hi = user.hi, hi <= 0 { user.hi = nil }
        }
        let lo = user.lo ?? auto.lo
        var hi = user.hi ?? auto.hi
        if user.hi == nil, user.lo != nil, hi <= lo { hi = log ? lo * 10 : lo + max(1, abs(lo) * 0.1) }
        if user.lo == nil, user.hi != nil, hi <= lo { return (log ? hi / 10 : hi - max(1, abs(hi) * 0.1), hi) }
        return (lo, hi)
    }
}
