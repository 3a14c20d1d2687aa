import Plot

extension PlotBuiltins {
    /// matplotlib's dict of a violin plot's parts: `bodies` (a list of PolyCollection) and the
    /// LineCollection parts shown (`cmeans`, `cmaxes`, `cmins`, `cbars`, `cmedians`).
    static func violinParts(_ mark: ArtistHandle, bodies: Int, showmeans: Bool, showmedians: Bool, showextrema: Bool) -> Value {
        let parts = DictObject()
        let list = (0..<bodies).map { Value.native(ArtistObject(ArtistHandle(axes: mark.axes, mark: mark.mark, part: .violinBody($0)),
                                                               className: "PolyCollection")) }
        parts.set(.str("bodies"), HashKey.str("bodies"), .list(ListObject(list)))
        for key in ViolinParts.keys(showMeans: showmeans, showMedians: showmedians, showExtrema: showextrema) {
            let artist = ArtistObject(ArtistHandle(axes: mark.axes, mark: mark.mark, part: .violinLines(key)), className: "LineCollection")
            parts.set(.str(key), HashKey.str(key), .native(artist))
        }
        return .dict(parts)
    }

    static func installMoreCharts(_ plt: Namespace) {
        plt.function("imshow", Signature("imshow", ["X"], keywordOnly: ["cmap", "aspect", "vmin", "vmax", "interpolation", "origin"])) { args, interpreter in
            let matrix = try interpreter.matrix(args.value("X"), "imshow() X")
            let cmap = try cmapName(args) ?? "viridis"
            let origin = try args.string("origin", "upper")
            if let interpolation = try args.optionalString("interpolation"),
               !["nearest", "none", "antialiased", "auto"].contains(interpolation) {
                throw RuntimeError.value("imshow(): interpolation='\(interpolation)' is not available in rnnbook; cells are drawn as "
                                         + "flat squares, as interpolation='nearest'")
            }
            let aspect = try args.optionalString("aspect")
            let vmin = try args.optionalDouble("vmin")
            let vmax = try args.optionalDouble("vmax")
            _ = try draw(interpreter) { try $0.imshow(matrix, cmap: cmap, aspect: aspect, vmin: vmin, vmax: vmax, origin: origin, colorbar: false) }
            interpreter.plots.lastMapped = interpreter.plots.pyplot.gca()
            return .none
        }
        plt.function("colorbar", Signature("colorbar", ["mappable"], required: 0,
                                           keywordOnly: ["label", "ax", "cax", "shrink", "fraction", "pad", "aspect", "orientation"])) {
            args, interpreter in
            let label = try args.optionalString("label")
            var handle: AxesHandle
            if let given = args["ax"], !given.isNone {
                handle = try axesHandle(given, "colorbar() argument 'ax'", interpreter)
            } else if args["mappable"] != nil, let mapped = interpreter.plots.lastMapped,
                      (try? interpreter.plots.pyplot.axesHandles(figure: mapped.figure)) != nil {
                handle = mapped  // `colorbar(im)`: the axes im was drawn on
            } else {
                return try draw(interpreter) { try $0.colorbar(label: label) }
            }
            let saved = interpreter.plots.pyplot.selection()
            defer { interpreter.plots.pyplot.restore(saved) }
            return try draw(interpreter) {
                try $0.select(handle)
                try $0.colorbar(label: label)
            }
        }
        plt.function("violinplot", Signature("violinplot", ["dataset", "positions", "vert", "widths", "showmeans", "showextrema",
                                                            "showmedians", "quantiles", "points", "bw_method"], required: 1,
                                             keywordOnly: ["label", "color", "c", "alpha", "zorder", "clip_on"])) { args, interpreter in
            let datasets = try interpreter.datasets(args.value("dataset"), "violinplot() dataset")
            let positions = try args["positions"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "violinplot() positions") }
            let widths = try args.double("widths", 0.5)
            let means = try args.bool("showmeans", false)
            let medians = try args.bool("showmedians", false)
            let extrema = try args.bool("showextrema", true)
            guard try args.bool("vert", true) else {
                throw RuntimeError.value("violinplot(): vert=False is not available in rnnbook; draw vertical violins")
            }
            if let quantiles = args["quantiles"], !quantiles.isNone {
                throw RuntimeError.value("violinplot(): quantiles= is not available in rnnbook; use showmedians=True")
            }
            guard try args.int("points", 100) == 100 else {
                throw RuntimeError.value("violinplot(): points= other than 100 (matplotlib's default) is not available in rnnbook")
            }
            if let method = args["bw_method"], !method.isNone, method.str() != "scott" {
                throw RuntimeError.value("violinplot(): bw_method= other than 'scott' (the default) is not available in rnnbook")
            }
            let style = try args.seriesStyle(interpreter)
            let before = interpreter.plots.pyplot.currentMarkCount
            _ = try draw(interpreter) {
                try $0.violinplot(datasets, positions: positions, widths: widths, showmeans: means, showmedians: medians,
                                  showextrema: extrema, style: style)
            }
            let axes = try perform(interpreter) { $0.gca() }
            return violinParts(ArtistHandle(axes: axes, mark: before), bodies: datasets.count, showmeans: means,
                               showmedians: medians, showextrema: extrema)
        }
        plt.function("errorbar", Signature("errorbar", ["x", "y", "yerr", "xerr", "fmt"], required: 2,
                                           keywordOnly: styleKeywords + ["capsize"])) { args, interpreter in
            let x = try interpreter.numbers(args.value("x"), "errorbar() x")
            let y = try interpreter.numbers(args.value("y"), "errorbar() y")
            let yerr = try args["yerr"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "errorbar() yerr") }
            let xerr = try args["xerr"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "errorbar() xerr") }
            let format = try args.optionalString("fmt")
            let capsize = try args.double("capsize", 0)
            let style = try args.seriesStyle(interpreter)
            return try draw(interpreter) { try $0.errorbar(x, y, yerr: yerr, xerr: xerr, fmt: format, capsize: capsize, style: style) }
        }
        for name in ["axvspan", "axhspan"] {
            plt.function(name, Signature(name, ["low", "high"], keywordOnly: styleKeywords)) { args, interpreter in
                let low = try args.double("low", 0)
                let high = try args.double("high", 1)
                let style = try args.seriesStyle(interpreter)
                return try draw(interpreter) { name == "axvspan" ? try $0.axvspan(low, high, style: style) : try $0.axhspan(low, high, style: style) }
            }
        }
        plt.function("boxplot", Signature("boxplot", ["x", "positions", "widths"], required: 1, keywordOnly: ["showfliers"])) { args, interpreter in
            let datasets = try interpreter.datasets(args.value("x"), "boxplot() x")
            let positions = try args["positions"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "boxplot() positions") }
            let widths = try args.double("widths", 0.5)
            let fliers = try args.bool("showfliers", true)
            return try draw(interpreter) { try $0.boxplot(datasets, positions: positions, widths: widths, showfliers: fliers) }
        }
        plt.function("quiver", Signature("quiver", ["X", "Y", "U", "V"], keywordOnly: styleKeywords + ["scale"])) { args, interpreter in
            let x = try interpreter.numbers(args.value("X"), "quiver() X")
            let y = try interpreter.numbers(args.value("Y"), "quiver() Y")
            let u = try interpreter.numbers(args.value("U"), "quiver() U")
            let v = try interpreter.numbers(args.value("V"), "quiver() V")
            let scale = try args.optionalDouble("scale")
            let style = try args.seriesStyle(interpreter)
            return try draw(interpreter) { try $0.quiver(x, y, u, v, scale: scale, style: style) }
        }
        plt.function("text", Signature("text", ["x", "y", "s"], keywordOnly: textKeywords + ["color", "c", "ha", "va", "zorder", "clip_on"])) {
            args, interpreter in
            let x = try args.double("x", 0)
            let y = try args.double("y", 0)
            let text = args.value("s").str()
            let textStyle = try textStyle(args)
            if args["color"] != nil && args["c"] != nil {
                throw RuntimeError.type("text() got both 'color' and 'c', which are aliases of one another")
            }
            let colour = try colorText(args["color"] ?? args["c"], args.what("color"), interpreter)
            let horizontal = try args.string("ha", "left")
            let vertical = try args.string("va", "baseline")
            var style = SeriesStyle(zorder: try args.optionalDouble("zorder"))
            if let clip = args["clip_on"], !clip.isNone { style.clipOn = try clip.truthy() }
            return try draw(interpreter) {
                try $0.text(x, y, text, fontsize: textStyle.size, color: colour, ha: horizontal, va: vertical, weight: textStyle, style: style)
            }
        }
    }
}
