/// Draws one 2-D axes: grid, marks (clipped to the frame), spines, outward ticks, labels,
/// title, legend and colour bar, in matplotlib's stacking order.
struct AxesRenderer {
    let axes: Axes
    let plan: AxesPlan
    let clipID: String

    func render(into w: inout SVGWriter) {
        let f = plan.frame
        let frameAttributes = [("x", Num.coord(f.x)), ("y", Num.coord(f.y)),
                               ("width", Num.coord(f.width)), ("height", Num.coord(f.height))]
        w.element("g", [("class", "axes")], close: false)
        if axes.grid { drawGrid(into: &w) }
        w.element("clipPath", [("id", clipID)], close: false)
        w.element("rect", frameAttributes)
        w.end("clipPath")
        // Marks in drawing order; consecutive clipped ones share one clipped group.
        var clipped = false
        for index in axes.drawingOrder where !axes.hidden.contains(index) {
            let clip = axes.isClipped(index)
            if clip != clipped {
                if clipped { w.end("g") } else { w.element("g", [("clip-path", "url(#\(clipID))")], close: false) }
                clipped = clip
            }
            MarkRenderer(plan: plan).render(axes.marks[index], into: &w)
        }
        if clipped { w.end("g") }
        if axes.axisOff {
            drawTitle(into: &w)
        } else {
            drawSpines(into: &w, frameAttributes: frameAttributes)
            drawTicks(into: &w)
            drawTexts(into: &w)
        }
        if axes.legend != nil {
            let obstacles = MarkRenderer(plan: plan).legendObstacles(axes.marks.indices.filter { !axes.hidden.contains($0) }.map { axes.marks[$0] })
            LegendRenderer(entries: LegendEntry.entries(for: axes.marks, chosen: axes.legend?.handles), spec: axes.legend ?? .standard)
                .render(in: f, avoiding: obstacles, into: &w)
        }
        if let bar = plan.colorbar { ColorbarRenderer(plan: bar).render(into: &w) }
        w.end("g")
    }

    /// The frame as one rectangle, or its visible sides as lines when some are hidden.
    private func drawSpines(into w: inout SVGWriter, frameAttributes: [(String, String)]) {
        let stroke = [("stroke", "#000"), ("stroke-width", Num.coord(Style.spineWidth))]
        guard !axes.hiddenSpines.isEmpty else {
            w.element("rect", frameAttributes + [("fill", "none")] + stroke)
            return
        }
        let f = plan.frame
        let (x0, x1, y0, y1) = (Num.coord(f.x), Num.coord(f.maxX), Num.coord(f.y), Num.coord(f.maxY))
        var path = PathBuilder()
        for spine in Spine.allCases where !axes.hiddenSpines.contains(spine) {
            switch spine {
            case .left: path.append("M\(x0),\(y0)V\(y1)")
            case .right: path.append("M\(x1),\(y0)V\(y1)")
            case .top: path.append("M\(x0),\(y0)H\(x1)")
            case .bottom: path.append("M\(x0),\(y1)H\(x1)")
            }
        }
        if !path.isEmpty { w.element("path", [("d", path.data), ("fill", "none")] + stroke) }
    }

    private func drawGrid(into w: inout SVGWriter) {
        var path = PathBuilder()
        for v in plan.xTicks.values where axes.gridX {
            path.append("M\(Num.coord(plan.x(v))),\(Num.coord(plan.frame.y))V\(Num.coord(plan.frame.maxY))")
        }
        for v in plan.yTicks.values where axes.gridY {
            path.append("M\(Num.coord(plan.frame.x)),\(Num.coord(plan.y(v)))H\(Num.coord(plan.frame.maxX))")
        }
        let stroke = axes.gridStroke
        guard !path.isEmpty, stroke.style != .none else { return }
        w.element("path", [("d", path.data), ("fill", "none")] + Paint.stroke(stroke.color, width: stroke.width, style: stroke.style))
    }

