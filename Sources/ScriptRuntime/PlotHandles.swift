import Diagnostics
import Plot
import ScriptSyntax

/// `fig` from `fig, ax = plt.subplots()` or `plt.gcf()`: a figure of the session's pyplot,
/// named by its number. Its methods select the figure and forward to the `plt` calls.
final class FigureObject: NativeObject {
    let number: Int
    /// The `plt` module, whose calls the methods forward to.
    let module: Namespace

    init(number: Int, module: Namespace) {
        self.number = number
        self.module = module
    }

    var typeName: String { "Figure" }

    func repr() -> String {
        "<Figure>"
    }

    func describe(_ interpreter: Interpreter) -> String {
        guard let summary = interpreter.plots.pyplot.summary(figure: number) else { return "<Figure (closed)>" }
        let axes = summary.axesCount == 1 ? "1 Axes" : "\(summary.axesCount) Axes"
        return "<Figure size \(Int((summary.width * 100).rounded()))x\(Int((summary.height * 100).rounded())) with \(axes)>"
    }

    /// Shown as text, as in a Python shell: the figure itself appears at the end of the block
    /// that draws it, so showing its picture here too would repeat it.
    func display(_ interpreter: Interpreter) -> BlockOutput? {
        .value(describe(interpreter))
    }

    static let forwarded = ["suptitle": "suptitle", "colorbar": "colorbar", "savefig": "savefig", "clf": "clf",
                            "tight_layout": "tight_layout", "subplots_adjust": "subplots_adjust", "align_labels": "align_labels",
                            "show": "show"]
    /// Figure methods that are no-ops in a report, as `show`/`tight_layout` (bound, so a
    /// wrong argument is still an error).
    static let ignored = ["set_tight_layout"]

    var attributeNames: [String] {
        ["number", "axes", "add_subplot", "gca", "subplots"] + Array(FigureObject.forwarded.keys).sorted() + FigureObject.ignored
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "number": return .int(number)
        case "axes":
            let handles = try PlotBuiltins.perform(interpreter) { pyplot in try pyplot.axesHandles(figure: number) }
            return .list(ListObject(handles.map { .native(AxesObject(handle: $0, module: module)) }))
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if FigureObject.ignored.contains(name) {
            _ = try Signature(name, ["tight"]).bind(arguments)
            return Value.none
        }
        let number = self.number
        switch name {
        case "add_subplot":
            try PlotBuiltins.perform(interpreter) { try $0.selectFigure(number) }
            // `fig.add_subplot()` and `fig.add_subplot(projection='3d')` are subplot 111.
            let given = arguments.positional.isEmpty ? Arguments([.int(111)], keywords: arguments.keywords) : arguments
            _ = try interpreter.call(try PlotBuiltins.member(module, "subplot"), given)
            return .native(AxesObject(handle: try PlotBuiltins.perform(interpreter) { $0.gca() }, module: module))
        case "gca":
            try PlotBuiltins.perform(interpreter) { try $0.selectFigure(number) }
            return .native(AxesObject(handle: try PlotBuiltins.perform(interpreter) { $0.gca() }, module: module))
        default:
            guard let target = FigureObject.forwarded[name] else { return nil }
            return try PlotBuiltins.forward(module, target, arguments, interpreter) { try $0.selectFigure(number) }
        }
    }
}

/// `ax` from `plt.subplots()` or `plt.gca()`: one axes of a figure. Each method draws on this
/// axes through the `plt` call of the same meaning (`ax.set_title` is `plt.title`), leaving
/// pyplot's current axes as it was, as in matplotlib.
final class AxesObject: NativeObject {
    let handle: AxesHandle
    let module: Namespace

    init(handle: AxesHandle, module: Namespace) {
        self.handle = handle
        self.module = module
    }

    var typeName: String { "Axes" }
    func repr() -> String { "<Axes>" }

