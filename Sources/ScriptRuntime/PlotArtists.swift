import Diagnostics
import Plot

/// A drawn artist in the language: a `Line2D` from `plot`, the `PolyCollection` of
/// `fill_between` or of a violin body, a violin's `LineCollection` part, or an added patch.
/// Like `AxesObject` it names the drawing (`ArtistHandle`) and holds no state of its own, so
/// snapshots share it; its `get_…`/`set_…` methods read and change the session's figure,
/// and fail once the figure has been shown at the end of its block.
final class ArtistObject: NativeObject {
    let handle: ArtistHandle
    let className: String

    init(_ handle: ArtistHandle, className: String) {
        self.handle = handle
        self.className = className
    }

    var typeName: String { className }

    func repr() -> String {
        if className == "Line2D" { return "<matplotlib.lines.Line2D object>" }
        return "<matplotlib.\(className.hasSuffix("Collection") ? "collections" : "patches").\(className) object>"
    }

    /// `set_<name>` → the property, for setters taking one value.
    static let setters = ["color", "c", "facecolor", "fc", "edgecolor", "ec", "linewidth", "lw", "linestyle", "ls",
                          "alpha", "label", "xdata", "ydata", "marker", "markersize", "ms", "zorder", "visible", "hatch", "fill"]
    static let getters = ["color", "c", "facecolor", "fc", "edgecolor", "ec", "linewidth", "lw", "linestyle", "ls", "alpha",
                          "label", "xdata", "ydata", "data", "marker", "markersize", "ms", "zorder", "visible"]

