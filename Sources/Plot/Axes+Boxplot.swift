/// Summary statistics of one box in a box plot, as matplotlib computes them.
struct BoxStats: Sendable {
    var position: Double
    var q1: Double, median: Double, q3: Double
    /// Whisker ends: the furthest data within 1.5 IQR of the box.
    var low: Double, high: Double
    /// Points beyond the whiskers.
    var fliers: [Double]

    /// Statistics of finite, non-empty `data` (quartiles interpolated linearly, as numpy's).
    init(_ data: [Double], position: Double) {
        let sorted = data.sorted()
        func quantile(_ q: Double) -> Double {
            let index = q * Double(sorted.count - 1)
            let below = Int(index.rounded(.down)), above = min(below + 1, sorted.count - 1)
            let fraction = index - Double(below)
            return sorted[below] + (sorted[above] - sorted[below]) * fraction
        }
        let lower = quantile(0.25), upper = quantile(0.75)
        let reach = 1.5 * (upper - lower)
        self.position = position
        q1 = lower
        median = quantile(0.5)
        q3 = upper
        low = sorted.first { $0 >= lower - reach } ?? lower
        high = sorted.last { $0 <= upper + reach } ?? upper
        fliers = sorted.filter { $0 < lower - reach || $0 > upper + reach }
    }
}

/// Box-and-whisker plots (`plt.boxplot`).
struct BoxMark: Sendable {
    var boxes: [BoxStats]
    var halfWidth: Double
    var showFliers: Bool
}

extension Axes {
    /// Adds one box per dataset at `positions` (default 1, 2, …), `width` wide: the box spans
    /// the quartiles, a line marks the median, whiskers reach the furthest points within
    /// 1.5 IQR, and points beyond are drawn as open circles unless `showFliers` is false.
    mutating func boxplot(_ datasets: [[Double]], positions: [Double]?, width: Double, showFliers: Bool) throws {
        let call = "boxplot"
        guard !datasets.isEmpty else { throw PlotError("\(call): no datasets given") }
        let places = positions ?? (1...datasets.count).map(Double.init)
        if places.count != datasets.count {
            throw PlotError("\(call): \(datasets.count) datasets but \(places.count) positions")
        }
        try Validate.positive(call, "widths", width)
        var boxes: [BoxStats] = []
        for (i, data) in datasets.enumerated() {
            let finite = data.filter(\.isFinite)
            guard !finite.isEmpty else { throw PlotError("\(call): dataset \(i) has no finite values") }
            try Validate.finite(call, "position", places[i])
            boxes.append(BoxStats(finite, position: places[i]))
        }
        try add(.boxes(BoxMark(boxes: boxes, halfWidth: width / 2, showFliers: showFliers)), call: call)
    }
}

/// Draws box plots in matplotlib's default look: black outlines, an orange median line,
/// open-circle fliers.
struct BoxRenderer {
    let plan: AxesPlan

    func render(_ m: BoxMark, into w: inout SVGWriter) {
        var outlines = PathBuilder(), medians = PathBuilder(), fliers = PathBuilder()
        let c = Num.coord
        for box in m.boxes {
            let left = plan.x(box.position - m.halfWidth), right = plan.x(box.position + m.halfWidth)
            let centre = plan.x(box.position)
            let capLeft = plan.x(box.position - m.halfWidth / 2), capRight = plan.x(box.position + m.halfWidth / 2)
            let q1 = plan.y(box.q1), q3 = plan.y(box.q3)
            guard [left, right, centre, q1, q3].allSatisfy(\.isFinite) else { continue }
            outlines.append("M\(c(left)),\(c(q1))H\(c(right))V\(c(q3))H\(c(left))z")
            outlines.append("M\(c(centre)),\(c(q1))V\(c(plan.y(box.low)))M\(c(capLeft)),\(c(plan.y(box.low)))H\(c(capRight))")
            outlines.append("M\(c(centre)),\(c(q3))V\(c(plan.y(box.high)))M\(c(capLeft)),\(c(plan.y(box.high)))H\(c(capRight))")
            medians.append("M\(c(left)),\(c(plan.y(box.median)))H\(c(right))")
            if m.showFliers {
                for v in box.fliers { fliers.append(Marker.circle.pathData(x: centre, y: plan.y(v), size: 6)) }
            }
        }
        if !outlines.isEmpty {
            w.element("path", [("d", outlines.data), ("fill", "none"), ("stroke", "#000"), ("stroke-width", "1")])
        }
        if !medians.isEmpty {
            w.element("path", [("d", medians.data), ("fill", "none"), ("stroke", Palette.color(at: 1).hexString),
                               ("stroke-width", "1.5")])
        }
        if !fliers.isEmpty {
            w.element("path", [("d", fliers.data), ("fill", "none"), ("stroke", "#000"), ("stroke-width", "1")])
        }
    }
}