    /// `ax.method` → the `plt` member it forwards to.
    static let forwarded: [String: String] = {
        var table: [String: String] = [:]
        for name in ["plot", "semilogy", "scatter", "bar", "hist", "imshow", "fill_between", "axhline", "axvline",
                     "axhspan", "axvspan", "errorbar", "violinplot", "boxplot", "quiver", "text", "legend", "grid",
                     "axis", "plot3d", "scatter3d", "margins", "tick_params", "minorticks_on", "minorticks_off",
                     "label_outer"] {
            table[name] = name
        }
        for name in ["title", "xlabel", "ylabel", "zlabel", "xlim", "ylim", "xticks", "yticks", "xscale", "yscale"] {
            table["set_" + name] = name
        }
        table["colorbar"] = "colorbar"
        return table
    }()

    /// Keywords of `ax.set(…)`, each the `set_…` method it stands for.
    static let settable = ["title", "xlabel", "ylabel", "zlabel", "xlim", "ylim", "xticks", "yticks", "xscale", "yscale"]

    var attributeNames: [String] {
        (Array(AxesObject.forwarded.keys) + ["set", "figure", "get_figure", "spines", "invert_xaxis", "invert_yaxis",
                                               "xaxis_inverted", "yaxis_inverted", "set_zlim", "view_init", "add_patch", "add_artist",
                                               "set_aspect", "xaxis", "yaxis", "axes", "set_xticklabels", "set_yticklabels",
                                               "get_xticks", "get_yticks", "get_xticklabels", "get_yticklabels"]).sorted()
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "figure": return .native(FigureObject(number: handle.figure, module: module))
        case "xaxis", "yaxis": return .native(PlotAxisObject(self, side: String(name.prefix(1))))
        case "axes": return .native(self)
        case "spines": return .native(SpinesObject(self))
        default: return nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .native(let object) = other, let axes = object as? AxesObject else { return .bool(op == .notEqual) }
        return .bool((axes.handle == handle) == (op == .equal))
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let handle = self.handle
        switch name {
        case "get_figure":
            return .native(FigureObject(number: handle.figure, module: module))
        case "invert_xaxis", "invert_yaxis", "xaxis_inverted", "yaxis_inverted":
            _ = try Signature(name).bind(arguments)
            return try PlotBuiltins.onAxes(handle, interpreter) { pyplot -> Value in
                switch name {
                case "invert_xaxis": pyplot.invertXAxis()
                case "invert_yaxis": pyplot.invertYAxis()
                default: return .bool(pyplot.axisInverted(y: name == "yaxis_inverted"))
                }
                return Value.none
            }
        case "add_patch", "add_artist":
            return try PlotBuiltins.addPatch(arguments, handle, call: name, interpreter)
        case "set_zlim", "view_init":
            return try PlotBuiltins.axes3DCall(name, arguments, handle, interpreter)
        case "set_aspect":
            return try PlotBuiltins.setAspect(arguments, handle, interpreter)
        case "set_xticklabels", "set_yticklabels":
            return try PlotBuiltins.setTickLabels(String(name.dropFirst(4).prefix(1)), call: name, arguments, handle, interpreter)
        case "set_xticks", "set_yticks":
            return try PlotBuiltins.setTicks(String(name.dropFirst(4).prefix(1)), call: name, arguments, handle, interpreter)
        case "get_xticks", "get_yticks", "get_xticklabels", "get_yticklabels":
            // What `plt.xticks()` reports for this axes: its positions, or its labels.
            _ = try Signature(name).bind(arguments)
            let query = String(name.dropFirst(4).prefix(1)) + "ticks"
            let pair = try PlotBuiltins.forward(module, query, Arguments(), interpreter) { try $0.select(handle) }
            guard case .tuple(let items) = pair, items.count == 2 else { return Value.none }
            return name.hasSuffix("labels") ? items[1] : items[0]
        case "set":
            guard arguments.positional.isEmpty else { throw RuntimeError.type("set() takes keyword arguments only") }
            for (keyword, value) in arguments.keywords {
                guard AxesObject.settable.contains(keyword) else {
                    let hint = Suggestion.didYouMean(keyword, in: AxesObject.settable)
                    throw RuntimeError.type("set() got an unexpected keyword argument '\(keyword)'\(hint)")
                }
                var positional = [value]
                if keyword.hasSuffix("lim") || keyword.hasSuffix("ticks") {
                    if case .tuple(let items) = value { positional = items }
                    if keyword.hasSuffix("lim"), case .list(let list) = value { positional = list.items }
                }
                _ = try PlotBuiltins.forward(module, keyword, Arguments(positional), interpreter) { try $0.select(handle) }
            }
            return Value.none
        default:
            guard let target = AxesObject.forwarded[name] else { return nil }
            return try PlotBuiltins.forward(module, target, arguments, interpreter) { try $0.select(handle) }
        }
    }
}