    private func drawTicks(into w: inout SVGWriter) {
        var xPath = PathBuilder(), yPath = PathBuilder()
        let length = Num.coord(Style.tickLength)
        for v in plan.xTicks.values {
            xPath.append("M\(Num.coord(plan.x(v))),\(Num.coord(plan.frame.maxY))v\(length)")
        }
        for v in plan.yTicks.values {
            yPath.append("M\(Num.coord(plan.frame.x)),\(Num.coord(plan.y(v)))h-\(length)")
        }
        // One path while both axes' marks have one colour (matplotlib's black by default).
        let paths = axes.xtickStyle.tickColor == axes.ytickStyle.tickColor
            ? [(xPath.data + yPath.data, axes.xtickStyle.tickColor)]
            : [(xPath.data, axes.xtickStyle.tickColor), (yPath.data, axes.ytickStyle.tickColor)]
        for (data, color) in paths where !data.isEmpty {
            let stroke = color == Palette.ink ? [("stroke", "#000")] : [("stroke", color.hexString)]
                + (color.alpha < 1 ? [("stroke-opacity", Num.unit(color.alpha))] : [])
            w.element("path", [("d", data)] + stroke + [("stroke-width", Num.coord(Style.spineWidth))])
        }
        var minor = PathBuilder()
        for v in plan.xTicks.minor {
            minor.append("M\(Num.coord(plan.x(v))),\(Num.coord(plan.frame.maxY))v2")
        }
        for v in plan.yTicks.minor {
            minor.append("M\(Num.coord(plan.frame.x)),\(Num.coord(plan.y(v)))h-2")
        }
        if !minor.isEmpty {
            w.element("path", [("d", minor.data), ("stroke", "#000"), ("stroke-width", "0.6")])
        }
    }

    private func drawTexts(into w: inout SVGWriter) {
        let f = plan.frame
        let below = f.maxY + Style.tickLength + Style.tickPad
        let xStyle = axes.xtickStyle, yStyle = axes.ytickStyle
        for (v, label) in zip(plan.xTicks.values, plan.xTicks.labels) {
            if xStyle.rotation == 0 {
                w.text(label, x: plan.x(v), y: below, anchor: .middle, baseline: .top, size: xStyle.textSize,
                       weight: xStyle.weight, extra: xStyle.labelPaint)
            } else {
                // Rotated labels end at their tick, as matplotlib's ha="right", rotation_mode="anchor".
                w.text(label, x: plan.x(v), y: below + xStyle.size * 0.4, anchor: .end, baseline: .center, size: xStyle.textSize,
                       rotate: -xStyle.rotation, weight: xStyle.weight, extra: xStyle.labelPaint)
            }
        }
        let left = f.x - Style.tickLength - Style.tickPad
        for (v, label) in zip(plan.yTicks.values, plan.yTicks.labels) {
            if yStyle.rotation == 0 {
                w.text(label, x: left, y: plan.y(v), anchor: .end, baseline: .center, size: yStyle.textSize,
                       weight: yStyle.weight, extra: yStyle.labelPaint)
            } else {
                // matplotlib's rotation_mode="default": the turned label's box ends at the tick (ha="right"),
                // centred on it (va="center_baseline").
                let box = yStyle.rotatedBox(width: TextMetrics.width(label, size: yStyle.size))
                w.text(label, x: left - box.width / 2, y: plan.y(v), anchor: .middle, baseline: .center, size: yStyle.textSize,
                       rotate: -yStyle.rotation, weight: yStyle.weight, extra: yStyle.labelPaint)
            }
        }
        let labelRow = below + axes.xTickLabelHeight(plan.xTicks) + Style.labelPad
        if let scale = plan.xTicks.scaleLabel {
            w.text(scale, x: f.maxX, y: labelRow, anchor: .end, baseline: .top)
        }
        if let scale = plan.yTicks.scaleLabel {
            w.text(scale, x: f.x, y: f.y - 4, anchor: .start, baseline: .bottom)
        }
        if let xlabel = axes.xlabel {
            let at = axes.xlabelCoords.map { (x: f.x + $0.x * f.width, y: f.maxY - $0.y * f.height) } ?? (x: f.midX, y: labelRow)
            w.text(xlabel, x: at.x, y: at.y, anchor: .middle, baseline: .top,
                   size: axes.xlabelSize == Style.fontSize ? nil : axes.xlabelSize, weight: axes.xlabelWeight)
        }
        if let ylabel = axes.ylabel {
            let widest = axes.yTickLabelWidth(plan.yTicks)
            let at = axes.ylabelCoords.map { (x: f.x + $0.x * f.width, y: f.maxY - $0.y * f.height) }
                ?? (x: left - widest - Style.labelPad, y: f.midY)
            w.text(ylabel, x: at.x, y: at.y, anchor: .middle, baseline: .bottom,
                   size: axes.ylabelSize == Style.fontSize ? nil : axes.ylabelSize, rotate: -90, weight: axes.ylabelWeight)
        }
        drawTitle(into: &w)
    }

    private func drawTitle(into w: inout SVGWriter) {
        if let title = axes.title {
            let f = plan.frame
            let x = axes.titleAnchor == .start ? f.x : axes.titleAnchor == .end ? f.maxX : f.midX
            w.text(title, x: x, y: f.y - Style.titlePad, anchor: axes.titleAnchor, baseline: .bottom, size: axes.titleSize,
                   weight: axes.titleWeight)
        }
    }
}
