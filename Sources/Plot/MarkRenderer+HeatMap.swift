/// Heat maps inside an axes.
extension MarkRenderer {
    /// A heat map: small ones as one rectangle per cell (crisp in every renderer), larger
    /// ones as an embedded palette PNG drawn with pixelated scaling.
    func image(_ m: ImageMark, into w: inout SVGWriter) {
        let x0 = plan.x(-0.5), x1 = plan.x(Double(m.cols) - 0.5)
        let y0 = plan.y(-0.5), y1 = plan.y(Double(m.rows) - 0.5)
        if m.rows * m.cols <= HeatMapImage.maximumCellsAsRectangles {
            let c = Num.coord
            let cellWidth = (x1 - x0) / Double(m.cols), cellHeight = (y1 - y0) / Double(m.rows)
            let colors = HeatMapImage.cellColors(m)
            w.element("g", [("shape-rendering", "crispEdges")], close: false)
            for row in 0..<m.rows {
                for col in 0..<m.cols {
                    guard let color = colors[row * m.cols + col] else { continue }
                    let left = x0 + Double(col) * cellWidth, top = y0 + Double(row) * cellHeight
                    w.element("rect", [("x", c(min(left, left + cellWidth))), ("y", c(min(top, top + cellHeight))),
                                       ("width", c(abs(cellWidth))), ("height", c(abs(cellHeight))),
                                       ("fill", color.hexString)])
                }
            }
            w.end("g")
            return
        }
        let png = HeatMapImage.png(HeatMapImage.pooled(m), flipRows: y0 > y1, flipColumns: x0 > x1)
        let href = "data:image/png;base64," + PNGEncoder.base64(png)
        w.element("image", [
            ("x", Num.coord(min(x0, x1))), ("y", Num.coord(min(y0, y1))),
            ("width", Num.coord(abs(x1 - x0))), ("height", Num.coord(abs(y1 - y0))),
            ("preserveAspectRatio", "none"), ("image-rendering", "optimizeSpeed"),
            ("style", "image-rendering:pixelated"), ("xlink:href", href),
        ])
    }
}
