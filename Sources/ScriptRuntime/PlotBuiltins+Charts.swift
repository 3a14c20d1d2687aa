import Plot

extension PlotBuiltins {
    /// Splits `plot(y)`, `plot(x, y)`, `plot(y, fmt)`, `plot(x, y, fmt)` into their parts. A
    /// 2-D `y` (tensor or list of rows) gives one line per column, as matplotlib; so does a 2-D
    /// `x` with as many columns.
    static func lineArguments(_ rest: [Value], _ interpreter: Interpreter, call: String)
        throws -> (x: [[Double]]?, y: [[Double]], format: String?)
    {
        var values = rest
        var format: String?
        if case .str(let text)? = values.last {
            format = text
            values.removeLast()
        }
        switch values.count {
        case 1: return (nil, try interpreter.columns(values[0], "\(call)() y"), format)
        case 2:
            let x = try interpreter.columns(values[0], "\(call)() x")
            let y = try interpreter.columns(values[1], "\(call)() y")
            guard x.count == 1 || x.count == y.count || y.count == 1 else {
                throw RuntimeError.value("\(call)(): x has \(x.count) columns but y has \(y.count)")
            }
            return (x, y, format)
        default: throw RuntimeError.type("\(call)() takes y, or x and y, and an optional format string")
        }
    }

    /// `label=` of a line call: one label for every line, or a list of one per column.
    static func lineLabels(_ args: BoundArguments, lines: Int, _ interpreter: Interpreter, call: String) throws -> [String?] {
        guard let given = args["label"], !given.isNone else { return Array(repeating: nil, count: lines) }
        switch given {
        case .list, .tuple:
            let labels = try interpreter.collect(given).map { $0.str() }
            guard labels.count == lines else {
                throw RuntimeError.value("\(call)(): \(labels.count) labels for \(lines) lines")
            }
            return labels
        default:
            return Array(repeating: try args.optionalString("label"), count: lines)
        }
    }

