import Plot

/// matplotlib's 3-D axes (`mpl_toolkits.mplot3d`): `fig.add_subplot(projection='3d')` or
/// `plt.subplot(…, projection='3d')` makes one; on it `ax.plot(xs, ys, zs, fmt)` draws a
/// path and `ax.scatter(xs, ys, zs, s=, c=)` points, coloured one by one by `c` (a colour,
/// a list of colours, RGB(A) rows, or numbers through `cmap`). `ax.set_zlim`, `ax.set_zlabel`
/// and `ax.view_init(elev, azim)` as matplotlib's. rnnbook's `plt.plot3d`/`plt.scatter3d`
/// draw on any axes.
extension PlotBuiltins {
    static let scatter3DSignature = Signature(
        "scatter", ["xs", "ys", "zs", "zdir", "s", "c"], required: 2,
        keywordOnly: styleKeywords.filter { $0 != "c" } + ["cmap", "vmin", "vmax"])

    static func installThreeD(_ plt: Namespace) {
        plt.function("plot3d", Signature("plot3d", ["x", "y", "z", "fmt"], required: 3, keywordOnly: styleKeywords)) { args, interpreter in
            let (x, y, z) = try coordinates(args, ["x", "y", "z"], interpreter, call: "plot3d")
            let format = try args.optionalString("fmt")
            let style = try args.seriesStyle(interpreter)
            return try draw(interpreter) { try $0.plot3d(x, y, z, format, style: style) }
        }
        plt.function("scatter3d", Signature("scatter3d", ["x", "y", "z", "s", "c"], required: 3,
                                            keywordOnly: styleKeywords.filter { $0 != "c" } + ["cmap", "vmin", "vmax"])) { args, interpreter in
            try scatter3D(args, ["x", "y", "z"], interpreter)
        }
    }

    /// `ax.plot(xs, ys, zs, fmt, …)` on a 3-D axes (`plot`'s arguments after binding).
    static func plot3D(_ rest: [Value], _ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        var values = rest
        var format: String?
        if case .str(let text)? = values.last {
            format = text
            values.removeLast()
        }
        guard values.count == 3 else {
            throw RuntimeError.type("plot() on 3-D axes takes xs, ys and zs (and an optional format string), got \(values.count) arrays")
        }
        let x = try interpreter.numbers(values[0], "plot() xs")
        let y = try interpreter.numbers(values[1], "plot() ys")
        let z = try interpreter.numbers(values[2], "plot() zs")
        let style = try args.seriesStyle(interpreter)
        return try draw(interpreter) { try $0.plot3d(x, y, z, format, style: style) }
    }

    /// `ax.scatter(xs, ys, zs=0, zdir='z', s=20, c=None, …)` on a 3-D axes.
    static func scatter3D(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try scatter3DSignature.bind(arguments)
        let zdir = try args.optionalString("zdir") ?? "z"
        guard zdir == "z" else {
            throw RuntimeError.value("scatter(): only zdir='z' is available in rnnbook; pass the coordinates in x, y, z order")
        }
        return try scatter3D(args, ["xs", "ys", "zs"], interpreter)
    }

    /// Draws 3-D points with `s` and per-point `c` from bound arguments.
    private static func scatter3D(_ args: BoundArguments, _ names: [String], _ interpreter: Interpreter) throws -> Value {
        let call = args.signature.name
        let (x, y, z) = try coordinates(args, names, interpreter, call: call)
        let size = try args.optionalDouble("s")
        var style = try args.seriesStyle(interpreter)
        var colors: [String]?
        var values: [Double]?
        if let c = args["c"], !c.isNone {
            if case .str(let colour) = c { style.color = colour } else {
                (colors, values) = try pointColors(c, interpreter, call: call)
            }
        }
        let cmap = try cmapName(args)
        let vmin = try args.optionalDouble("vmin")
        let vmax = try args.optionalDouble("vmax")
        return try draw(interpreter) {
            try $0.scatter3d(x, y, z, s: size, colors: colors, values: values, cmap: cmap, vmin: vmin, vmax: vmax, style: style)
        }
    }

    /// x, y and z; a number for z (matplotlib's `zs=0` default) puts every point at that height.
    private static func coordinates(_ args: BoundArguments, _ names: [String], _ interpreter: Interpreter,
                                    call: String) throws -> ([Double], [Double], [Double]) {
        let x = try interpreter.numbers(args.value(names[0]), "\(call)() \(names[0])")
        let y = try interpreter.numbers(args.value(names[1]), "\(call)() \(names[1])")
        let given = args.value(names[2], .int(0))
        switch given {
        case .int, .float: return (x, y, Array(repeating: try given.asDouble("\(call)() \(names[2])"), count: x.count))
        default: return (x, y, try interpreter.numbers(given, "\(call)() \(names[2])"))
        }
    }

    /// matplotlib's `c=` for points: colour strings, RGB or RGBA rows in [0, 1] (as hex
    /// colours), or numbers to map through the colour map.
    static func pointColors(_ c: Value, _ interpreter: Interpreter,
                                    call: String) throws -> (colors: [String]?, values: [Double]?) {
        if case .list = c, case let items = try interpreter.collect(c), !items.isEmpty,
           items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
            return (items.map { $0.str() }, nil)
        }
        if case .tuple = c, case let items = try interpreter.collect(c), !items.isEmpty,
           items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
            return (items.map { $0.str() }, nil)
        }
        let array = try NDArray.from(c, "\(call)() c")
        if array.ndim == 2 {
            guard array.shape[1] == 3 || array.shape[1] == 4 else {
                throw RuntimeError.value("\(call)(): c as a 2-D array must hold RGB or RGBA rows, got shape \(ShapeText.format(array.shape))")
            }
            guard array.values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                throw RuntimeError.value("\(call)(): RGB(A) values in c must lie in [0, 1]")
            }
            let width = array.shape[1]
            return (try (0..<array.shape[0]).map { row in
                try rgbaHex(Array(array.values[(row * width)..<((row + 1) * width)]), "\(call)() c")
            }, nil)
        }
        return (nil, try interpreter.numbers(c, "\(call)() c"))
    }

    /// `ax.set_zlim(bottom, top)` (or a pair) and `ax.view_init(elev=30, azim=-60)` on the
    /// axes `handle`, leaving pyplot's current axes as it was.
    static func axes3DCall(_ name: String, _ arguments: Arguments, _ handle: AxesHandle, _ interpreter: Interpreter) throws -> Value {
        if name == "view_init" {
            let args = try Signature("view_init", ["elev", "azim"], required: 0).bind(arguments)
            let elev = try args.double("elev", 30)
            let azim = try args.double("azim", -60)
            try onAxes(handle, interpreter) { try $0.viewInit(elev: elev, azim: azim) }
            return .none
        }
        let args = try Signature("set_zlim", ["bottom", "top"], required: 0).bind(arguments)
        let lo: Double?, hi: Double?
        if case .tuple(let pair)? = args["bottom"], pair.count == 2, args["top"] == nil {
            lo = pair[0].isNone ? nil : try pair[0].asDouble("set_zlim() bottom")
            hi = pair[1].isNone ? nil : try pair[1].asDouble("set_zlim() top")
        } else {
            (lo, hi) = (try args.optionalDouble("bottom"), try args.optionalDouble("top"))
        }
        try onAxes(handle, interpreter) { try $0.zlim(lo, hi) }
        return .none
    }
}
