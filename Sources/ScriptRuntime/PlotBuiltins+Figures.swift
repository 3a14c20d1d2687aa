import Foundation
import Plot

/// `plt.subplots`, `plt.gca`, `plt.gcf`, `plt.sca`, `plt.savefig`, and the forwarding that
/// lets `fig.…` and `ax.…` methods reuse the `plt` calls.
extension PlotBuiltins {
    /// Runs `body` on the session's pyplot and returns its result, turning plot errors into value errors.
    static func perform<T>(_ interpreter: Interpreter, _ body: (inout Pyplot) throws -> T) throws -> T {
        do {
            return try body(&interpreter.plots.pyplot)
        } catch let error as PlotError {
            throw RuntimeError.value(error.message)
        }
    }

    /// Runs `body` with the axes `handle` selected, leaving pyplot's current axes as it was
    /// (what `ax.method(...)` does for methods that have no `plt` function to forward to).
    static func onAxes<T>(_ handle: AxesHandle, _ interpreter: Interpreter, _ body: (inout Pyplot) throws -> T) throws -> T {
        try perform(interpreter) { pyplot in
            let saved = pyplot.selection()
            defer { pyplot.restore(saved) }
            try pyplot.select(handle)
            return try body(&pyplot)
        }
    }

    /// The `plt` member `name`.
    static func member(_ module: Namespace, _ name: String) throws -> Value {
        guard let value = module.members[name] else { throw RuntimeError.type("plt has no '\(name)'") }
        return value
    }

    /// Calls `plt.<target>(arguments)` with the axes or figure chosen by `select` current, then
    /// puts pyplot's current figure and axes back, so `ax.plot(…)` does not move `plt.gca()`.
    static func forward(_ module: Namespace, _ target: String, _ arguments: Arguments, _ interpreter: Interpreter,
                        select: (inout Pyplot) throws -> Void) throws -> Value {
        let function = try member(module, target)
        let saved = interpreter.plots.pyplot.selection()
        defer { interpreter.plots.pyplot.restore(saved) }
        try perform(interpreter, select)
        return try interpreter.call(function, arguments)
    }

    /// `sharex=True`/`False`/`'row'`/`'col'`/`'all'`/`'none'` as the mode name.
    static func shareMode(_ value: Value?, _ keyword: String) throws -> String {
        switch value {
        case nil, .none?: return "none"
        case .bool(let on)?: return on ? "all" : "none"
        case .str(let text)?: return text
        case let other?: throw RuntimeError.type("subplots() argument '\(keyword)' must be a bool or str, not \(other.typeName)")
        }
    }

    static func installFigureHandles(_ plt: Namespace) {
        plt.function("subplots", Signature("subplots", ["nrows", "ncols"], required: 0,
                                           keywordOnly: ["figsize", "sharex", "sharey", "squeeze", "dpi", "num",
                                                         "constrained_layout", "layout", "subplot_kw", "gridspec_kw"])) {
            [weak plt] args, interpreter in
            guard let plt else { return .none }
            let rows = try args.int("nrows", 1)
            let columns = try args.int("ncols", 1)
            let (width, height) = try figureSize(args, interpreter)
            let sharex = try shareMode(args["sharex"], "sharex")
            let sharey = try shareMode(args["sharey"], "sharey")
            let squeeze = try args.bool("squeeze", true)
            let handles = try perform(interpreter) {
                try $0.subplots(rows, columns, width: width, height: height, sharex: sharex, sharey: sharey)
            }
            let figure = Value.native(FigureObject(number: handles[0].figure, module: plt))
            let axes = handles.map { AxesObject(handle: $0, module: plt) }
            if squeeze && axes.count == 1 { return .tuple([figure, .native(axes[0])]) }
            let shape = squeeze && (rows == 1 || columns == 1) ? [axes.count] : [rows, columns]
            return .tuple([figure, .native(AxesArray(axes, shape: shape))])
        }
        plt.function("gca", Signature("gca")) { [weak plt] _, interpreter in
            guard let plt else { return .none }
            return .native(AxesObject(handle: try perform(interpreter) { $0.gca() }, module: plt))
        }
        plt.function("gcf", Signature("gcf")) { [weak plt] _, interpreter in
            guard let plt else { return .none }
            return .native(FigureObject(number: try perform(interpreter) { $0.gcf() }, module: plt))
        }
        plt.function("sca", Signature("sca", ["ax"])) { args, interpreter in
            let handle = try axesHandle(args.value("ax"), "sca() argument 'ax'", interpreter)
            return try draw(interpreter) { try $0.select(handle) }
        }
        plt.function("savefig", Signature("savefig", ["fname"], acceptsAnyKeyword: true)) { args, interpreter in
            var path = try args.string("fname", "")
            let suffix = (path as NSString).pathExtension.lowercased()
            if let format = args.extraKeywords.first(where: { $0.name == "format" }).map({ $0.value.str().lowercased() }),
               format != "svg" {
                throw RuntimeError.value("savefig(): only SVG can be written, not '\(format)'")
            }
            if suffix.isEmpty { path += ".svg" } else if suffix != "svg" {
                throw RuntimeError.value("savefig(): only SVG can be written; use a path ending in .svg, not '.\(suffix)'")
            }
            let resolved = try interpreter.permittedFile(path, "savefig()")
            let figure = interpreter.plots.pyplot.currentFigure ?? Figure()
            do {
                try Data(figure.svg(idPrefix: "saved").utf8).write(to: URL(fileURLWithPath: resolved))
            } catch {
                throw RuntimeError("savefig(): cannot write \(path): \(error.localizedDescription)", id: "file-access")
            }
            return .none
        }
    }

    /// `figsize=(w, h)` in inches, 6.4 × 4.8 when not given.
    static func figureSize(_ args: BoundArguments, _ interpreter: Interpreter) throws -> (Double, Double) {
        guard let size = args["figsize"], !size.isNone else { return (6.4, 4.8) }
        let pair = try interpreter.numbers(size, "\(args.signature.name)() argument 'figsize'")
        guard pair.count == 2 else { throw RuntimeError.value("\(args.signature.name)(): figsize must be (width, height)") }
        return (pair[0], pair[1])
    }

    /// An `Axes` value (or, for `ax=axes` of a colour bar, the last of an array or list of them).
    static func axesHandle(_ value: Value, _ what: String, _ interpreter: Interpreter) throws -> AxesHandle {
        switch value {
        case .native(let object as AxesObject): return object.handle
        case .native(let object as AxesArray) where !object.items.isEmpty: return object.items[object.items.count - 1].handle
        case .list, .tuple:
            if let last = try interpreter.collect(value).last { return try axesHandle(last, what, interpreter) }
        default: break
        }
        throw RuntimeError.type("\(what) must be an Axes, not \(value.typeName)")
    }
}
