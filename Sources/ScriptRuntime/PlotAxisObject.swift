import Plot

/// `ax.xaxis` / `ax.yaxis`: matplotlib's `Axis` of one side of an axes, for
/// `set_ticks(ticks, labels=None, **kwargs)` (as `ax.set_xticks`) and `set_label_coords(x, y)`.
/// `set_major_formatter` is refused with the fixed-tick code to write instead: rnnbook
/// computes tick positions when the figure is drawn, after the block's code has run.
final class PlotAxisObject: NativeObject, SnapshotCopyable {
    let axes: AxesObject
    /// "x" or "y".
    let side: String

    init(_ axes: AxesObject, side: String) {
        self.axes = axes
        self.side = side
    }

    var typeName: String { side == "x" ? "XAxis" : "YAxis" }
    func repr() -> String { "<matplotlib.axis.\(typeName) object>" }
    var attributeNames: [String] { ["set_ticks", "set_label_coords", "set_major_formatter", "axes"] }

    /// The handle names axes whose state lives in the session's plot state, as `AxesObject`.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "axes" ? .native(axes) : nil
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "set_ticks":
            return try PlotBuiltins.setTicks(side, call: "set_ticks", arguments, axes.handle, interpreter)
        case "set_label_coords":
            let args = try Signature("set_label_coords", ["x", "y", "transform"], required: 2).bind(arguments)
            if let transform = args["transform"], !transform.isNone {
                throw RuntimeError.value("set_label_coords(transform=…) is not available in rnnbook: give x and y in axes fractions")
            }
            let x = try args.double("x", 0), y = try args.double("y", 0)
            let handle = axes.handle
            return try PlotBuiltins.draw(interpreter) { pyplot in
                try pyplot.select(handle)
                try pyplot.setLabelCoords(self.side, x: x, y: y)
            }
        case "set_major_formatter", "set_minor_formatter":
            throw RuntimeError.value("\(name)() is not available in rnnbook (ticks are placed when the figure is drawn): "
                                     + "fix the ticks and label them, ax.set_\(side)ticks(ticks, [f(t, None) for t in ticks])")
        default:
            return nil
        }
    }
}

/// `matplotlib.ticker.FuncFormatter(func)`: calling it as `formatter(x, pos=None)` calls
/// `func(x, pos)`, as matplotlib's.
final class FuncFormatterObject: NativeObject, SnapshotCopyable {
    let function: Value

    init(_ function: Value) {
        self.function = function
    }

    var typeName: String { "FuncFormatter" }
    func repr() -> String { "<matplotlib.ticker.FuncFormatter object>" }
    var attributeNames: [String] { ["func"] }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        FuncFormatterObject(try copier.copy(function))
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "func" ? function : nil
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature("__call__", ["x", "pos"], required: 1).bind(arguments)
        return try interpreter.call(function, Arguments([args.value("x"), args.value("pos")]))
    }

    /// `matplotlib.ticker`, holding `FuncFormatter`.
    static func module() -> Namespace {
        let ticker = Namespace(name: "matplotlib.ticker")
        ticker.function("FuncFormatter", Signature("FuncFormatter", ["func"])) { args, _ in
            .native(FuncFormatterObject(args.value("func")))
        }
        return ticker
    }
}
