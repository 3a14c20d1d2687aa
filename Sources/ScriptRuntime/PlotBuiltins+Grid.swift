import Plot

extension PlotBuiltins {
    /// `plt.grid(visible=None, which='major', axis='both', **line)` as matplotlib: no
    /// argument toggles the grid, a line style turns it on; the line properties are colour,
    /// line style, width and alpha (others are refused, not ignored).
    static func grid(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let visible: Bool? = args["visible"].flatMap { $0.isNone ? nil : $0 }.map { (try? $0.truthy()) ?? true }
        switch try args.string("which", "major") {
        case "major", "both": break
        case "minor": throw RuntimeError.value("grid(): rnnbook draws no minor ticks, so there are no minor grid lines; use which='major'")
        case let other: throw RuntimeError.value("grid(): which must be 'major', 'minor' or 'both', not '\(other)'")
        }
        func alias(_ name: String, _ short: String) throws -> Value? {
            let long = args[name].flatMap { $0.isNone ? nil : $0 }, brief = args[short].flatMap { $0.isNone ? nil : $0 }
            if long != nil && brief != nil {
                throw RuntimeError.type("grid() got both '\(name)' and '\(short)', which are aliases of one another")
            }
            return long ?? brief
        }
        let color = try colorText(try alias("color", "c"), "grid() color", interpreter)
        let style = try lineStyle(try alias("linestyle", "ls"), "grid() linestyle", interpreter)
        if style.dashes != nil {
            throw RuntimeError.value("grid(): dash tuples are not available for grid lines in rnnbook; use a named style such as '--' or ':'")
        }
        let width = try alias("linewidth", "lw").map { try $0.asDouble("grid() linewidth") }
        let alpha = args["alpha"].flatMap { $0.isNone ? nil : $0 }
        let opacity = try alpha.map { try $0.asDouble("grid() alpha") }
        let axis = try args.string("axis", "both")
        return try draw(interpreter) { try $0.grid(visible, axis: axis, color: color, linestyle: style.name, linewidth: width, alpha: opacity) }
    }
}
