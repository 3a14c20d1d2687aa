/// A tick as `plt.xticks(ticks)` returns it (matplotlib's `XTick`/`YTick`, what
/// `Axis.set_ticks` gives): shows as `<matplotlib.axis.XTick object>` and answers
/// `get_loc()`.
final class PlotTickObject: NativeObject {
    /// "XTick" or "YTick".
    let className: String
    /// The tick's position, as given.
    let location: Value

    init(className: String, location: Value) {
        self.className = className
        self.location = location
    }

    var typeName: String { className }
    func repr() -> String { "<matplotlib.axis.\(className) object>" }
    var attributeNames: [String] { ["get_loc"] }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name == "get_loc" else { return nil }
        _ = try Signature(name).bind(arguments)
        return location
    }
}
