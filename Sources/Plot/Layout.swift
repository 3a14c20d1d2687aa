/// Where one axes is drawn and how its data maps onto the canvas.
struct AxesPlan: Sendable {
    /// The plotting area (inside the spines).
    var frame: Rect
    var x: DataScale, y: DataScale
    var xTicks: Ticks, yTicks: Ticks
    var colorbar: ColorbarPlan?
}

/// A colour bar beside a heat map.
struct ColorbarPlan: Sendable {
    var frame: Rect
    var scale: DataScale
    var ticks: Ticks
    var spec: ColorbarSpec
}

/// Space reserved around an axes' frame for tick labels, axis labels, title and colour bar.
struct Margins: Sendable {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
}

extension Figure {
    /// The view limits of one axes along x and y.
    typealias Limits = (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double))

    /// Lays out every axes: a cell of its subplot grid, less margins sized from its own tick
    /// labels and texts (like matplotlib's tight layout), aligned across each grid's rows and
    /// columns so neighbouring spines line up.
    func plans() -> [AxesPlan] {
        let canvasWidth = width * Figure.pointsPerInch, canvasHeight = height * Figure.pointsPerInch
        let top = suptitle == nil ? 0 : suptitleSize * 1.2 + Style.outerPad
        let cells = axes.map { cell(for: $0, width: canvasWidth, height: canvasHeight, top: top) }
        let limits = sharedLimits(axes.map { $0.viewLimits() })
        var margins: [Margins] = []
        for i in axes.indices {
            let guess = inset(cells[i], Margins(left: 48, right: 14, top: 24, bottom: 36))
            let ticks = axes[i].ticks(limits: limits[i], frame: guess)
            margins.append(axes[i].roomForLabelCoords(axes[i].margins(xTicks: ticks.x, yTicks: ticks.y), cell: cells[i]))
        }
        margins = aligned(margins)
        return axes.indices.map { i in
            var frame = inset(cells[i], margins[i])
            let lim = limits[i]
            if let ratio = axes[i].aspect, !axes[i].is3D && axes[i].xscale == .linear && axes[i].yscale == .linear {
                frame = Figure.equalAspect(frame, dx: abs(lim.x.hi - lim.x.lo), dy: ratio * abs(lim.y.hi - lim.y.lo))
            }
            let ticks = axes[i].ticks(limits: lim, frame: frame)
            let xLog = axes[i].xscale == .log, yLog = axes[i].yscale == .log
            let xScale = DataScale(lo: lim.x.lo, hi: lim.x.hi, a: frame.x, b: frame.maxX, isLog: xLog)
            let yScale = axes[i].yInverted
                ? DataScale(lo: lim.y.lo, hi: lim.y.hi, a: frame.y, b: frame.maxY, isLog: yLog)
                : DataScale(lo: lim.y.lo, hi: lim.y.hi, a: frame.maxY, b: frame.y, isLog: yLog)
            return AxesPlan(frame: frame, x: xScale, y: yScale, xTicks: ticks.x, yTicks: ticks.y,
                            colorbar: axes[i].colorbarPlan(beside: frame))
        }
    }

    /// Limits unified over axes that share an axis (`subplots(sharex=…)`): limits the caller set
    /// on one of them apply to all, as in matplotlib; otherwise the union of their data limits.
    func sharedLimits(_ limits: [Limits]) -> [Limits] {
        var result = limits
        func unify(_ group: (Axes) -> String?, _ given: (Axes) -> (lo: Double?, hi: Double?),
                   _ side: WritableKeyPath<Limits, (lo: Double, hi: Double)>) {
            var members: [String: [Int]] = [:]
            for i in axes.indices { if let key = group(axes[i]) { members[key, default: []].append(i) } }
            for indices in members.values where indices.count > 1 {
                let chosen: (lo: Double, hi: Double)
                if let fixed = indices.last(where: { given(axes[$0]).lo != nil || given(axes[$0]).hi != nil }) {
                    chosen = limits[fixed][keyPath: side]
                } else {
                    let sides = indices.map { limits[$0][keyPath: side] }
                    chosen = (sides.map(\.lo).min() ?? 0, sides.map(\.hi).max() ?? 1)
                }
                for i in indices { result[i][keyPath: side] = chosen }
            }
        }
        unify(\.shareX, \.xlim, \.x)
        unify(\.shareY, \.ylim, \.y)
        return result
    }

    /// The cell of `axes`'s grid, below the suptitle band.
    private func cell(for axes: Axes, width: Double, height: Double, top: Double) -> Rect {
        let row = (axes.gridIndex - 1) / axes.gridCols, col = (axes.gridIndex - 1) % axes.gridCols
        let cellWidth = width / Double(axes.gridCols)
        let cellHeight = (height - top) / Double(axes.gridRows)
        return Rect(x: Double(col) * cellWidth, y: top + Double(row) * cellHeight, width: cellWidth, height: cellHeight)
    }

    /// `rect` less `margins`, never narrower or shorter than 10 points.
    private func inset(_ rect: Rect, _ margins: Margins) -> Rect {
        let width = max(rect.width - margins.left - margins.right, 10)
        let height = max(rect.height - margins.top - margins.bottom, 10)
        let x = rect.width - margins.left - margins.right >= 10 ? rect.x + margins.left : rect.midX - 5
        let y = rect.height - margins.top - margins.bottom >= 10 ? rect.y + margins.top : rect.midY - 5
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// Margins maximised over axes of the same grid in the same column (left, right) or row (top, bottom).
    private func aligned(_ margins: [Margins]) -> [Margins] {
        var result = margins
        for i in axes.indices {
            let a = axes[i]
            for j in axes.indices where axes[j].gridRows == a.gridRows && axes[j].gridCols == a.gridCols {
                let b = axes[j]
                if (a.gridIndex - 1) % a.gridCols == (b.gridIndex - 1) % b.gridCols {
                    result[i].left = max(result[i].left, margins[j].left)
                    result[i].right = max(result[i].right, margins[j].right)
                }
                if (a.gridIndex - 1) / a.gridCols == (b.gridIndex - 1) / b.gridCols {
                    result[i].top = max(result[i].top, margins[j].top)
                    result[i].bottom = max(result[i].bottom, margins[j].bottom)
                }
            }
        }
        return result
    }

    /// Shrinks `frame` about its centre so that one x unit is as long as one y unit (pass
    /// `dy` times the aspect ratio for another ratio).
    static func equalAspect(_ frame: Rect, dx: Double, dy: Double) -> Rect {
        guard dx > 0, dy > 0 else { return frame }
        let scale = min(frame.width / dx, frame.height / dy)
        let width = scale * dx, height = scale * dy
        return Rect(x: frame.midX - width / 2, y: frame.midY - height / 2, width: width, height: height)
    }
}
