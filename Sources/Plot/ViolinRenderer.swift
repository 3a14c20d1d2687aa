/// Draws violins: translucent bodies, then the extrema bar and caps, mean and median lines.
struct ViolinRenderer {
    let plan: AxesPlan

    func render(_ m: ViolinMark, into w: inout SVGWriter) {
        var bodies = PathBuilder()
        var lines = PathBuilder()
        let c = Num.coord
        for body in m.bodies {
            for (level, half) in zip(body.levels, body.halfWidths) {
                bodies.add(plan.x(body.position + half), plan.y(level))
            }
            for (level, half) in zip(body.levels, body.halfWidths).reversed() {
                bodies.add(plan.x(body.position - half), plan.y(level))
            }
            bodies.close()
            let capLo = plan.x(body.position - m.halfWidth / 2), capHi = plan.x(body.position + m.halfWidth / 2)
            func cap(_ value: Double) {
                lines.append("M\(c(capLo)),\(c(plan.y(value)))H\(c(capHi))")
            }
            if m.showExtrema {
                let px = c(plan.x(body.position))
                lines.append("M\(px),\(c(plan.y(body.minimum)))V\(c(plan.y(body.maximum)))")
                cap(body.minimum)
                cap(body.maximum)
            }
            if m.showMeans { cap(body.mean) }
            if m.showMedians { cap(body.median) }
        }
        let bodyColor = m.color.alpha < 1 ? m.color : m.color.withAlpha(0.3)
        var bodyPaint = Paint.fill(bodyColor)
        bodyPaint += [("stroke", m.color.hexString), ("stroke-width", "0.8"), ("stroke-opacity", Num.unit(bodyColor.alpha))]
        if !bodies.isEmpty { w.element("path", [("d", bodies.data)] + bodyPaint) }
        if !lines.isEmpty {
            w.element("path", [("d", lines.data), ("fill", "none")] + Paint.stroke(m.color.withAlpha(1), width: 1, style: .solid))
        }
    }
}
