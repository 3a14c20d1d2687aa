import Plot

/// matplotlib's tick calls: `plt.xticks(ticks=None, labels=None, *, minor=False, **kwargs)`,
/// `plt.yticks`, `ax.set_xticks(ticks, labels=None, *, minor=False, **kwargs)` and
/// `ax.tick_params(axis='both', **kwargs)`. The keywords that style the labels (Text
/// properties: `fontsize`, `color`, `rotation`, `fontweight` and their aliases; for
/// `tick_params`, `labelsize`, `labelcolor`, `labelrotation`, `color`, `colors`) change the
/// drawn SVG; every other one is refused with what is available, never ignored.
extension PlotBuiltins {
    /// The Text properties tick labels take here, with matplotlib's aliases.
    static let tickTextProperties = ["fontsize", "size", "color", "c", "rotation", "fontweight", "weight"]

    /// The `tick_params` keywords drawn here.
    static let tickParamKeywords = ["labelsize", "labelcolor", "labelrotation", "color", "colors"]

    static func installTickCalls(_ plt: Namespace) {
        for name in ["xticks", "yticks"] {
            plt.function(name, Signature(name, ["ticks", "labels"], required: 0, keywordOnly: ["minor"],
                                         acceptsAnyKeyword: true)) { args, interpreter in
                try ticks(name, args, interpreter)
            }
        }
        plt.function("tick_params", Signature("tick_params", ["axis"], required: 0, acceptsAnyKeyword: true)) { args, interpreter in
            try tickParams(args, interpreter)
        }
    }

    /// `plt.xticks` / `plt.yticks`: fixes the ticks (and labels) when given, then styles the
    /// labels with the keywords (matplotlib applies them to the labels either way). Returns
    /// matplotlib's `(locs, labels)`: the tick objects made (`XTick`) when ticks were given,
    /// else the tick positions as an array, and the labels as `Text` objects
    /// (`Pyplot.currentTicks` says which ticks those are).
    static func ticks(_ name: String, _ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        if try args.bool("minor", false) {
            throw RuntimeError.value("\(name)(minor=True) is not available in rnnbook: only major ticks are drawn")
        }
        let update = try tickTextUpdate(args.extraKeywords, call: name, interpreter)
        let labelsGiven = args["labels"].map { !$0.isNone } ?? false
        let isX = name == "xticks"
        guard let given = args["ticks"], !given.isNone else {
            if labelsGiven { throw RuntimeError.type("\(name)(): Parameter 'labels' can't be set without setting 'ticks'") }
            _ = try draw(interpreter) { try $0.tickStyle(isX ? .x : .y, update, call: name) }
            // Fixed ticks keep no record of how they were written: whole numbers are taken to
            // have been ints (`xticks(range(5))`), as numpy's array of them would be.
            let (values, labels, fixed) = interpreter.plots.pyplot.currentTicks(x: isX)
            let ints = fixed && values.allSatisfy { $0 == $0.rounded() && Swift.abs($0) < 1e15 }
            let locations = try NDArray(shape: [values.count], values: values, dtype: ints ? .int64 : .float32).tensor(interpreter.tensors)
            return .tuple([locations, tickLabels(values.map { ints ? Value.int(Int($0)) : Value.float($0) }, labels, x: isX)])
        }
        let ticks = try interpreter.numbers(given, "\(name)() ticks")
        // As numpy's array of them: ints stay ints unless one of them is a float.
        let items = try interpreter.collect(given)
        let allInts = items.allSatisfy { if case .int = $0 { true } else { false } }
        let positions = allInts && items.count == ticks.count ? items : ticks.map(Value.float)
        var labels: [String]?
        if labelsGiven, let given = args["labels"] { labels = try interpreter.collect(given).map { $0.str() } }
        _ = try draw(interpreter) {
            if isX { try $0.xticks(ticks, labels: labels) } else { try $0.yticks(ticks, labels: labels) }
            try $0.tickStyle(isX ? .x : .y, update, call: name)
        }
        let drawn = labels ?? interpreter.plots.pyplot.currentTicks(x: isX).labels
        let made = positions.map { Value.native(PlotTickObject(className: isX ? "XTick" : "YTick", location: $0)) }
        return .tuple([.list(ListObject(made)), tickLabels(positions, drawn, x: isX)])
    }

