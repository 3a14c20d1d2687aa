import Plot

/// `matplotlib.patches.Circle`, `Rectangle` and `Polygon` (also `plt.Circle`, …), added to an
/// axes with `ax.add_patch(p)` or `ax.add_artist(p)`; and `plt.xkcd()`.
extension PlotBuiltins {
    /// The keywords a patch takes, as matplotlib's `Patch`.
    static let patchKeywords = ["alpha", "color", "facecolor", "fc", "edgecolor", "ec", "linewidth", "lw", "linestyle", "ls",
                                "fill", "label", "zorder", "clip_on"]

    static func installPatches(_ plt: Namespace) {
        plt.function("Circle", Signature("Circle", ["xy", "radius"], required: 1, keywordOnly: patchKeywords)) { args, interpreter in
            let xy = try point(args.value("xy"), "Circle() xy", interpreter)
            let radius = try args.double("radius", 5)
            return try patch(args, interpreter) { try PatchShape.circle(x: xy.x, y: xy.y, radius: radius) }
        }
        plt.function("Rectangle", Signature("Rectangle", ["xy", "width", "height", "angle"], required: 3,
                                            keywordOnly: patchKeywords + ["rotation_point"])) { args, interpreter in
            let xy = try point(args.value("xy"), "Rectangle() xy", interpreter)
            guard try args.double("angle", 0) == 0 else {
                throw RuntimeError.value("Rectangle(): a rotated rectangle (angle=) is not available in rnnbook; use Polygon with the corners")
            }
            if let pivot = args["rotation_point"], pivot.str() != "xy" {
                throw RuntimeError.value("Rectangle(): rotation_point= is not available in rnnbook (no rotation)")
            }
            let width = try args.double("width", 0), height = try args.double("height", 0)
            return try patch(args, interpreter) { try PatchShape.rectangle(x: xy.x, y: xy.y, width: width, height: height) }
        }
        plt.function("Polygon", Signature("Polygon", ["xy", "closed"], required: 1, keywordOnly: patchKeywords)) { args, interpreter in
            guard try args.bool("closed", true) else {
                throw RuntimeError.value("Polygon(): closed=False is not available in rnnbook; use plt.plot for an open path")
            }
            let rows = try interpreter.matrix(args.value("xy"), "Polygon() xy")
            guard rows.allSatisfy({ $0.count == 2 }) else { throw RuntimeError.value("Polygon(): xy must be an (N, 2) array of points") }
            return try patch(args, interpreter) { try PatchShape.polygon(rows.map { ($0[0], $0[1]) }) }
        }
    }

    /// An (x, y) pair.
    static func point(_ value: Value, _ what: String, _ interpreter: Interpreter) throws -> (x: Double, y: Double) {
        let pair = try interpreter.numbers(value, what)
        guard pair.count == 2 else { throw RuntimeError.value("\(what) must be a pair (x, y), got \(pair.count) numbers") }
        return (pair[0], pair[1])
    }

    /// A patch value from its shape and the `Patch` keywords.
    private static func patch(_ args: BoundArguments, _ interpreter: Interpreter,
                              _ shape: () throws -> PatchShape) throws -> Value {
        let made = try perform(interpreter) { _ in try shape() }
        let style = try args.seriesStyle(interpreter)
        return .native(PatchObject(name: args.signature.name, shape: made, fill: try args.bool("fill", true), style: style))
    }

    /// `ax.add_patch(p)` / `ax.add_artist(p)` on the axes `handle`: draws the patch there and
    /// returns its artist.
    static func addPatch(_ arguments: Arguments, _ handle: AxesHandle, call: String, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature(call, [call == "add_patch" ? "p" : "a"]).bind(arguments)
        guard case .native(let object) = args.value(call == "add_patch" ? "p" : "a"), let patch = object as? PatchObject else {
            throw RuntimeError.type("\(call)() takes a patch made by Circle, Rectangle or Polygon (matplotlib.patches)")
        }
        let before = try perform(interpreter) { try $0.markCount(handle) }
        try onAxes(handle, interpreter) { try $0.addPatch(patch.shape, fill: patch.fill, style: patch.style) }
        return try artists(handle, since: before, className: patch.name, interpreter).first ?? .none
    }
}

/// A patch made by `Circle(...)`, `Rectangle(...)` or `Polygon(...)` before it is added to an
/// axes: what it is and how it is painted, fixed when made. `ax.add_patch` returns the drawn
/// patch, whose `set_…` methods work.
final class PatchObject: NativeObject {
    let name: String
    let shape: PatchShape
    let fill: Bool
    let style: SeriesStyle

    init(name: String, shape: PatchShape, fill: Bool, style: SeriesStyle) {
        (self.name, self.shape, self.fill, self.style) = (name, shape, fill, style)
    }

    var typeName: String { name }
    func repr() -> String { "<matplotlib.patches.\(name) object>" }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name.hasPrefix("set_") else { return nil }
        throw RuntimeError("\(self.name).\(name)(): give the patch's properties when making it, or call \(name) on the patch "
                           + "ax.add_patch returns (p = ax.add_patch(\(self.name)(...)))", id: "attribute-error")
    }
}

/// What `plt.xkcd()` returns: usable as `with plt.xkcd():`. rnnbook draws no hand-drawn style.
final class XkcdContext: NativeObject {
    var typeName: String { "ExitStack" }
    func repr() -> String { "<contextlib.ExitStack object>" }
    func enter(_ interpreter: Interpreter) throws -> Value? { .native(self) }
    func exit(_ interpreter: Interpreter) throws {}
}
