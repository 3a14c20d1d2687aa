/// Draws violins: each body (its own fill and outline), then each line part (`cbars`,
/// `cmins`, `cmaxes`, `cmeans`, `cmedians`) as one path in its own stroke.
struct ViolinRenderer {
    let plan: AxesPlan

    func render(_ m: ViolinMark, into w: inout SVGWriter) {
        for (body, style) in zip(m.bodies, m.bodyStyles) {
            var path = PathBuilder()
            for (level, half) in zip(body.levels, body.halfWidths) {
                path.add(plan.x(body.position + half), plan.y(level))
            }
            for (level, half) in zip(body.levels, body.halfWidths).reversed() {
                path.add(plan.x(body.position - half), plan.y(level))
            }
            path.close()
            guard !path.isEmpty else { continue }
            w.element("path", [("d", path.data)] + style.attributes)
        }
        let c = Num.coord
        for part in ["cbars", "cmins", "cmaxes", "cmeans", "cmedians"] {
            guard let stroke = m.lineStyles[part], let color = stroke.shown else { continue }
            var lines = PathBuilder()
            for body in m.bodies {
                let capLo = c(plan.x(body.position - m.halfWidth / 2)), capHi = c(plan.x(body.position + m.halfWidth / 2))
                switch part {
                case "cbars":
                    let px = c(plan.x(body.position))
                    lines.append("M\(px),\(c(plan.y(body.minimum)))V\(c(plan.y(body.maximum)))")
                default:
                    let value = part == "cmins" ? body.minimum : part == "cmaxes" ? body.maximum
                        : part == "cmeans" ? body.mean : body.median
                    lines.append("M\(capLo),\(c(plan.y(value)))H\(capHi)")
                }
            }
            if !lines.isEmpty {
                w.element("path", [("d", lines.data), ("fill", "none")] + Paint.stroke(color, width: stroke.width, style: stroke.style))
            }
        }
    }
}
