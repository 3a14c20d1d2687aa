/// Ticks for log axes: labelled powers of ten (every n-th decade when there are many) with
/// unlabelled minor ticks at 2…9 × 10ⁿ; spans under two decades fall back to nice linear
/// ticks, which read better there.
enum LogTicks {
    static func ticks(lo: Double, hi: Double, maxCount: Int) -> Ticks {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else {
            return TickLocator.ticks(lo: lo, hi: hi, maxCount: maxCount)
        }
        let first = Int((Log.log10(lo) - 1e-9).rounded(.up)), last = Int((Log.log10(hi) + 1e-9).rounded(.down))
        guard last - first + 1 >= 2 else {
            var linear = TickLocator.ticks(lo: lo, hi: hi, maxCount: maxCount, minCount: 2)
            linear.values = linear.values.filter { $0 > 0 }
            linear.labels = Array(linear.labels.suffix(linear.values.count))
            return linear
        }
        var stride = 1
        while (last - first) / stride + 1 > max(maxCount, 2) { stride += 1 }
        let decades = Swift.stride(from: first, through: last, by: stride).map { $0 }
        var minor: [Double] = []
        if stride == 1 {
            for k in (first - 1)...last {
                for m in 2...9 {
                    let v = TickLocator.value(of: m, exponent: k)
                    if v >= lo && v <= hi { minor.append(v) }
                }
            }
        }
        return Ticks(values: decades.map { Num.exactPowerOfTen($0) },
                     labels: decades.map { Num.timesTenTo($0).replacingTimes() }, scaleLabel: nil, minor: minor)
    }
}

private extension String {
    /// `×10⁻³` → `10⁻³`.
    func replacingTimes() -> String {
        hasPrefix("×") ? String(dropFirst()) : self
    }
}