/// The axes grid of `plt.subplots(rows, cols)`: a 1-D or 2-D array of `Axes`, indexed as
/// numpy's (`axes[0, 1]`, `axes[0][1]`, `axes[:, 0]`), iterated along its first dimension,
/// and flattened by `axes.flat`, `axes.ravel()` or `axes.flatten()`.
final class AxesArray: NativeObject {
    /// The axes in row-major order.
    let items: [AxesObject]
    /// `[n]` or `[rows, cols]`.
    let shape: [Int]

    init(_ items: [AxesObject], shape: [Int]) {
        self.items = items
        self.shape = shape
    }

    var typeName: String { "ndarray" }

    func repr() -> String {
        if shape.count == 1 { return "array([" + items.map { $0.repr() }.joined(separator: ", ") + "], dtype=object)" }
        let rows = (0..<shape[0]).map { row in
            "[" + items[(row * shape[1])..<((row + 1) * shape[1])].map { $0.repr() }.joined(separator: ", ") + "]"
        }
        return "array([" + rows.joined(separator: ",\n       ") + "], dtype=object)"
    }

    var attributeNames: [String] { ["flat", "shape", "size", "ndim", "ravel", "flatten", "tolist"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "flat": return .native(AxesArray(items, shape: [items.count]))
        case "shape": return .tuple(shape.map(Value.int))
        case "size": return .int(items.count)
        case "ndim": return .int(shape.count)
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "ravel", "flatten":
            return .native(AxesArray(items, shape: [items.count]))
        case "tolist":
            if shape.count == 1 { return .list(ListObject(items.map { .native($0) })) }
            return .list(ListObject(try (0..<shape[0]).map { try row($0) }.map { row in
                .list(ListObject(row.items.map { .native($0) }))
            }))
        default:
            return nil
        }
    }

    func length() throws -> Int? { shape[0] }

    func makeIterator() throws -> (() throws -> Value?)? {
        var next = 0
        return { [self] in
            guard next < shape[0] else { return nil }
            defer { next += 1 }
            return shape.count == 1 ? .native(items[next]) : .native(try row(next))
        }
    }

    func getItem(_ index: Value) throws -> Value? {
        let parts: [Value]
        if case .tuple(let items) = index { parts = items } else { parts = [index] }
        guard parts.count <= shape.count else {
            throw RuntimeError.index("too many indices for array: array is \(shape.count)-dimensional, but \(parts.count) were indexed")
        }
        var selected: [[Int]] = []
        var kept: [Int] = []
        for (dimension, size) in shape.enumerated() {
            guard dimension < parts.count else {
                selected.append(Array(0..<size))
                kept.append(size)
                continue
            }
            if case .native(let object) = parts[dimension], let slice = object as? SliceObject {
                let positions = try slice.positions(count: size)
                selected.append(positions)
                kept.append(positions.count)
            } else {
                var i = try parts[dimension].asInt("axes index")
                if i < 0 { i += size }
                guard i >= 0, i < size else {
                    throw RuntimeError.index("index \(i < 0 ? i - size : i) is out of bounds for axis \(dimension) with size \(size)")
                }
                selected.append([i])
            }
        }
        let columns = shape.count == 2 ? shape[1] : 1
        let picked = shape.count == 2
            ? selected[0].flatMap { r in selected[1].map { c in items[r * columns + c] } }
            : selected[0].map { items[$0] }
        if kept.isEmpty { return .native(picked[0]) }
        return .native(AxesArray(picked, shape: kept))
    }

    /// Row `index` of a 2-D grid, as a 1-D array.
    private func row(_ index: Int) throws -> AxesArray {
        AxesArray(Array(items[(index * shape[1])..<((index + 1) * shape[1])]), shape: [shape[1]])
    }
}
