/// How data values become colours (heat maps, colour-coded scatter): a colour map stretched
/// over `vmin...vmax`, quantised to 255 levels like matplotlib's 256-entry lookup tables.
struct ColorMapping: Sendable {
    var colormap: Colormap
    var vmin: Double, vmax: Double

    /// Colour levels, after the transparent entry used for NaN.
    static let levels = 255

    /// A mapping over `values`' finite range unless `vmin`/`vmax` are given; a constant range
    /// is widened by ±0.5 so its colour sits mid-map.
    init(values: [Double], cmap: String, vmin: Double?, vmax: Double?, call: String) throws {
        do { colormap = try Colormap(named: cmap) } catch let error as PlotError {
            throw PlotError("\(call): \(error.message)")
        }
        var extent = Extent()
        extent.add(values)
        var lo = vmin ?? (extent.isEmpty ? 0 : extent.lo)
        var hi = vmax ?? (extent.isEmpty ? 1 : extent.hi)
        try Validate.finite(call, "vmin", lo)
        try Validate.finite(call, "vmax", hi)
        if lo > hi { throw PlotError("\(call): vmin (\(lo)) is greater than vmax (\(hi))") }
        if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
        self.vmin = lo
        self.vmax = hi
    }

    /// The palette index of a value: 0 for NaN, else 1…`levels` (values outside are clamped).
    func index(_ v: Double) -> UInt8 {
        guard !v.isNaN else { return 0 }
        let span = vmax - vmin
        let t = span > 0 ? (v - vmin) / span : 0.5
        let clamped = min(max(t, 0), 1)
        return UInt8(1 + min(Int(clamped * Double(ColorMapping.levels)), ColorMapping.levels - 1))
    }

    /// Entry 0 transparent, then the colour map's lookup table.
    var palette: [Color] {
        [Color(red: 255, green: 255, blue: 255, alpha: 0)] + colormap.lookupTable(count: ColorMapping.levels)
    }
}

/// A colour bar request: which mapping it shows and its label.
struct ColorbarSpec: Sendable {
    var mapping: ColorMapping
    var label: String?
}