    static func installCharts(_ plt: Namespace) {
        for name in ["plot", "semilogy"] {
            plt.function(name, Signature(name, [], keywordOnly: styleKeywords, variadic: true)) { args, interpreter in
                if name == "plot", interpreter.plots.pyplot.currentIs3D { return try plot3D(args.rest, args, interpreter) }
                let (x, y, format) = try lineArguments(args.rest, interpreter, call: name)
                let lines = max(x?.count ?? 1, y.count)
                let labels = try lineLabels(args, lines: lines, interpreter, call: name)
                var style = try args.seriesStyle(withLabel: false, interpreter)
                // As matplotlib, the list of the Line2D drawn: `line, = plt.plot(…)`.
                let before = interpreter.plots.pyplot.currentMarkCount
                _ = try draw(interpreter) { pyplot in
                    for line in 0..<lines {
                        let ys = y[y.count == 1 ? 0 : line]
                        let given = x.map { $0[$0.count == 1 ? 0 : line] }
                        style.label = labels[line]
                        if name == "semilogy" { try pyplot.semilogy(given ?? (0..<ys.count).map(Double.init), ys, format, style: style) }
                        else if let given { try pyplot.plot(given, ys, format, style: style) }
                        else { try pyplot.plot(ys, format, style: style) }
                    }
                }
                let axes = try perform(interpreter) { $0.gca() }
                return .list(ListObject(try artists(axes, since: before, className: "Line2D", interpreter)))
            }
        }
        let scatter2D = Signature("scatter", ["x", "y", "s", "c"], required: 2,
                                  keywordOnly: styleKeywords.filter { $0 != "c" } + ["cmap", "vmin", "vmax", "linewidths", "edgecolors"])
        // On a 3-D axes, `scatter(xs, ys, zs, …)` is mplot3d's (PlotBuiltins+ThreeD.swift).
        plt.value("scatter", .builtin(BuiltinFunction(name: "\(plt.name).scatter") { arguments, interpreter in
            if interpreter.plots.pyplot.currentIs3D { return try scatter3D(arguments, interpreter) }
            let args = try scatter2D.bind(arguments)
            let x = try interpreter.numbers(args.value("x"), "scatter() x")
            let y = try interpreter.numbers(args.value("y"), "scatter() y")
            let size = try args.optionalDouble("s")
            var colours: [Double]?
            var named: [String]?
            var style = try args.seriesStyle(interpreter)
            // matplotlib's `linewidths` (aliases `linewidth`, `lw`) and `edgecolors`: the marker edges.
            if let widths = try args.optionalDouble("linewidths") {
                guard style.linewidth == nil else { throw RuntimeError.type("scatter() got both 'linewidths' and 'linewidth'") }
                style.linewidth = widths
            }
            style.edgecolor = try colorText(args["edgecolors"], args.what("edgecolors"), interpreter)
            if let c = args["c"], !c.isNone {
                if args["color"] != nil { throw RuntimeError.value("scatter(): supply a 'c' argument or a 'color' kwarg but not both") }
                if case .str(let colour) = c {
                    style.color = colour
                } else if case let items = (try? interpreter.collect(c)) ?? [],
                          !items.isEmpty, items.allSatisfy({ switch $0 { case .str, .tuple, .list: true; default: false } }) {
                    named = try items.map { try colorText($0, "scatter() c", interpreter) ?? "none" }  // names and RGB(A) tuples
                } else if let single = try? interpreter.numbers(c, "scatter() c"), single.count == 3 || single.count == 4,
                          single.count != x.count, case let items = try interpreter.collect(c),
                          items.allSatisfy({ if case .str = $0 { return false } else { return true } }) {
                    style.color = try rgbaHex(single, "scatter() c")  // one RGB(A) colour for every point
                } else {
                    (named, colours) = try pointColors(c, interpreter, call: "scatter")
                }
            }
            let cmap = try cmapName(args)
            let vmin = try args.optionalDouble("vmin")
            let vmax = try args.optionalDouble("vmax")
            _ = try draw(interpreter) {
                try $0.scatter(x, y, s: size, c: colours, colors: named, cmap: cmap, vmin: vmin, vmax: vmax, style: style)
            }
            if colours != nil { interpreter.plots.lastMapped = interpreter.plots.pyplot.gca() }
            return .none
        }))
        plt.function("bar", Signature("bar", ["x", "height", "width", "bottom"], required: 2,
                                      keywordOnly: styleKeywords + ["yerr", "capsize"])) { args, interpreter in
            let heights = try interpreter.numbers(args.value("height"), "bar() height")
            let width = try args.double("width", 0.8)
            let yerr = try args["yerr"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "bar() yerr") }
            let capsize = try args.double("capsize", 0)
            let style = try args.seriesStyle(interpreter)
            // A scalar x is one bar, as matplotlib broadcasts it (`bar(0, 0.5)`).
            let positions = (try? interpreter.collect(args.value("x"))) ?? [try args.value("x")]
            if positions.contains(where: { if case .str = $0 { return true } else { return false } }) {
                let categories = positions.map { $0.str() }
                return try draw(interpreter) { try $0.bar(categories: categories, heights, width: width, yerr: yerr, capsize: capsize, style: style) }
            }
            let x = try interpreter.numbers(args.value("x"), "bar() x")
            let bottom = try args["bottom"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "bar() bottom") }
            return try draw(interpreter) { try $0.bar(x, heights, width: width, bottom: bottom, yerr: yerr, capsize: capsize, style: style) }
        }
        plt.function("hist", Signature("hist", ["x", "bins"], required: 1,
                                       keywordOnly: styleKeywords + ["range", "density"])) { args, interpreter in
            let values = try interpreter.numbers(args.value("x"), "hist() x")
            var range: (Double, Double)?
            if let given = args["range"], !given.isNone {
                let pair = try interpreter.numbers(given, "hist() range")
                guard pair.count == 2 else { throw RuntimeError.value("hist(): range must be (low, high)") }
                range = (pair[0], pair[1])
            }
            let density = try args.bool("density", false)
            let style = try args.seriesStyle(interpreter)
            var counts: [Double] = []
            var edges: [Double] = []
            if let bins = args["bins"], !bins.isNone, case .int(let count) = bins {
                _ = try draw(interpreter) { (counts, edges) = try $0.hist(values, bins: count, range: range, density: density, style: style) }
            } else if let bins = args["bins"], !bins.isNone {
                edges = try interpreter.numbers(bins, "hist() bins")
                _ = try draw(interpreter) { counts = try $0.hist(values, edges: edges, density: density, style: style) }
            } else {
                _ = try draw(interpreter) { (counts, edges) = try $0.hist(values, bins: 10, range: range, density: density, style: style) }
            }
            return .tuple([.list(ListObject(counts.map(Value.float))), .list(ListObject(edges.map(Value.float))), .none])
        }
        plt.function("fill_between", Signature("fill_between", ["x", "y1", "y2", "where", "interpolate", "step"], required: 2,
                                               keywordOnly: styleKeywords + fillKeywords)) { args, interpreter in
            let x = try interpreter.numbers(args.value("x"), "fill_between() x")
            var y1 = try interpreter.numbers(args.value("y1"), "fill_between() y1")
            if y1.count == 1 { y1 = Array(repeating: y1[0], count: x.count) }  // a scalar, broadcast as numpy
            var y2: [Double]?
            if let given = args["y2"], !given.isNone {
                let values = try interpreter.numbers(given, "fill_between() y2")
                y2 = values.count == 1 ? Array(repeating: values[0], count: x.count) : values
            }
            var mask: [Bool]?
            if let given = args["where"], !given.isNone {
                mask = try interpreter.collect(given).map { try $0.truthy() }
            }
            if try args.bool("interpolate", false) {
                throw RuntimeError.value("fill_between(): interpolate=True is not available in rnnbook; use interpolate=False")
            }
            if let step = args["step"], !step.isNone {
                throw RuntimeError.value("fill_between(): step= is not available in rnnbook; use step=None")
            }
            if args["marker"] != nil || args["markersize"] != nil || args["ms"] != nil {
                throw RuntimeError.type("fill_between() got an unexpected keyword argument 'marker'")
            }
            let style = try args.seriesStyle(interpreter)
            let before = interpreter.plots.pyplot.currentMarkCount
            _ = try draw(interpreter) { try $0.fillBetween(x, y1, y2, where: mask, style: style) }
            let axes = try perform(interpreter) { $0.gca() }
            return try artists(axes, since: before, className: "PolyCollection", interpreter).first ?? .none
        }
        for name in ["axhline", "axvline"] {
            plt.function(name, Signature(name, [name == "axhline" ? "y" : "x"], required: 0, keywordOnly: styleKeywords)) { args, interpreter in
                let position = try args.double(name == "axhline" ? "y" : "x", 0)
                let style = try args.seriesStyle(interpreter)
                return try draw(interpreter) { name == "axhline" ? try $0.axhline(position, style: style) : try $0.axvline(position, style: style) }
            }
        }
    }
}
