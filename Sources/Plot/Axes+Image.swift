/// Heat maps: `imshow` and its colour bar.
extension Axes {
    /// Adds a matrix as a heat map (`plt.imshow`), row 0 at the top, each cell one unit wide.
    mutating func imshow(_ matrix: [[Double]], cmap: String, aspect: String?, vmin: Double?, vmax: Double?,
                         colorbar: Bool) throws {
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
        let colormap: Colormap
        do { colormap = try Colormap(named: cmap) } catch let error as PlotError {
            throw PlotError("\(call): \(error.message)")
        }
        switch aspect?.lowercased() {
        case nil, "equal": equalAspect = true
        case "auto": equalAspect = false
        case let other?: throw PlotError("\(call): aspect must be 'equal' or 'auto', got '\(other)'")
        }
        let values = matrix.flatMap { $0 }
        var extent = Extent()
        extent.add(values)
        var lo = vmin ?? (extent.isEmpty ? 0 : extent.lo)
        var hi = vmax ?? (extent.isEmpty ? 1 : extent.hi)
        try Validate.finite(call, "vmin", lo)
        try Validate.finite(call, "vmax", hi)
        if lo > hi { throw PlotError("\(call): vmin (\(lo)) is greater than vmax (\(hi))") }
        if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
        try add(.image(ImageMark(rows: matrix.count, cols: first.count, values: values, colormap: colormap,
                                 vmin: lo, vmax: hi, colorbar: colorbar, colorbarLabel: nil)), call: call)
    }

    /// Shows a colour bar for the latest heat map (`plt.colorbar`), with an optional label.
    mutating func colorbar(label: String?) throws {
        guard let index = marks.lastIndex(where: { if case .image = $0 { return true } else { return false } }),
              case .image(var image) = marks[index] else {
            throw PlotError("colorbar: there is no heat map (imshow) in the current axes")
        }
        image.colorbar = true
        image.colorbarLabel = label
        marks[index] = .image(image)
    }
}
