import Plot

/// matplotlib's layout calls: `margins` (implemented), `tight_layout`/`show` (no-ops, as in
/// the inline backend, where the report lays figures out itself), and the minor-tick and
/// subplot layout calls rnnbook does not implement, refused with what to write instead
/// rather than accepted and ignored (`tick_params` is in PlotBuiltins+Ticks.swift).
extension PlotBuiltins {
    static func installLayoutCalls(_ plt: Namespace) {
        plt.function("margins", Signature("margins", [], required: 0, keywordOnly: ["x", "y", "tight"], variadic: true)) { args, interpreter in
            try margins(args, interpreter)
        }
        // Jupyter users call these; in a report they change nothing.
        plt.function("show", Signature("show", ["block"], required: 0)) { _, _ in .none }
        plt.function("tight_layout", Signature("tight_layout", ["pad", "h_pad", "w_pad", "rect"], required: 0)) { _, _ in .none }
        plt.function("subplots_adjust", Signature("subplots_adjust", ["left", "bottom", "right", "top", "wspace", "hspace"],
                                                  required: 0)) { args, _ in
            if let name = args.signature.parameters.first(where: { args[$0].map { !$0.isNone } ?? false }) {
                throw RuntimeError.value("subplots_adjust(\(name)=…) is not available in rnnbook: subplot spacing is laid out "
                                         + "automatically; remove the call (use figsize= to change the figure's shape)")
            }
            return .none
        }
        for (name, instead) in [("minorticks_on", "rnnbook draws no minor ticks on linear axes; remove the call"),
                                ("minorticks_off", "rnnbook draws matplotlib's default ticks; remove the call"),
                                ("label_outer", "each subplot keeps its tick labels; remove the call"),
                                ("align_labels", "axis labels are placed by the automatic layout; remove the call")] {
            plt.function(name, Signature(name, [], required: 0, acceptsAnyKeyword: true)) { _, _ in
                throw RuntimeError.value("\(name)() is not available in rnnbook: \(instead)")
            }
        }
    }

    /// `margins(*margins, x=None, y=None, tight=True)`: with no argument, the current
    /// (x, y) margins; one value sets both, two set x and y, as matplotlib's `Axes.margins`.
    private static func margins(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        if let tight = args["tight"], !tight.isNone, !(try tight.truthy()) {
            throw RuntimeError.value("margins(tight=False) is not available in rnnbook; leave tight out")
        }
        var x = args["x"].flatMap { $0.isNone ? nil : $0 }, y = args["y"].flatMap { $0.isNone ? nil : $0 }
        switch args.rest.count {
        case 0:
            if x == nil && y == nil {
                let current = try perform(interpreter) { $0.currentMargins() }
                return .tuple([.float(current.x), .float(current.y)])
            }
        case 1, 2:
            guard x == nil && y == nil else {
                throw RuntimeError.type("Cannot pass both positional and keyword arguments for x and/or y.")
            }
            (x, y) = (args.rest[0], args.rest[args.rest.count - 1])
        default:
            throw RuntimeError.type("Must pass a single positional argument for all margins, or one for each margin (x, y).")
        }
        let mx = try x?.asDouble("margins() x"), my = try y?.asDouble("margins() y")
        return try draw(interpreter) { try $0.margins(x: mx, y: my) }
    }
}
