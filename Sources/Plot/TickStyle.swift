/// How one axis of an axes draws its tick labels and tick marks: the Text properties given
/// to `xticks(..., fontsize=, color=, rotation=, fontweight=)` and `tick_params(labelsize=,
/// labelcolor=, labelrotation=, color=, colors=)`, matplotlib's defaults otherwise.
struct TickStyle: Sendable {
    /// The labels' font size in points.
    var size = Style.fontSize
    /// The labels' colour.
    var labelColor = Palette.ink
    /// Counter-clockwise rotation of the labels in degrees.
    var rotation = 0.0
    /// The labels' CSS font weight, nil for normal.
    var weight: Int?
    /// The tick marks' colour.
    var tickColor = Palette.ink

    /// The size given to `SVGWriter.text` (nil for the figure's default size).
    var textSize: Double? { size == Style.fontSize ? nil : size }

    /// The fill attributes of a label (none for the default ink).
    var labelPaint: [(String, String)] { labelColor == Palette.ink ? [] : Paint.fill(labelColor) }

    /// The width of the widest label.
    func widest(_ labels: [String]) -> Double {
        labels.map { TextMetrics.width($0, size: size) }.max() ?? 0
    }

    /// The width and height of the box around a label of width `width` turned by `rotation`.
    func rotatedBox(width: Double) -> (width: Double, height: Double) {
        let line = size * 1.2
        guard rotation != 0 else { return (width, line) }
        let (sine, cosine) = Trig.sinCos(degrees: rotation)
        return (Swift.abs(width * cosine) + Swift.abs(line * sine), Swift.abs(width * sine) + Swift.abs(line * cosine))
    }
}
