/// Error bars and text.
extension Axes {
    /// Adds points with error bars (`plt.errorbar`): a line (styled by `format`, as `plot`'s)
    /// and bars of ± `yerr` / `xerr` in the same colour, with caps of `capsize` points.
    mutating func errorbar(x: [Double], y: [Double], yerr: [Double]?, xerr: [Double]?, format: String?,
                           capsize: Double, style: SeriesStyle) throws {
        let call = "errorbar"
        try Validate.sameLength(call, x, y)
        for (name, errors) in [("yerr", yerr), ("xerr", xerr)] {
            guard let errors else { continue }
            try Validate.sameLength(call, x, errors, "x", name)
            if errors.contains(where: { $0 < 0 }) { throw PlotError("\(call): \(name) must not be negative") }
        }
        if !(capsize.isFinite && capsize >= 0) {
            throw PlotError("\(call): capsize must be a non-negative number, got \(capsize)")
        }
        try plot(x: x, y: y, format: format, style: style)
        guard case .line(let line)? = marks.last else { return }
        let width = try style.resolveWidth(call) ?? 1.5
        try add(.errorBars(ErrorBarMark(x: x, y: y, xerr: xerr, yerr: yerr, color: line.color, width: width,
                                        capsize: capsize)), call: call)
    }

    /// Adds `text` at data position (`x`, `y`) (`plt.text`); `ha` is `left`, `center` or
    /// `right`, `va` is `baseline`, `bottom`, `center` or `top`.
    mutating func text(x: Double, y: Double, text: String, fontsize: Double?, color: String?, ha: String, va: String,
                       weight: Int? = nil) throws {
        let call = "text"
        try Validate.finite(call, "x", x)
        try Validate.finite(call, "y", y)
        let anchor: TextAnchor
        switch ha.lowercased() {
        case "left": anchor = .start
        case "center", "centre": anchor = .middle
        case "right": anchor = .end
        default: throw PlotError("\(call): ha must be 'left', 'center' or 'right', got '\(ha)'")
        }
        let baseline: TextBaseline
        switch va.lowercased() {
        case "baseline": baseline = .alphabetic
        case "bottom": baseline = .bottom
        case "center", "center_baseline": baseline = .center
        case "top": baseline = .top
        default: throw PlotError("\(call): va must be 'baseline', 'bottom', 'center' or 'top', got '\(va)'")
        }
        if let fontsize { try Validate.positive(call, "fontsize", fontsize) }
        let ink = try SeriesStyle(color: color).resolveColor(call) ?? Palette.ink
        try add(.text(TextMark(x: x, y: y, text: text, size: fontsize ?? Style.fontSize, color: ink,
                               anchor: anchor, baseline: baseline, weight: weight)), call: call)
    }
}
