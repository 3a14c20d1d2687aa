/// Heat maps: `imshow` and its colour bar.
extension Axes {
    /// Adds a matrix as a heat map (`plt.imshow`), row 0 at the top, each cell one unit wide.
    mutating func imshow(_ matrix: [[Double]], cmap: String, aspect: String?, vmin: Double?, vmax: Double?,
                         origin: String = "upper", colorbar: Bool) throws {
        let call = "imshow"
        guard let first = matrix.first, !first.isEmpty else {
            throw PlotError("\(call): the matrix is empty (it needs at least one row and one column)")
        }
        for (i, row) in matrix.enumerated() where row.count != first.count {
            throw PlotError("\(call): row \(i) has \(row.count) values but row 0 has \(first.count); rows must have equal lengths")
        }
        guard matrix.count * first.count <= 4_000_000 else {
            throw PlotError("\(call): at most 4000000 cells, got \(matrix.count)×\(first.count)")
        }
        switch aspect?.lowercased() {
        case nil, "equal": equalAspect = true
        case "auto": equalAspect = false
        case let other?: throw PlotError("\(call): aspect must be 'equal' or 'auto', got '\(other)'")
        }
        let originUpper: Bool
        switch origin.lowercased() {
        case "upper": originUpper = true
        case "lower": originUpper = false
        default: throw PlotError("\(call): origin must be 'upper' or 'lower', got '\(origin)'")
        }
        let values = matrix.flatMap { $0 }
        let mapping = try ColorMapping(values: values, cmap: cmap, vmin: vmin, vmax: vmax, call: call)
        try add(.image(ImageMark(rows: matrix.count, cols: first.count, values: values, mapping: mapping,
                                 originUpper: originUpper)), call: call)
        if colorbar { self.colorbar = ColorbarSpec(mapping: mapping, label: nil) }
    }

    /// Shows a colour bar for the latest heat map or colour-coded scatter (`plt.colorbar`),
    /// with an optional label.
    mutating func showColorbar(label: String?) throws {
        guard let mapping = latestMapping else {
            throw PlotError("colorbar: nothing in the current axes is colour-mapped (use imshow, or scatter with c=)")
        }
        colorbar = ColorbarSpec(mapping: mapping, label: label)
    }
}
