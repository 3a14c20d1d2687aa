/// Violin plots.
extension Axes {
    /// Adds one violin per dataset (`plt.violinplot`), at `positions` (default 1, 2, …), each
    /// a Gaussian kernel density estimate (Scott's bandwidth, as matplotlib) scaled so its
    /// widest point is `width` across.
    mutating func violinplot(_ datasets: [[Double]], positions: [Double]?, width: Double, showMeans: Bool,
                             showMedians: Bool, showExtrema: Bool, style: SeriesStyle) throws {
        let call = "violinplot"
        guard !datasets.isEmpty else { throw PlotError("\(call): no datasets given") }
        let places = positions ?? (1...datasets.count).map(Double.init)
        if places.count != datasets.count {
            throw PlotError("\(call): \(datasets.count) datasets but \(places.count) positions")
        }
        try Validate.positive(call, "widths", width)
        var bodies: [ViolinBody] = []
        for (i, data) in datasets.enumerated() {
            let finite = data.filter(\.isFinite)
            guard !finite.isEmpty else { throw PlotError("\(call): dataset \(i) has no finite values") }
            try Validate.finite(call, "position", places[i])
            bodies.append(Density.violin(finite, at: places[i], halfWidth: width / 2))
        }
        // As matplotlib: one colour from the line cycle; bodies filled with it at alpha 0.3.
        let color = (try style.resolveColor(call) ?? nextLineColor()).withAlpha(style.alpha)
        var mark = ViolinMark(bodies: bodies, color: color, halfWidth: width / 2, showExtrema: showExtrema,
                              showMeans: showMeans, showMedians: showMedians, label: style.label)
        // matplotlib sets the bodies' alpha to 0.3 (the artist's alpha, kept by set_facecolor).
        let body = FillStyle(face: color, edge: color, width: 0.8, style: .solid, alpha: color.alpha < 1 ? color.alpha : 0.3)
        mark.bodyStyles = bodies.map { _ in body }
        let line = StrokeStyle(color: color, width: 1, style: .solid)
        for part in ViolinParts.keys(showMeans: showMeans, showMedians: showMedians, showExtrema: showExtrema) {
            mark.lineStyles[part] = line
        }
        try add(.violin(mark), call: call)
    }
}

/// The parts of a violin plot, as matplotlib's dict names them.
public enum ViolinParts {
    /// The keys of the line parts shown, in matplotlib's order.
    public static func keys(showMeans: Bool, showMedians: Bool, showExtrema: Bool) -> [String] {
        (showMeans ? ["cmeans"] : []) + (showExtrema ? ["cmaxes", "cmins", "cbars"] : []) + (showMedians ? ["cmedians"] : [])
    }
}

/// Kernel density estimates for violins.
enum Density {
    /// Evaluation points per violin, as matplotlib's default.
    static let points = 100

    /// A violin body for finite, non-empty `data`.
    static func violin(_ data: [Double], at position: Double, halfWidth: Double) -> ViolinBody {
        let sorted = data.sorted()
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        let lo = sorted[0], hi = sorted[sorted.count - 1]
        let variance = sorted.count > 1 ? sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let bandwidth = variance.squareRoot() * inverseFifthRoot(n)
        guard hi > lo, bandwidth > 0, bandwidth.isFinite else {
            return ViolinBody(position: position, levels: [lo, hi], halfWidths: [halfWidth, halfWidth],
                              minimum: lo, maximum: hi, mean: mean, median: median)
        }
        let levels = (0..<points).map { lo + (hi - lo) * Double($0) / Double(points - 1) }
        let support = weightedSupport(sorted, lo: lo, hi: hi)
        var densities = levels.map { level in
            support.reduce(0.0) { sum, point in
                sum + point.weight * gaussian((level - point.value) / bandwidth)
            }
        }
        let peak = densities.max() ?? 1
        if peak > 0 { densities = densities.map { $0 / peak * halfWidth } }
        return ViolinBody(position: position, levels: levels, halfWidths: densities,
                          minimum: lo, maximum: hi, mean: mean, median: median)
    }

    /// The samples as (value, weight) pairs; above 2,048 samples, binned into 2,048 equal bins
    /// (their centres weighted by counts), which keeps large datasets fast and changes the
    /// estimate by far less than a pixel.
    static func weightedSupport(_ sorted: [Double], lo: Double, hi: Double) -> [(value: Double, weight: Double)] {
        let bins = 2_048
        guard sorted.count > bins, hi > lo else { return sorted.map { ($0, 1) } }
        var counts = Array(repeating: 0.0, count: bins)
        let width = (hi - lo) / Double(bins)
        for v in sorted {
            counts[min(max(Int((v - lo) / width), 0), bins - 1)] += 1
        }
        return counts.indices.compactMap { i in
            counts[i] > 0 ? (lo + (Double(i) + 0.5) * width, counts[i]) : nil
        }
    }

    /// exp(-u²/2) without Foundation: exp by squaring of a series for small arguments.
    static func gaussian(_ u: Double) -> Double {
        let a = u * u / 2
        if a > 40 { return 0 }
        return expNeg(a)
    }

    /// e^(-a) for a ≥ 0: halve until small, Taylor series, square back.
    static func expNeg(_ a: Double) -> Double {
        var x = a, halvings = 0
        while x > 0.5 { x /= 2; halvings += 1 }
        var term = 1.0, sum = 1.0
        for k in 1...12 { term *= -x / Double(k); sum += term }
        for _ in 0..<halvings { sum *= sum }
        return sum
    }

    /// n^(-1/5) for n ≥ 1 (Scott's factor in one dimension), by Newton's method on y⁵ = 1/n.
    static func inverseFifthRoot(_ n: Double) -> Double {
        let target = 1 / n
        var y = 1.0
        for _ in 0..<200 {
            let y4 = y * y * y * y
            let next = y - (y4 * y - target) / (5 * y4)
            if abs(next - y) < 1e-15 { return next }
            y = next
        }
        return y
    }
}