    /// The labels as matplotlib's `Text` objects: at (tick, 0) on the x axis, (0, tick) on y.
    static func tickLabels(_ positions: [Value], _ labels: [String], x: Bool) -> Value {
        .list(ListObject(zip(positions, labels).map { position, text in
            .native(PlotTickLabel(x: x ? position : .int(0), y: x ? .int(0) : position, text: text))
        }))
    }

    /// `ax.set_xticks(ticks, labels=None, *, minor=False, **kwargs)`: as `plt.xticks` on the
    /// axes, but keywords need labels, as in matplotlib's `Axis.set_ticks`; returns the ticks.
    static func setTicks(_ side: String, call name: String, _ arguments: Arguments, _ handle: AxesHandle,
                         _ interpreter: Interpreter) throws -> Value {
        let args = try Signature(name, ["ticks", "labels"], required: 1, keywordOnly: ["minor"], acceptsAnyKeyword: true).bind(arguments)
        if try args.bool("minor", false) {
            throw RuntimeError.value("\(name)(minor=True) is not available in rnnbook: only major ticks are drawn")
        }
        if let first = args.extraKeywords.first, args["labels"].map({ $0.isNone }) ?? true {
            throw RuntimeError.value("Incorrect use of keyword argument '\(first.name)'. Keyword arguments other than 'minor' modify "
                                     + "the text labels and can only be used if 'labels' are passed as well.")
        }
        let saved = interpreter.plots.pyplot.selection()
        defer { interpreter.plots.pyplot.restore(saved) }
        try perform(interpreter) { try $0.select(handle) }
        // matplotlib's `Axis.set_ticks` returns the ticks alone.
        guard case .tuple(let pair) = try ticks("\(side)ticks", args, interpreter), let made = pair.first else { return .none }
        return made
    }

    /// `ax.set_xticklabels(labels, *, fontdict=None, minor=False, **kwargs)` / `set_yticklabels`:
    /// labels the fixed ticks (an empty list hides their labels) and styles them with the Text
    /// properties of `fontdict` and `kwargs`, as matplotlib's `Axis.set_ticklabels`.
    static func setTickLabels(_ side: String, call name: String, _ arguments: Arguments, _ handle: AxesHandle,
                              _ interpreter: Interpreter) throws -> Value {
        let args = try Signature(name, ["labels"], keywordOnly: ["fontdict", "minor"], acceptsAnyKeyword: true).bind(arguments)
        if try args.bool("minor", false) {
            throw RuntimeError.value("\(name)(minor=True) is not available in rnnbook: only major ticks are drawn")
        }
        var properties: [(name: String, value: Value)] = []
        switch args["fontdict"] {
        case nil, .none?: break
        case .dict(let dict)?:
            for (key, value) in zip(dict.keys, dict.values) { properties.append((key.str(), value)) }
        case let other?: throw RuntimeError.type("\(name)() argument 'fontdict' must be a dict, not \(other.typeName)")
        }
        // Keywords win over the fontdict, as in matplotlib's Text update.
        properties = properties.filter { entry in !args.extraKeywords.contains { $0.name == entry.name } } + args.extraKeywords
        let update = try tickTextUpdate(properties, call: name, interpreter)
        let labels = try interpreter.collect(args.value("labels")).map { $0.str() }
        return try onAxes(handle, interpreter) { pyplot -> Value in
            try pyplot.tickLabels(x: side == "x", labels, call: name)
            try pyplot.tickStyle(side == "x" ? .x : .y, update, call: name)
            return .none
        }
    }

