import Plot

/// A colour map in the language (`plt.cm.viridis`, `plt.get_cmap('tab10')`): called with a
/// float in [0, 1] it gives an RGBA tuple, with an int the table entry (of `N`), with an
/// array an (n, 4) array, as matplotlib's `Colormap.__call__`; `cmap=` arguments take it.
/// Immutable: snapshots share it.
final class ColormapObject: NativeObject {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    var typeName: String { "Colormap" }
    func repr() -> String { "<matplotlib.colors.Colormap object>" }
    var attributeNames: [String] { ["name", "N", "reversed"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "name": return .str(self.name)
        case "N": return .int(try PlotBuiltins.perform(interpreter) { _ in try Colormaps.count(self.name) })
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name == "reversed" else { return nil }
        _ = try Signature("reversed").bind(arguments)
        return .native(ColormapObject(self.name.hasSuffix("_r") ? String(self.name.dropLast(2)) : self.name + "_r"))
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature(name, ["X", "alpha", "bytes"], required: 1).bind(arguments)
        let alpha = try args.optionalDouble("alpha")
        if let alpha, !(alpha >= 0 && alpha <= 1) { throw RuntimeError.value("alpha must be between 0 and 1, got \(alpha)") }
        let bytes = try args.bool("bytes", false)
        func rgba(_ value: Value) throws -> [Double] {
            // NaN is matplotlib's "bad" colour, transparent black, which alpha leaves alone.
            if case .float(let t) = value, t.isNaN { return [0, 0, 0, 0] }
            var colour = try PlotBuiltins.perform(interpreter) { _ in
                if case .int(let index) = value { return try Colormaps.rgba(name, index: index) }
                if case .bool = value { throw PlotError("colour map argument must be a number, not bool") }
                return try Colormaps.rgba(name, at: try value.asDouble("colour map argument"))
            }
            if let alpha { colour[3] = alpha }
            return bytes ? colour.map { ($0 * 255).rounded() } : colour
        }
        let x = args.value("X")
        switch x {
        case .int, .float: return .tuple(try rgba(x).map { bytes ? .int(Int($0)) : .float($0) })
        default:
            let array = try NDArray.from(x, "\(name)() X")
            let isInt = array.dtype == .int64
            // Integers beyond the table clamp to its ends, so they are clamped before converting.
            let rows = try array.values.map { try rgba(isInt ? .int(Int(min(max($0, -1), 1e9))) : .float($0)) }
            return try NDArray(shape: array.shape + [4], values: rows.flatMap { $0 }, dtype: bytes ? .int64 : .float32)
                .tensor(interpreter.tensors)
        }
    }
}

extension PlotBuiltins {
    /// `plt.cm` (also `matplotlib.cm`): every colour map by name, and `get_cmap`; `plt.get_cmap`.
    static func installColormaps(_ plt: Namespace) {
        let cm = Namespace(name: "matplotlib.cm")
        for name in Colormaps.names {
            cm.value(name, .native(ColormapObject(name)))
            cm.value(name + "_r", .native(ColormapObject(name + "_r")))
        }
        for namespace in [cm, plt] {
            namespace.function("get_cmap", Signature("get_cmap", ["name", "lut"], required: 0)) { args, interpreter in
                if let lut = args["lut"], !lut.isNone {
                    throw RuntimeError.value("get_cmap(): lut= is not available in rnnbook; sample the map with cmap(np.linspace(0, 1, n))")
                }
                if case .native(let given as ColormapObject)? = args["name"] { return .native(given) }
                let name = try args.string("name", "viridis")
                try perform(interpreter) { _ in try Colormaps.check(name) }
                return .native(ColormapObject(name))
            }
        }
        plt.value("cm", .native(cm))
    }

    /// A `cmap=` argument: a name or a colour map object; nil when not given.
    static func cmapName(_ args: BoundArguments) throws -> String? {
        if case .native(let map as ColormapObject)? = args["cmap"] { return map.name }
        return try args.optionalString("cmap")
    }
}
