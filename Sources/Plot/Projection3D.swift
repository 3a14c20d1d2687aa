/// Where a 3-D axes is seen from: elevation and azimuth in degrees, as matplotlib's
/// `view_init(elev, azim)`; the default is matplotlib's (30°, −60°).
struct View3D: Equatable, Sendable {
    var elevation = 30.0, azimuth = -60.0

    typealias Vector = (x: Double, y: Double, z: Double)

    /// Screen right, screen up, and towards the viewer, in normalised box coordinates.
    var axes: (right: Vector, up: Vector, eye: Vector) {
        if self == View3D() {
            // The default view's sines and cosines, written out.
            return ((0.8660254037844386, 0.5, 0.0), (-0.25, 0.4330127018922193, 0.8660254037844386),
                    (0.4330127018922193, -0.75, 0.5))
        }
        let (se, ce) = Trig.sinCos(degrees: elevation), (sa, ca) = Trig.sinCos(degrees: azimuth)
        return ((-sa, ca, 0), (-se * ca, -se * sa, ce), (ce * ca, ce * sa, se))
    }
}

/// An orthographic view of a data box (a 4:4:3 box, as matplotlib's 3-D axes). Data are
/// normalised into the box, projected onto the screen plane, and fitted into a frame.
struct Projection3D: Sendable {
    let x: (lo: Double, hi: Double), y: (lo: Double, hi: Double), z: (lo: Double, hi: Double)
    private let scale: Double, centreX: Double, centreY: Double
    private let right: View3D.Vector, up: View3D.Vector
    /// Normalised coordinates of the back panes (the sides away from the viewer): the wall
    /// of constant x, the wall of constant y, and the floor (or ceiling, seen from below).
    let xWall: Double, yWall: Double, floor: Double

    /// Half-extents of the normalised box.
    static let half = (x: 0.5, y: 0.5, z: 0.375)

    init(x: (lo: Double, hi: Double), y: (lo: Double, hi: Double), z: (lo: Double, hi: Double), frame: Rect,
         view: View3D = View3D()) {
        self.x = x
        self.y = y
        self.z = z
        let axes = view.axes
        right = axes.right
        up = axes.up
        xWall = axes.eye.x >= 0 ? -Projection3D.half.x : Projection3D.half.x
        yWall = axes.eye.y <= 0 ? Projection3D.half.y : -Projection3D.half.y
        floor = axes.eye.z >= 0 ? -Projection3D.half.z : Projection3D.half.z
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for corner in Projection3D.corners {
            let p = Projection3D.screen(corner.0, corner.1, corner.2, right: right, up: up)
            minX = min(minX, p.0); maxX = max(maxX, p.0)
            minY = min(minY, p.1); maxY = max(maxY, p.1)
        }
        // Leave room around the box for tick and axis labels.
        let usableWidth = max(frame.width - 70, 10), usableHeight = max(frame.height - 50, 10)
        scale = min(usableWidth / (maxX - minX), usableHeight / (maxY - minY))
        centreX = frame.midX - (minX + maxX) / 2 * scale
        centreY = frame.midY + 8 + (minY + maxY) / 2 * scale
    }

    /// The eight corners of the normalised box.
    static let corners: [(Double, Double, Double)] = [-1.0, 1.0].flatMap { sx in
        [-1.0, 1.0].flatMap { sy in [-1.0, 1.0].map { sz in (sx * half.x, sy * half.y, sz * half.z) } }
    }

    /// Screen-plane coordinates (y up) of a normalised point.
    private static func screen(_ u: Double, _ v: Double, _ w: Double, right: View3D.Vector,
                               up: View3D.Vector) -> (Double, Double) {
        (u * right.x + v * right.y + w * right.z, u * up.x + v * up.y + w * up.z)
    }

    /// Normalised box coordinates of a data point.
    func normalised(_ px: Double, _ py: Double, _ pz: Double) -> (Double, Double, Double) {
        func unit(_ v: Double, _ r: (lo: Double, hi: Double)) -> Double { (v - r.lo) / (r.hi - r.lo) - 0.5 }
        return (unit(px, x) * 2 * Projection3D.half.x, unit(py, y) * 2 * Projection3D.half.y,
                unit(pz, z) * 2 * Projection3D.half.z)
    }

    /// Canvas coordinates of a normalised point.
    func canvas(_ u: Double, _ v: Double, _ w: Double) -> (Double, Double) {
        let p = Projection3D.screen(u, v, w, right: right, up: up)
        return (centreX + p.0 * scale, centreY - p.1 * scale)
    }

    /// The canvas rectangle around the projected box (where a 3-D legend goes).
    var boxBounds: Rect {
        let points = Projection3D.corners.map { canvas($0.0, $0.1, $0.2) }
        let xs = points.map(\.0), ys = points.map(\.1)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
    }

    /// Canvas coordinates of a data point.
    func callAsFunction(_ px: Double, _ py: Double, _ pz: Double) -> (Double, Double) {
        let n = normalised(px, py, pz)
        return canvas(n.0, n.1, n.2)
    }

    /// The canvas direction (unit vector) pointing away from the box centre through a normalised point.
    func outward(_ u: Double, _ v: Double, _ w: Double) -> (Double, Double) {
        let centre = canvas(0, 0, 0), p = canvas(u, v, w)
        let dx = p.0 - centre.0, dy = p.1 - centre.1
        let length = (dx * dx + dy * dy).squareRoot()
        return length > 0 ? (dx / length, dy / length) : (0, 1)
    }
}