    var attributeNames: [String] {
        (ArtistObject.setters.map { "set_" + $0 } + ArtistObject.getters.map { "get_" + $0 } + ["set_data", "set_dashes", "set"]).sorted()
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "set":
            guard arguments.positional.isEmpty else { throw RuntimeError.type("set() takes keyword arguments only") }
            for (keyword, value) in arguments.keywords { try set(keyword, value, interpreter) }
            return Value.none
        case "set_data":
            let args = try Signature("set_data", ["x", "y"]).bind(arguments)
            let x = try interpreter.numbers(args.value("x"), "set_data() x")
            let y = try interpreter.numbers(args.value("y"), "set_data() y")
            guard x.count == y.count else { throw RuntimeError.value("set_data(): x has \(x.count) values but y has \(y.count)") }
            try PlotBuiltins.perform(interpreter) { try $0.setArtist(handle, .data(x, y)) }
            return Value.none
        case "set_dashes":
            let args = try Signature("set_dashes", ["seq"]).bind(arguments)
            let pattern = try interpreter.numbers(args.value("seq"), "set_dashes() seq")
            try PlotBuiltins.perform(interpreter) { try $0.setArtist(handle, .dashes(offset: 0, pattern: pattern)) }
            return Value.none
        default:
            if name.hasPrefix("set_"), ArtistObject.setters.contains(String(name.dropFirst(4))) {
                let args = try Signature(name, ["value"]).bind(arguments)
                try set(String(name.dropFirst(4)), args.value("value"), interpreter)
                return Value.none
            }
            if name.hasPrefix("get_"), ArtistObject.getters.contains(String(name.dropFirst(4))) {
                _ = try Signature(name).bind(arguments)
                return try get(String(name.dropFirst(4)), interpreter)
            }
            return nil
        }
    }

    /// `set_<property>(value)`, matplotlib's aliases included.
    func set(_ property: String, _ value: Value, _ interpreter: Interpreter) throws {
        let what = "set_\(property)() argument"
        let change: ArtistProperty
        switch property {
        case "color", "c", "facecolor", "fc", "edgecolor", "ec":
            guard let text = try PlotBuiltins.colorText(value, what, interpreter) else {
                throw RuntimeError.value("\(what) must be a colour; use 'none' for no colour")
            }
            switch property {
            case "facecolor", "fc": change = .facecolor(text)
            case "edgecolor", "ec": change = .edgecolor(text)
            default: change = .color(text)
            }
        case "linewidth", "lw": change = .linewidth(try value.asDouble(what))
        case "linestyle", "ls":
            let (name, dashes) = try PlotBuiltins.lineStyle(value, what, interpreter)
            if let dashes { change = .dashes(offset: dashes.offset, pattern: dashes.pattern) } else { change = .linestyle(name ?? "-") }
        case "alpha": change = .alpha(value.isNone ? nil : try value.asDouble(what))
        case "label": change = .label(value.str())
        case "xdata": change = .xdata(try interpreter.numbers(value, what))
        case "ydata": change = .ydata(try interpreter.numbers(value, what))
        case "marker": change = .marker(value.str())
        case "markersize", "ms": change = .markersize(try value.asDouble(what))
        case "zorder": change = .zorder(try value.asDouble(what))
        case "visible": change = .visible(try value.truthy())
        case "fill": change = .fill(try value.truthy())
        case "hatch":
            guard value.isNone || value.str().isEmpty else {
                throw RuntimeError.value("set_hatch(): hatching is not available in rnnbook; use '' (no hatch) or a colour or alpha")
            }
            return
        default:
            let hint = Suggestion.didYouMean(property, in: ArtistObject.setters)
            throw RuntimeError("'\(className)' object has no property '\(property)'\(hint)", id: "attribute-error")
        }
        try PlotBuiltins.perform(interpreter) { try $0.setArtist(handle, change) }
    }

    /// `get_<property>()`.
    func get(_ property: String, _ interpreter: Interpreter) throws -> Value {
        let info = try PlotBuiltins.perform(interpreter) { try $0.artistInfo(handle) }
        func rgba(_ value: [Double]?) -> Value { .tuple((value ?? [0, 0, 0, 0]).map(Value.float)) }
        func numbers(_ values: [Double]) throws -> Value {
            try NDArray(shape: [values.count], values: values, dtype: .float32).tensor(interpreter.tensors)
        }
        switch property {
        case "color", "c":
            if let color = info.color { return .str(color) }
            return rgba(info.edge ?? info.face)
        case "facecolor", "fc": return rgba(info.face)
        case "edgecolor", "ec": return rgba(info.edge)
        case "linewidth", "lw": return info.linewidth.map(Value.float) ?? .none
        case "linestyle", "ls": return info.linestyle.map(Value.str) ?? .none
        case "alpha": return info.alpha.map(Value.float) ?? .none
        case "label": return .str(info.label ?? "_child\(handle.mark)")
        case "xdata": return try numbers(info.xdata)
        case "ydata": return try numbers(info.ydata)
        case "data": return .tuple([try numbers(info.xdata), try numbers(info.ydata)])
        case "marker": return info.marker.map(Value.str) ?? .none
        case "markersize", "ms": return info.markersize.map(Value.float) ?? .none
        case "zorder": return .float(info.zorder)
        default: return .bool(info.visible)
        }
    }
}

extension PlotBuiltins {
    /// Artists of the marks the axes `handle` gained since it held `before` marks.
    static func artists(_ handle: AxesHandle, since before: Int, className: String, _ interpreter: Interpreter) throws -> [Value] {
        let after = try perform(interpreter) { try $0.markCount(handle) }
        return (before..<max(before, after)).map { .native(ArtistObject(ArtistHandle(axes: handle, mark: $0), className: className)) }
    }

    /// `plt.setp(obj, **props)`: calls `set_<prop>(value)` on the artist or on each artist of a list.
    static func setp(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard arguments.positional.count == 1 else {
            throw RuntimeError.type("setp() takes one artist or list of artists and keyword properties, e.g. setp(lines, color='r')")
        }
        let target = arguments.positional[0]
        let objects: [Value]
        switch target {
        case .list, .tuple: objects = try interpreter.collect(target)
        default: objects = [target]
        }
        for object in objects {
            guard case .native(let native) = object, let artist = native as? ArtistObject else {
                throw RuntimeError.type("setp() works on the artists plot calls return, not \(object.typeName)")
            }
            for (keyword, value) in arguments.keywords { try artist.set(keyword, value, interpreter) }
        }
        return .none
    }
}
