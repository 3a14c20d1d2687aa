extension Figure {
    /// Renders the figure as a standalone `<svg>` element: deterministic bytes, every text
    /// escaped, `role="img"` with a `<title>` and `aria-label`, and a `viewBox` so it scales.
    /// Element ids (clip paths) start with `idPrefix`, so several figures can share a page;
    /// characters other than letters, digits, `-` and `_` in the prefix become `_`.
    ///
    /// The root carries a `min-width` in CSS pixels: the width at which its smallest text is
    /// `Figure.legibleTextPixels` (9 px) high, or its natural width if that is less, so a page
    /// that shrinks figures to fit a narrow column (`max-width: 100%`) stops before text
    /// becomes illegible and lets the figure scroll instead.
    public func svg(idPrefix: String = "fig") -> String {
        let prefix = Figure.sanitizedID(idPrefix)
        let canvasWidth = Num.coord(width * Figure.pointsPerInch)
        let canvasHeight = Num.coord(height * Figure.pointsPerInch)
        var w = SVGWriter()
        w.element("rect", [("width", canvasWidth), ("height", canvasHeight), ("fill", "#fff")])
        if let suptitle {
            w.text(suptitle, x: width * Figure.pointsPerInch / 2, y: Style.outerPad, anchor: .middle, baseline: .top,
                   size: suptitleSize, weight: suptitleWeight)
        }
        for (i, plan) in plans().enumerated() {
            let clipID = "\(prefix)-clip\(i)"
            if axes[i].is3D {
                Axes3DRenderer(axes: axes[i], frame: plan.frame).render(into: &w)
            } else {
                AxesRenderer(axes: axes[i], plan: plan, clipID: clipID).render(into: &w)
            }
        }
        var root = SVGWriter()
        let natural = width * Figure.pointsPerInch * 4 / 3
        let legible = w.smallestText.map { width * Figure.pointsPerInch * Figure.legibleTextPixels / $0 } ?? 0
        root.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            ("width", canvasWidth + "pt"), ("height", canvasHeight + "pt"),
            ("viewBox", "0 0 \(canvasWidth) \(canvasHeight)"),
            ("role", "img"), ("aria-label", accessibleLabel),
            ("font-family", Style.fontFamily), ("font-size", Num.coord(Style.fontSize)),
            ("style", "min-width:\(Num.coord(min(natural, legible)))px"),
        ], close: false)
        root.textElement("title", [], accessibleLabel)
        root.append(w)
        root.end("svg")
        return root.output
    }

    /// The smallest text height, in CSS pixels, a page should show (issue 20: legible at 420 px).
    public static let legibleTextPixels = 9.0

    /// Letters, digits, `-` and `_` kept; anything else `_`; a leading letter guaranteed.
    static func sanitizedID(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        if let first = out.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") {
            return out
        }
        return "f" + out
    }
}