    /// Text properties of tick labels as an update; any other keyword is refused.
    static func tickTextUpdate(_ keywords: [(name: String, value: Value)], call: String,
                               _ interpreter: Interpreter) throws -> TickStyleUpdate {
        var update = TickStyleUpdate()
        var seen: [String: String] = [:]
        for (keyword, value) in keywords {
            guard let property = ["fontsize": "fontsize", "size": "fontsize", "color": "color", "c": "color", "rotation": "rotation",
                                  "fontweight": "fontweight", "weight": "fontweight"][keyword] else {
                throw RuntimeError.value("\(call)(): the Text property '\(keyword)' is not available in rnnbook; tick labels take "
                                         + tickTextProperties.joined(separator: ", "))
            }
            if let other = seen[property] {
                throw RuntimeError.type("\(call)() got both '\(other)' and '\(keyword)', which are aliases of one another")
            }
            seen[property] = keyword
            let what = "\(call)() argument '\(keyword)'"
            switch property {
            case "fontsize": update.text.size = try fontSize(value, what)
            case "color": update.labelColor = try colorText(value, what, interpreter)
            case "rotation": update.rotation = try rotation(value, what)
            default: try setWeight(&update.text, value, what)
            }
        }
        return update
    }

    /// `tick_params(axis='both', which='major', reset=False, **kwargs)` with the keywords in
    /// `tickParamKeywords`; the others (tick direction, length, label visibility, …) are refused.
    static func tickParams(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let axisName = try args.string("axis", "both")
        guard let axis = TickAxis(rawValue: axisName) else {
            throw RuntimeError.value("'\(axisName)' is not a valid value for axis; supported values are 'x', 'y', 'both'")
        }
        var update = TickStyleUpdate()
        var which = "major"
        for (keyword, value) in args.extraKeywords {
            let what = "tick_params() argument '\(keyword)'"
            switch keyword {
            case "which": which = value.str()
            case "reset": update.reset = try value.truthy()
            case "labelsize": update.text.size = try fontSize(value, what)
            case "labelrotation": update.rotation = try rotation(value, what)
            case "labelcolor": update.labelColor = try colorText(value, what, interpreter)
            case "color": update.tickColor = try colorText(value, what, interpreter)
            case "colors":
                update.tickColor = try colorText(value, what, interpreter)
                update.labelColor = update.tickColor
            default:
                throw RuntimeError.value("tick_params(\(keyword)=…) is not available in rnnbook; the keywords drawn are "
                                         + tickParamKeywords.joined(separator: ", ") + " (ticks are otherwise matplotlib's default)")
            }
        }
        guard ["major", "minor", "both"].contains(which) else {
            throw RuntimeError.value("'\(which)' is not a valid value for which; supported values are 'major', 'minor', 'both'")
        }
        if which != "major", update.tickColor != nil {
            throw RuntimeError.value("tick_params(which='\(which)', color=…) is not available in rnnbook: only major tick marks are "
                                     + "coloured; use which='major'")
        }
        if which == "minor", !update.isEmpty {
            throw RuntimeError.value("tick_params(which='minor') is not available in rnnbook: minor ticks carry no labels here")
        }
        return try draw(interpreter) { try $0.tickStyle(axis, update, call: "tick_params") }
    }

    /// A `rotation=` value in degrees: a number, or 'horizontal' (0) / 'vertical' (90); None
    /// is 0, as matplotlib's `Text.set_rotation`.
    static func rotation(_ value: Value, _ what: String) throws -> Double {
        switch value {
        case .none, .str("horizontal"): return 0
        case .str("vertical"): return 90
        case .str(let text):
            throw RuntimeError.value("\(what): rotation must be 'vertical', 'horizontal' or a number, not '\(text)'")
        default: return try value.asDouble(what)
        }
    }

    /// A `fontweight=` value into `style`.
    static func setWeight(_ style: inout TextStyle, _ value: Value, _ what: String) throws {
        switch value {
        case .str(let name): style.weightName = name
        case .int, .float: style.weightValue = try value.asDouble(what)
        case .none: break
        default: throw RuntimeError.type("\(what) must be a str or a number, not \(value.typeName)")
        }
    }
}
