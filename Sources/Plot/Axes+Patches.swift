/// Filled marks: `bar`, `hist`, `fill_between`.
extension Axes {
    /// Adds bars centred on `x` (`plt.bar`); grouped bars are several calls with shifted `x`.
    /// With `yerr`, black error bars of ± `yerr` (caps of `capsize` points) top each bar.
    mutating func bar(x: [Double], heights: [Double], width: Double, bottom: [Double]?, yerr: [Double]? = nil,
                      capsize: Double = 0, style: SeriesStyle) throws {
        let call = "bar"
        try Validate.sameLength(call, x, heights, "x", "height")
        try Validate.positive(call, "width", width)
        let bottoms = bottom ?? Array(repeating: 0, count: x.count)
        try Validate.sameLength(call, x, bottoms, "x", "bottom")
        if let yerr {
            try Validate.sameLength(call, x, yerr, "x", "yerr")
            if yerr.contains(where: { $0 < 0 }) { throw PlotError("\(call): yerr must not be negative") }
        }
        if !(capsize.isFinite && capsize >= 0) {
            throw PlotError("\(call): capsize must be a non-negative number, got \(capsize)")
        }
        let color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
        try add(.bars(BarMark(x: x, heights: heights, widths: Array(repeating: width, count: x.count),
                                   bottoms: bottoms, color: color, edge: nil, label: style.label)), call: call)
        if let yerr {
            let tops = zip(bottoms, heights).map { $0 + $1 }
            try add(.errorBars(ErrorBarMark(x: x, y: tops, xerr: nil, yerr: yerr, color: Palette.ink, width: 1.5,
                                            capsize: capsize)), call: call)
        }
    }

    /// Adds a histogram of the finite `values` over `edges` (`plt.hist`) and returns the
    /// counts (or densities) per bin. The last bin includes its right edge, as numpy's.
    /// `histtype` is `"bar"` (filled bins), `"step"` (an unfilled outline, for overlaying
    /// distributions) or `"stepfilled"`.
    mutating func hist(values: [Double], edges: [Double], density: Bool, histtype: String = "bar",
                       style: SeriesStyle) throws -> [Double] {
        let call = "hist"
        guard ["bar", "step", "stepfilled"].contains(histtype) else {
            throw PlotError("\(call): histtype must be 'bar', 'step' or 'stepfilled', got '\(histtype)'")
        }
        let counts = try Histogram.counts(values, edges: edges, density: density, call: call)
        let color = (try style.resolveColor(call) ?? nextPatchColor()).withAlpha(style.alpha)
        if histtype != "bar" {
            var xs = [edges[0]], ys = [0.0]
            for (i, count) in counts.enumerated() {
                xs += [edges[i], edges[i + 1]]
                ys += [count, count]
            }
            xs.append(edges[edges.count - 1])
            ys.append(0)
            if histtype == "step" {
                try add(.line(LineMark(x: xs, y: ys, color: color, width: try style.resolveWidth(call) ?? 1.5,
                                       style: .solid, marker: .none, markerSize: 0, label: style.label)), call: call)
            } else {
                try add(.band(BandMark(x: xs, y1: ys, y2: Array(repeating: 0, count: xs.count), color: color,
                                       label: style.label)), call: call)
            }
            return counts
        }
        let centres = (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 }
        let widths = (0..<counts.count).map { edges[$0 + 1] - edges[$0] }
        try add(.bars(BarMark(x: centres, heights: counts, widths: widths,
                                   bottoms: Array(repeating: 0, count: counts.count), color: color,
                                   edge: Color(hex: 0xFFFFFF), label: style.label)), call: call)
        return counts
    }

    /// Shades the region between `y1` and `y2` over `x` (`plt.fill_between`), as matplotlib's
    /// PolyCollection: `color` sets face and edge, `facecolor`/`edgecolor` each; the face
    /// defaults to the next patch colour, the edge to none; `linewidth` (1) and `linestyle`
    /// style the edge. With `where`, only runs of points where it is true are filled.
    mutating func fillBetween(x: [Double], y1: [Double], y2: [Double], where mask: [Bool]? = nil, style: SeriesStyle) throws {
        let call = "fill_between"
        try Validate.sameLength(call, x, y1, "x", "y1")
        try Validate.sameLength(call, x, y2, "x", "y2")
        if let mask, mask.count != x.count {
            throw PlotError("\(call): where has \(mask.count) values but x has \(x.count)")
        }
        let width = try style.resolveWidth(call) ?? 1
        let lineStyle = try style.resolveLineStyle(call) ?? .solid
        let (face, edge) = try style.resolveFill(call) { nextPatchColor() }
        try add(.band(BandMark(x: x, y1: y1, y2: y2, paint: FillStyle(face: face, edge: edge, width: width, style: lineStyle),
                               label: style.label, mask: mask)), call: call)
    }
}

/// Binning for histograms.
enum Histogram {
    /// `bins` equal-width edges spanning the finite values (or `range`), as numpy's: a constant
    /// sample gets the range value ± 0.5; no finite values gives 0...1.
    static func edges(_ values: [Double], bins: Int, range: (Double, Double)?) throws -> [Double] {
        guard bins >= 1 else { throw PlotError("hist: bins must be at least 1, got \(bins)") }
        guard bins <= 100_000 else { throw PlotError("hist: at most 100000 bins, got \(bins)") }
        var lo: Double, hi: Double
        if let range {
            guard range.0.isFinite, range.1.isFinite, range.0 < range.1 else {
                throw PlotError("hist: range must be two finite numbers, lowest first, got (\(range.0), \(range.1))")
            }
            (lo, hi) = range
        } else {
            var extent = Extent()
            extent.add(values)
            (lo, hi) = extent.isEmpty ? (0, 1) : (extent.lo, extent.hi)
            if hi == lo { (lo, hi) = (lo - 0.5, hi + 0.5) }
        }
        return (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) }
    }

    /// Counts of the finite values in each bin of `edges` (ascending, at least 2).
    static func counts(_ values: [Double], edges: [Double], density: Bool, call: String) throws -> [Double] {
        guard edges.count >= 2 else { throw PlotError("\(call): need at least 2 bin edges, got \(edges.count)") }
        for i in 1..<edges.count where !(edges[i] > edges[i - 1]) || !edges[i].isFinite || !edges[0].isFinite {
            throw PlotError("\(call): bin edges must be finite and increasing")
        }
        var counts = Array(repeating: 0.0, count: edges.count - 1)
        let lo = edges[0], hi = edges[edges.count - 1]
        var total = 0.0
        for v in values where v.isFinite && v >= lo && v <= hi {
            var a = 0, b = edges.count - 1
            while b - a > 1 {
                let mid = (a + b) / 2
                if v >= edges[mid] { a = mid } else { b = mid }
            }
            counts[a] += 1
            total += 1
        }
        if density && total > 0 {
            for i in counts.indices { counts[i] /= total * (edges[i + 1] - edges[i]) }
        }
        return counts
    }
}
