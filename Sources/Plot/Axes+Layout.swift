/// Tick choice and margin sizing for one axes.
extension Axes {
    /// Ticks for both axes, as many as fit the frame's size (at most 8).
    func ticks(limits: (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double)), frame: Rect) -> (x: Ticks, y: Ticks) {
        let yCount = min(8, max(3, Int(frame.height / 26)))
        let y = Axes.ticks(limits.y, fixed: yticks, maxCount: yCount, integerOnly: integerTicks, log: yscale == .log)
        var xCount = min(8, max(3, Int(frame.width / 30)))
        var x = Axes.ticks(limits.x, fixed: xticks, maxCount: xCount, integerOnly: integerTicks, log: xscale == .log)
        // Fewer x ticks while their labels would collide.
        while xticks == nil && xCount > 2 {
            let widest = xtickStyle.widest(x.labels)
            if Double(x.values.count) * (widest + 8) <= frame.width { break }
            xCount -= 1
            x = Axes.ticks(limits.x, fixed: nil, maxCount: xCount, integerOnly: integerTicks, log: xscale == .log)
        }
        return (x, y)
    }

    /// Ticks within `limits`: the caller's if set, else nice ones.
    static func ticks(_ limits: (lo: Double, hi: Double), fixed: FixedTicks?, maxCount: Int, integerOnly: Bool,
                      log: Bool = false) -> Ticks {
        let lo = min(limits.lo, limits.hi), hi = max(limits.lo, limits.hi)
        guard let fixed else {
            if log { return LogTicks.ticks(lo: lo, hi: hi, maxCount: maxCount) }
            return TickLocator.ticks(lo: lo, hi: hi, maxCount: maxCount, minCount: min(4, maxCount), integerOnly: integerOnly)
        }
        var values: [Double] = [], labels: [String] = []
        let tolerance = 1e-9 * (hi - lo)
        for (i, v) in fixed.values.enumerated() where v >= lo - tolerance && v <= hi + tolerance {
            values.append(v)
            labels.append(fixed.labels?[i] ?? Num.general(v))
        }
        return Ticks(values: values, labels: labels, scaleLabel: nil)
    }

    /// The room needed around the frame for this axes' texts.
    func margins(xTicks: Ticks, yTicks: Ticks) -> Margins {
        let line = Style.fontSize * 1.2
        let pad = Style.outerPad
        var m = Margins()
        let titleBlock = title.map { _ in titleSize * 1.2 + Style.titlePad } ?? 0
        if is3D || axisOff {
            m.left = pad
            m.right = pad
            m.bottom = pad
            m.top = pad + titleBlock
            return m
        }
        let yLabelWidth = yTickLabelWidth(yTicks)
        let firstX = xtickStyle.widest(Array(xTicks.labels.prefix(1)))
        let lastX = xtickStyle.widest(Array(xTicks.labels.suffix(1)))
        m.left = pad + (ylabel == nil ? 0 : ylabelSize * 1.2 + Style.labelPad) + yLabelWidth + Style.tickLength
            + Style.tickPad
        m.bottom = pad + (xlabel == nil && xTicks.scaleLabel == nil ? 0 : xlabelSize * 1.2 + Style.labelPad)
            + xTickLabelHeight(xTicks) + Style.tickLength + Style.tickPad
        if xtickStyle.rotation == 0 {
            m.left = max(m.left, pad + firstX / 2)
        } else {
            // A rotated label ends at its tick and reaches back to the left.
            m.left = max(m.left, pad + abs(firstX * Trig.sinCos(degrees: xtickStyle.rotation).1))
        }
        m.top = pad + max(titleBlock, yTicks.scaleLabel == nil ? 4 : line + 2)
        m.right = pad + (xtickStyle.rotation == 0 ? lastX / 2 : 0)
        if let spec = colorbar {
            let bar = Axes.colorbarTicks(spec.mapping, height: 200)
            let labelWidth = bar.labels.map { TextMetrics.width($0, size: Style.fontSize) }.max() ?? 0
            m.right = pad + Axes.colorbarGap + Axes.colorbarWidth + Style.tickLength + Style.tickPad + labelWidth
                + (spec.label == nil ? 0 : line + Style.labelPad)
        }
        return m
    }

    /// `m` widened so labels placed by `set_label_coords` outside the frame stay on the
    /// canvas (as matplotlib's inline figures, saved with a tight bounding box): the frame
    /// is a fraction of the cell less the margins, so the margin solves
    /// margin + c·(cell − margin − other) − label ≥ pad for a coordinate c < 0.
    func roomForLabelCoords(_ m: Margins, cell: Rect) -> Margins {
        var m = m
        let pad = Style.outerPad
        if ylabel != nil, let c = ylabelCoords?.x, c < 0 {
            m.left = max(m.left, (pad + ylabelSize * 1.2 - c * (cell.width - m.right)) / (1 - c))
        }
        if xlabel != nil, let c = xlabelCoords?.y, c < 0 {
            m.bottom = max(m.bottom, (pad + xlabelSize * 1.2 - c * (cell.height - m.top)) / (1 - c))
        }
        return m
    }

    /// The height taken by the x tick labels, rotated or not.
    func xTickLabelHeight(_ ticks: Ticks) -> Double {
        xtickStyle.rotatedBox(width: xtickStyle.widest(ticks.labels)).height
    }

    /// The width taken by the y tick labels, rotated or not.
    func yTickLabelWidth(_ ticks: Ticks) -> Double {
        ytickStyle.rotatedBox(width: ytickStyle.widest(ticks.labels)).width
    }

    static let colorbarGap = 12.0
    static let colorbarWidth = 12.0

    /// Ticks for a colour bar `height` points tall.
    static func colorbarTicks(_ mapping: ColorMapping, height: Double) -> Ticks {
        TickLocator.ticks(lo: mapping.vmin, hi: mapping.vmax, maxCount: min(8, max(3, Int(height / 28))), minCount: 3)
    }

    /// The colour bar beside `frame`, if this axes shows one.
    func colorbarPlan(beside frame: Rect) -> ColorbarPlan? {
        guard let spec = colorbar else { return nil }
        let bar = Rect(x: frame.maxX + Axes.colorbarGap, y: frame.y, width: Axes.colorbarWidth, height: frame.height)
        let scale = DataScale(lo: spec.mapping.vmin, hi: spec.mapping.vmax, a: bar.maxY, b: bar.y)
        return ColorbarPlan(frame: bar, scale: scale, ticks: Axes.colorbarTicks(spec.mapping, height: bar.height), spec: spec)
    }
}
