import Foundation

/// A matplotlib patch added with `ax.add_patch` / `ax.add_artist`: `Circle`, `Rectangle` or
/// `Polygon`, in data coordinates (so a circle stays round only with `set_aspect('equal')`,
/// as in matplotlib).
public struct PatchShape: Sendable {
    enum Kind: Sendable {
        case circle(x: Double, y: Double, radius: Double)
        case rectangle(x: Double, y: Double, width: Double, height: Double)
        case polygon([(x: Double, y: Double)])
    }

    let kind: Kind

    /// `Circle((x, y), radius)`.
    public static func circle(x: Double, y: Double, radius: Double) throws -> PatchShape {
        guard x.isFinite, y.isFinite, radius.isFinite, radius >= 0 else {
            throw PlotError("Circle: the centre and radius must be finite numbers, the radius not negative")
        }
        return PatchShape(kind: .circle(x: x, y: y, radius: radius))
    }

    /// `Rectangle((x, y), width, height)`: `(x, y)` is the anchor corner.
    public static func rectangle(x: Double, y: Double, width: Double, height: Double) throws -> PatchShape {
        guard [x, y, width, height].allSatisfy(\.isFinite) else {
            throw PlotError("Rectangle: the corner, width and height must be finite numbers")
        }
        return PatchShape(kind: .rectangle(x: x, y: y, width: width, height: height))
    }

    /// `Polygon(xy)`: the vertices, closed.
    public static func polygon(_ points: [(x: Double, y: Double)]) throws -> PatchShape {
        guard points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
            throw PlotError("Polygon: the vertices must be finite numbers")
        }
        return PatchShape(kind: .polygon(points))
    }

    /// The outline in data coordinates (a circle as 128 vertices, so any scale maps it).
    var vertices: [(x: Double, y: Double)] {
        switch kind {
        case let .circle(x, y, r):
            return (0..<128).map { i in
                let a = 2 * Double.pi * Double(i) / 128
                return (x + r * cos(a), y + r * sin(a))
            }
        case let .rectangle(x, y, w, h):
            return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        case .polygon(let points):
            return points
        }
    }
}

/// A patch as drawn: its shape, face (nil when `fill=False`) and edge.
struct PatchMark: Sendable {
    var shape: PatchShape
    var paint: FillStyle
    var label: String?
}

extension Axes {
    /// Adds a patch (`ax.add_patch(p)`), with matplotlib's patch defaults: face `C0`, no edge
    /// when filled and black when not (`fill=False`); `color` sets both; alpha applies to both;
    /// linewidth 1.
    mutating func addPatch(_ shape: PatchShape, fill: Bool, style: SeriesStyle) throws {
        let call = "add_patch"
        let (face, edge) = try style.resolveFill(call) { Palette.color(at: 0) }
        let width = try style.resolveWidth(call) ?? 1
        let lineStyle = try style.resolveLineStyle(call) ?? .solid
        let outline = edge ?? (fill || style.edgecolor != nil ? nil : Palette.ink.withAlpha(style.alpha))
        try add(.patch(PatchMark(shape: shape, paint: FillStyle(face: fill ? face : nil, edge: outline, width: width,
                                                                style: lineStyle), label: style.label)), call: call)
    }
}

extension Pyplot {
    /// `ax.add_patch(patch)` on the current axes; `fill` is the patch's `fill=`.
    public mutating func addPatch(_ shape: PatchShape, fill: Bool = true, style: SeriesStyle = SeriesStyle()) throws {
        try drawing(style) { try $0.addPatch(shape, fill: fill, style: style) }
    }
}

extension MarkRenderer {
    /// One closed path through the patch's vertices.
    func patch(_ m: PatchMark, into w: inout SVGWriter) {
        var path = PathBuilder()
        for p in m.shape.vertices {
            let px = plan.x(p.x), py = plan.y(p.y)
            guard px.isFinite, py.isFinite else { return }
            path.add(px, py)
        }
        guard !path.isEmpty else { return }
        path.close()
        w.element("path", [("d", path.data)] + m.paint.attributes)
    }
}
