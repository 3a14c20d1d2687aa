/// Thins very long lines without changing how they look: consecutive points that fall in the
/// same half-point column are reduced to the first, lowest, highest and last of them (the
/// "M4" rule), so a million-sample trace draws the same envelope in a few thousand points.
enum Decimation {
    /// Lines with more points than this are thinned; shorter ones are drawn point for point.
    static let threshold = 5_000

    /// Canvas points of the line, thinned when long; non-finite points come through as NaN
    /// so the line still breaks there.
    static func canvasPoints(x: [Double], y: [Double], map: (Double, Double) -> (Double, Double)) -> [(Double, Double)] {
        let count = min(x.count, y.count)
        guard count > threshold else { return (0..<count).map { map(x[$0], y[$0]) } }
        var out: [(Double, Double)] = []
        var group: [(Double, Double)] = []
        var column = Int.min
        func flush() {
            guard let first = group.first, let last = group.last else { return }
            var low = first, high = first
            var lowIndex = 0, highIndex = 0
            for (i, p) in group.enumerated() {
                if p.1 < low.1 { low = p; lowIndex = i }
                if p.1 > high.1 { high = p; highIndex = i }
            }
            let inner = lowIndex <= highIndex ? [(lowIndex, low), (highIndex, high)] : [(highIndex, high), (lowIndex, low)]
            var kept = [(0, first)]
            for (i, p) in inner where i != 0 && i != group.count - 1 && i != kept.last?.0 { kept.append((i, p)) }
            if group.count > 1 { kept.append((group.count - 1, last)) }
            out += kept.map(\.1)
            group = []
        }
        for i in 0..<count {
            let p = map(x[i], y[i])
            guard p.0.isFinite, p.1.isFinite else {
                flush()
                out.append((.nan, .nan))
                column = Int.min
                continue
            }
            let c = Int((min(max(p.0, -1e7), 1e7) * 2).rounded(.down))
            if c != column {
                flush()
                column = c
            }
            group.append(p)
        }
        flush()
        return out
    }
}
