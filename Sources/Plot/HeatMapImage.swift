/// Turns heat-map values into palette PNGs (index 0 transparent for NaN cells, 1…255 the
/// colour map) or per-cell colours for small maps.
enum HeatMapImage {
    /// Heat maps up to this many cells are drawn as rectangles, larger ones as a PNG.
    static let maximumCellsAsRectangles = 400

    /// Each cell's colour (`nil` for NaN), from the same lookup table as the PNG and colour bar.
    static func cellColors(_ image: ImageMark) -> [Color?] {
        let table = image.mapping.palette
        return image.values.map { v in
            let i = image.mapping.index(v)
            return i == 0 ? nil : table[Int(i)]
        }
    }

    /// The PNG of a heat map, one pixel per cell, mirrored as the axes require (row 0 at the
    /// bottom, or column 0 at the right).
    static func png(_ image: ImageMark, flipRows: Bool = false, flipColumns: Bool = false) -> [UInt8] {
        var indices = [UInt8](repeating: 0, count: image.values.count)
        for row in 0..<image.rows {
            let sourceRow = flipRows ? image.rows - 1 - row : row
            for col in 0..<image.cols {
                let sourceCol = flipColumns ? image.cols - 1 - col : col
                indices[row * image.cols + col] = image.mapping.index(image.values[sourceRow * image.cols + sourceCol])
            }
        }
        return PNGEncoder.indexed(width: image.cols, height: image.rows, indices: indices, palette: image.mapping.palette)
    }

    /// Matrices wider or taller than this are averaged down in whole blocks before encoding:
    /// no figure shows more cells than this across, and it bounds the page's size.
    static let maximumSide = 600

    /// `image` with each block of k × k cells replaced by its mean (NaNs left out of the mean),
    /// the smallest k that brings both sides to `maximumSide` or fewer; unchanged if small.
    static func pooled(_ image: ImageMark) -> ImageMark {
        let k = (max(image.rows, image.cols) + maximumSide - 1) / maximumSide
        guard k > 1 else { return image }
        let rows = (image.rows + k - 1) / k, cols = (image.cols + k - 1) / k
        var sums = [Double](repeating: 0, count: rows * cols), counts = [Double](repeating: 0, count: rows * cols)
        for r in 0..<image.rows {
            for c in 0..<image.cols {
                let v = image.values[r * image.cols + c]
                guard !v.isNaN else { continue }
                let cell = (r / k) * cols + c / k
                sums[cell] += v
                counts[cell] += 1
            }
        }
        var result = image
        result.rows = rows
        result.cols = cols
        result.values = zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan }
        return result
    }

    /// A 1-pixel-wide strip with `vmax`'s colour at the top, for a colour bar.
    static func colorbarPNG(_ mapping: ColorMapping) -> [UInt8] {
        let levels = ColorMapping.levels
        let indices = (0..<levels).map { UInt8(levels - $0) }
        return PNGEncoder.indexed(width: 1, height: levels, indices: indices, palette: mapping.palette)
    }
}

/// Draws a colour bar: the colour strip, its outline, ticks and labels on the right, and its label.
struct ColorbarRenderer {
    let plan: ColorbarPlan

    func render(into w: inout SVGWriter) {
        let f = plan.frame, c = Num.coord
        let href = "data:image/png;base64," + PNGEncoder.base64(HeatMapImage.colorbarPNG(plan.spec.mapping))
        w.element("image", [
            ("x", c(f.x)), ("y", c(f.y)), ("width", c(f.width)), ("height", c(f.height)),
            ("preserveAspectRatio", "none"), ("xlink:href", href),
        ])
        w.element("rect", [("x", c(f.x)), ("y", c(f.y)), ("width", c(f.width)), ("height", c(f.height)),
                           ("fill", "none"), ("stroke", "#000"), ("stroke-width", c(Style.spineWidth))])
        var ticks = PathBuilder()
        for v in plan.ticks.values {
            ticks.append("M\(c(f.maxX)),\(c(plan.scale(v)))h\(c(Style.tickLength))")
        }
        if !ticks.isEmpty {
            w.element("path", [("d", ticks.data), ("stroke", "#000"), ("stroke-width", c(Style.spineWidth))])
        }
        let labelX = f.maxX + Style.tickLength + Style.tickPad
        for (v, label) in zip(plan.ticks.values, plan.ticks.labels) {
            w.text(label, x: labelX, y: plan.scale(v), baseline: .center)
        }
        if let scale = plan.ticks.scaleLabel {
            w.text(scale, x: f.x, y: f.y - 4, baseline: .bottom)
        }
        if let label = plan.spec.label {
            let widest = plan.ticks.labels.map { TextMetrics.width($0, size: Style.fontSize) }.max() ?? 0
            w.text(label, x: labelX + widest + Style.labelPad, y: f.midY, anchor: .middle, baseline: .top, rotate: -90)
        }
    }
}
