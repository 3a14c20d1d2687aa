/// Builds compact SVG path data from points, breaking at non-finite ones.
///
/// Points are rounded to hundredths of a point; a subpath starts with an absolute `M` and
/// continues with relative `l` steps between the rounded positions (so rounding never drifts),
/// leading zeros dropped and separators left out where the grammar allows (`l.18-1.05.2-1`).
/// Repeated points are skipped. A 2,000-point line takes about 16 KB.
struct PathBuilder {
    /// The path data as UTF-8 bytes (built as bytes: this is the hot loop of large plots).
    private var bytes: [UInt8] = []
    /// The current point in hundredths, while a subpath is open.
    private var current: (x: Int, y: Int)?
    private var inLineTo = false
    private var lastHadDot = false

    /// The path data.
    var data: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether nothing has been added.
    var isEmpty: Bool { bytes.isEmpty }

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
                bytes.append(UInt8(ascii: "l"))
                inLineTo = true
                lastHadDot = false
            }
            number(ix - cx)
            number(iy - cy)
        } else {
            bytes.append(UInt8(ascii: "M"))
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
        if current != nil { bytes.append(UInt8(ascii: "z")) }
        lift()
    }

    /// Appends raw path data (marker shapes); the next point starts a new subpath.
    mutating func append(_ raw: String) {
        bytes += raw.utf8
        lift()
    }

    /// A canvas coordinate in hundredths of a point, clamped far outside any canvas.
    static func hundredths(_ v: Double) -> Int {
        Int((min(max(v, -1e7), 1e7) * 100).rounded())
    }

    /// Appends a number of hundredths with the shortest separator the path grammar allows:
    /// none before a minus sign, none before a leading `.` when the previous number had a
    /// point, else a space; none right after a command letter.
    private mutating func number(_ n: Int) {
        let magnitude = n.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        let startsWithDot = whole == 0 && fraction != 0
        if let last = bytes.last, last != UInt8(ascii: "M"), last != UInt8(ascii: "l"), last != UInt8(ascii: "z") {
            if !(n < 0 || (startsWithDot && lastHadDot)) { bytes.append(UInt8(ascii: " ")) }
        }
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        if !startsWithDot { digits(whole) }
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            if fraction % 10 == 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            } else {
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
                bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            }
        }
        lastHadDot = fraction != 0
    }

    /// Appends the decimal digits of `value`.
    private mutating func digits(_ value: UInt) {
        if value >= 10 { digits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
