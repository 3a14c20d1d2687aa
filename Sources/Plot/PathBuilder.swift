/// Builds compact SVG path data from points, breaking at non-finite ones.
///
/// Points are rounded to hundredths of a point; a subpath starts with an absolute `M` and
/// continues with relative `l` steps between the rounded positions (so rounding never drifts),
/// leading zeros dropped and separators left out where the grammar allows (`l.18-1.05.2-1`).
/// Repeated points are skipped. A 2,000-point line takes about 16 KB.
struct PathBuilder {
    private(set) var data = ""
    /// The current point in hundredths, while a subpath is open.
    private var current: (x: Int, y: Int)?
    private var inLineTo = false
    private var lastHadDot = false

    /// Adds a point: a move after a break, else a line to it.
    mutating func add(_ x: Double, _ y: Double) {
        guard x.isFinite, y.isFinite else {
            lift()
            return
        }
        let ix = PathBuilder.hundredths(x), iy = PathBuilder.hundredths(y)
        if let (cx, cy) = current {
            if ix == cx && iy == cy { return }
            if !inLineTo {
                data += "l"
                inLineTo = true
                lastHadDot = false
            }
            number(ix - cx)
            number(iy - cy)
        } else {
            data += "M"
            lastHadDot = false
            number(ix)
            number(iy)
            inLineTo = false
        }
        current = (ix, iy)
    }

    /// Starts a new subpath at the next point.
    mutating func lift() {
        current = nil
        inLineTo = false
    }

    /// Closes the current subpath.
    mutating func close() {
        if current != nil { data += "z" }
        lift()
    }

    /// Appends raw path data (marker shapes); the next point starts a new subpath.
    mutating func append(_ raw: String) {
        data += raw
        lift()
    }

    /// A canvas coordinate in hundredths of a point, clamped far outside any canvas.
    static func hundredths(_ v: Double) -> Int {
        Int((min(max(v, -1e7), 1e7) * 100).rounded())
    }

    /// Appends a number of hundredths with the shortest separator the path grammar allows.
    private mutating func number(_ n: Int) {
        let magnitude = n.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        var text = n < 0 ? "-" : ""
        if whole != 0 || fraction == 0 { text += String(whole) }
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        let hasDot = fraction != 0
        if let last = data.last, last != "M", last != "l", last != "z" {
            let startsWithDot = text.first == "."
            if !(text.first == "-" || (startsWithDot && lastHadDot)) { data += " " }
        }
        data += text
        lastHadDot = hasDot
    }
}
