import Plot

/// `plt`: the `matplotlib.pyplot` subset of LANGUAGE.md, drawing into the session's figures.
/// The figures a block draws are emitted after its output, in drawing order, as inline SVG.
enum PlotBuiltins {
    static let styleKeywords = ["label", "color", "linestyle", "marker", "linewidth", "markersize", "alpha", "zorder", "clip_on"]
        + ["lw", "ls", "c", "ms"]
    /// The keywords of filled marks (`fill_between`, patches) besides `styleKeywords`.
    static let fillKeywords = ["facecolor", "edgecolor", "fc", "ec"]
    /// matplotlib's short names for styling keywords (`lw=2` is `linewidth=2`).
    static let styleAliases = [(alias: "lw", name: "linewidth"), (alias: "ls", name: "linestyle"), (alias: "c", name: "color"),
                               (alias: "ms", name: "markersize"), (alias: "fc", name: "facecolor"), (alias: "ec", name: "edgecolor")]

    static func install(_ registry: inout Registry) {
        registry.hooks.blockEnd.append { interpreter in interpreter.plots.flush(interpreter) }
        registry.module("plt") { plt in
            installFigureCalls(plt)
            installFigureHandles(plt)
            installLabelCalls(plt)
            installLayoutCalls(plt)
            installTickCalls(plt)
            installCharts(plt)
            installMoreCharts(plt)
            installThreeD(plt)
            installPatches(plt)
            installColormaps(plt)
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
    }

    /// The keywords of `legend(...)`; `loc` is a name, a code or an (x, y) pair.
    static func legendOptions(_ args: BoundArguments, _ interpreter: Interpreter) throws -> LegendOptions {
        var options = LegendOptions()
        switch args["loc"] {
        case .str(let name)?: options.loc = name
        case .int(let code)?: options.loc = String(code)
        case let pair? where !pair.isNone:
            let xy = try interpreter.numbers(pair, args.what("loc"))
            guard xy.count == 2 else { throw RuntimeError.value("legend(): loc as coordinates must be (x, y), got \(xy.count) numbers") }
            options.point = (xy[0], xy[1])
        default: break
        }
        if let box = args["bbox_to_anchor"], !box.isNone { options.bboxToAnchor = try interpreter.numbers(box, args.what("bbox_to_anchor")) }
        if args["ncol"] != nil && args["ncols"] != nil {
            throw RuntimeError.type("legend() got both 'ncol' and 'ncols', which are aliases of one another")
        }
        options.columns = try args.int(args["ncols"] != nil ? "ncols" : "ncol", 1)
        options.fontSize = try fontSize(args["fontsize"], args.what("fontsize"))
        options.frameOn = try args.bool("frameon", true)
        if let title = args["title"], !title.isNone { options.title = title.str() }
        options.titleFontSize = try fontSize(args["title_fontsize"], args.what("title_fontsize"))
        for name in LegendOptions.defaultSpacings.keys {
            if let value = try args.optionalDouble(name) { options.spacings[name] = value }
        }
        return options
    }

    static func installLabelCalls(_ plt: Namespace) {
        for name in ["title", "xlabel", "ylabel", "zlabel", "suptitle"] {
            plt.function(name, Signature(name, ["label"], keywordOnly: textKeywords + ["loc"])) { args, interpreter in
                let text = args.value("label", .str("")).str()
                let style = try textStyle(args)
                let loc = try args.optionalString("loc")
                return try draw(interpreter) { try $0.label(name, text, style: style, loc: loc) }
            }
        }
        plt.function("legend", Signature("legend", [], required: 0,
                                         keywordOnly: ["handles", "labels", "loc", "bbox_to_anchor", "ncol", "ncols", "fontsize", "frameon",
                                                       "title", "title_fontsize"] + LegendOptions.defaultSpacings.keys.sorted(),
                                         variadic: true)) { args, interpreter in
            let options = try legendOptions(args, interpreter)
            let (handles, labels) = try legendHandles(args, interpreter)
            let texts = try labels.map { try interpreter.collect($0).map { $0.str() } }
            guard let handles else { return try draw(interpreter) { try $0.legend(texts, options: options) } }
            return try draw(interpreter) { try $0.legend(handles: handles, labels: texts, options: options) }
        }
        plt.value("setp", .builtin(BuiltinFunction(name: "\(plt.name).setp") { arguments, interpreter in
            try setp(arguments, interpreter)
        }))
        plt.function("xkcd", Signature("xkcd", ["scale", "length", "randomness"], required: 0)) { args, _ in
            // Accepted so notebooks run; no hand-drawn style is drawn, so only the defaults are taken.
            for (name, standard) in [("scale", 1.0), ("length", 100.0), ("randomness", 2.0)] where try args.double(name, standard) != standard {
                throw RuntimeError.value("xkcd(): rnnbook draws no hand-drawn style, so only the default \(name)=\(Int(standard)) is accepted")
            }
            return .native(XkcdContext())
        }
        plt.function("grid", Signature("grid", ["visible", "which", "axis", "color", "c", "linestyle", "ls", "linewidth", "lw",
                                            "alpha"], required: 0)) { args, interpreter in
            try grid(args, interpreter)
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
