/// A tick label as `plt.xticks()` returns it, matplotlib's `Text`: shows as
/// `Text(0.5, 0, '0.50')` (x, y and the text; the other coordinate is 0), and answers
/// `get_text()` and `get_position()`. A snapshot of the label when it was asked for: setting
/// its properties is refused (style labels with `plt.xticks(rotation=…)` or `tick_params`).
final class PlotTickLabel: NativeObject {
    /// The position, as matplotlib reports it: (tick, 0) on the x axis, (0, tick) on the y axis.
    let x: Value, y: Value
    let text: String

    init(x: Value, y: Value, text: String) {
        self.x = x
        self.y = y
        self.text = text
    }

    var typeName: String { "Text" }
    func repr() -> String { "Text(\(x.str()), \(y.str()), \(Value.str(text).repr()))" }
    var attributeNames: [String] { ["get_text", "get_position"] }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "get_text":
            _ = try Signature(name).bind(arguments)
            return .str(text)
        case "get_position":
            _ = try Signature(name).bind(arguments)
            return .tuple([x, y])
        default:
            if name.hasPrefix("set_") {
                throw RuntimeError("Text.\(name)() is not available in rnnbook: the labels plt.xticks() returns are a snapshot; "
                                   + "style tick labels with plt.xticks(rotation=…, fontsize=…) or plt.tick_params", id: "attribute-error")
            }
            return nil
        }
    }
}
