import Plot

/// `plt`: the `matplotlib.pyplot` subset of LANGUAGE.md, drawing into the session's figures.
/// The figures a block draws are emitted after its output, in drawing order, as inline SVG.
enum PlotBuiltins {
    static let styleKeywords = ["label", "color", "linestyle", "marker", "linewidth", "markersize", "alpha", "zorder"]
        + styleAliases.map(\.alias)
    /// matplotlib's short names for styling keywords (`lw=2` is `linewidth=2`).
    static let styleAliases = [(alias: "lw", name: "linewidth"), (alias: "ls", name: "linestyle"), (alias: "c", name: "color"),
                               (alias: "ms", name: "markersize")]

    static func install(_ registry: inout Registry) {
        registry.hooks.blockEnd.append { interpreter in interpreter.plots.flush(interpreter) }
        registry.module("plt") { plt in
            installFigureCalls(plt)
            installFigureHandles(plt)
            installLabelCalls(plt)
            installCharts(plt)
            installMoreCharts(plt)
            installThreeD(plt)
        }
    }

    /// Runs a drawing call on the session's pyplot, turning plot errors into value errors.
    static func draw(_ interpreter: Interpreter, _ body: (inout Pyplot) throws -> Void) throws -> Value {
        do {
            try body(&interpreter.plots.pyplot)
        } catch let error as PlotError {
            throw RuntimeError.value(error.message)
        }
        return .none
    }

    static func installFigureCalls(_ plt: Namespace) {
        plt.function("figure", Signature("figure", ["num"], required: 0, keywordOnly: ["figsize", "dpi"])) {
            [weak plt] args, interpreter in
            let (width, height) = try figureSize(args, interpreter)
            try perform(interpreter) { try $0.figure(width: width, height: height) }
            guard let plt else { return .none }
            return .native(FigureObject(number: try perform(interpreter) { $0.gcf() }, module: plt))
        }
        plt.function("subplot", Signature("subplot", ["rows", "cols", "index"], required: 0, keywordOnly: ["projection"])) {
            [weak plt] args, interpreter in
            let projection = try args.optionalString("projection") ?? "rectilinear"
            guard projection == "rectilinear" || projection == "3d" else {
                throw RuntimeError.value("subplot(): projection '\(projection)' is not available in rnnbook; use None or '3d'")
            }
            if let cols = args["cols"], !cols.isNone {
                let rows = try args.int("rows", 1)
                let columns = try cols.asInt("subplot() argument 'cols'")
                let index = try args.int("index", 1)
                _ = try draw(interpreter) { try $0.subplot(rows, columns, index) }
            } else {
                let code = try args.int("rows", 111)
                _ = try draw(interpreter) { try $0.subplot(code) }
            }
            if projection == "3d" { _ = try draw(interpreter) { try $0.projection3D() } }
            // As matplotlib, the subplot's Axes: `ax = plt.subplot(1, 2, 2); ax.plot(…)`.
            guard let plt else { return .none }
            return .native(AxesObject(handle: try perform(interpreter) { $0.gca() }, module: plt))
        }
        plt.function("close", Signature("close", ["fig"], required: 0)) { _, interpreter in
            try draw(interpreter) { $0.close() }
        }
        plt.function("clf", Signature("clf")) { _, interpreter in try draw(interpreter) { $0.clf() } }
        // Jupyter users call these; in a report they change nothing.
        plt.function("show", Signature("show", ["block"], required: 0)) { _, _ in .none }
        plt.function("tight_layout", Signature("tight_layout", [], acceptsAnyKeyword: true)) { _, _ in .none }
    }

    static func installLabelCalls(_ plt: Namespace) {
        for name in ["title", "xlabel", "ylabel", "zlabel", "suptitle"] {
            plt.function(name, Signature(name, ["label"], keywordOnly: ["fontsize", "loc"])) { args, interpreter in
                let text = try args.string("label", "")
                return try draw(interpreter) { pyplot in
                    switch name {
                    case "title": pyplot.title(text)
                    case "xlabel": pyplot.xlabel(text)
                    case "ylabel": pyplot.ylabel(text)
                    case "zlabel": pyplot.zlabel(text)
                    default: pyplot.suptitle(text)
                    }
                }
            }
        }
        plt.function("legend", Signature("legend", ["labels"], required: 0, keywordOnly: ["loc", "fontsize", "frameon"])) { args, interpreter in
            let location = try args.string("loc", "best")
            if let labels = args["labels"], !labels.isNone {
                let texts = try interpreter.collect(labels).map { $0.str() }
                return try draw(interpreter) { try $0.legend(texts, loc: location) }
            }
            return try draw(interpreter) { try $0.legend(loc: location) }
        }
        plt.function("grid", Signature("grid", ["visible"], required: 0, acceptsAnyKeyword: true)) { args, interpreter in
            let visible = try args.bool("visible", true)
            return try draw(interpreter) { $0.grid(visible) }
        }
        for name in ["xlim", "ylim"] {
            plt.function(name, Signature(name, ["left", "right"], required: 1)) { args, interpreter in
                var low = args.value("left")
                var high = args.value("right")
                if case .tuple(let pair) = low, pair.count == 2 { (low, high) = (pair[0], pair[1]) }
                if case .list(let list) = low, list.items.count == 2 { (low, high) = (list.items[0], list.items[1]) }
                let lo = low.isNone ? nil : try low.asDouble("\(name)() lower limit")
                let hi = high.isNone ? nil : try high.asDouble("\(name)() upper limit")
                return try draw(interpreter) { name == "xlim" ? try $0.xlim(lo, hi) : try $0.ylim(lo, hi) }
            }
        }
        for name in ["xticks", "yticks"] {
            plt.function(name, Signature(name, ["ticks", "labels"], required: 0, keywordOnly: ["rotation"])) { args, interpreter in
                let rotation = try args.optionalDouble("rotation")
                guard let given = args["ticks"], !given.isNone else {
                    guard name == "xticks", let rotation else { return .none }
                    return try draw(interpreter) { try $0.xticks(rotation: rotation) }
                }
                let ticks = try interpreter.numbers(given, "\(name)() ticks")
                var labels: [String]?
                if let given = args["labels"], !given.isNone { labels = try interpreter.collect(given).map { $0.str() } }
                return try draw(interpreter) {
                    name == "xticks" ? try $0.xticks(ticks, labels: labels, rotation: rotation) : try $0.yticks(ticks, labels: labels)
                }
            }
        }
        for name in ["xscale", "yscale"] {
            plt.function(name, Signature(name, ["value"])) { args, interpreter in
                let scale = try args.string("value", "linear")
                return try draw(interpreter) { name == "xscale" ? try $0.xscale(scale) : try $0.yscale(scale) }
            }
        }
        plt.function("axis", Signature("axis", ["mode"])) { args, interpreter in
            let mode = try args.string("mode", "on")
            return try draw(interpreter) { try $0.axis(mode) }
        }
    }
}
