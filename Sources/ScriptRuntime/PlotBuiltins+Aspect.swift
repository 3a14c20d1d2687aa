import Plot

extension PlotBuiltins {
    /// `ax.set_aspect(aspect, adjustable=None, anchor=None, share=False)`: `'auto'`,
    /// `'equal'` or a number (how long one y unit is against one x unit). The axes box
    /// shrinks about its centre, matplotlib's `adjustable='box'`; other adjustments and
    /// anchors are refused rather than ignored.
    static func setAspect(_ arguments: Arguments, _ handle: AxesHandle, _ interpreter: Interpreter) throws -> Value {
        let bound = try Signature("set_aspect", ["aspect", "adjustable", "anchor", "share"], required: 1).bind(arguments)
        let ratio: Double?
        switch bound.value("aspect") {
        case .str("auto"): ratio = nil
        case .str("equal"): ratio = 1
        case .int, .float:
            ratio = try bound.double("aspect", 1)
        case let other:
            throw RuntimeError.value("set_aspect(): aspect must be 'auto', 'equal' or a number, not \(other.repr())")
        }
        if let adjustable = bound["adjustable"], !adjustable.isNone {
            if case .str("box") = adjustable {} else {
                throw RuntimeError.value("set_aspect(): adjustable=\(adjustable.repr()) is not available in rnnbook; the axes box is adjusted (adjustable='box')")
            }
        }
        if let anchor = bound["anchor"], !anchor.isNone {
            if case .str("C") = anchor {} else {
            throw RuntimeError.value("set_aspect(): anchor is not available in rnnbook; the axes stay centred in their cell (anchor='C')")
            }
        }
        if let share = bound["share"], try share.truthy() {
            throw RuntimeError.value("set_aspect(): share=True is not available in rnnbook; call set_aspect on each axes")
        }
        try onAxes(handle, interpreter) { try $0.setAspect(ratio) }
        return .none
    }
}
