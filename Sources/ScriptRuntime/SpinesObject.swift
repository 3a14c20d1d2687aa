import Plot

/// `ax.spines`: the four sides of an axes' frame, by name, as matplotlib's `Spines` mapping.
/// `ax.spines["top"]` (or a list of names, as matplotlib 3.4+ allows) gives the spines, whose
/// `set_visible(False)` hides them; `values()`, `keys()`, `items()` and iteration work as on
/// a dict. Other spine settings (colour, width, position) are refused with what to write.
final class SpinesObject: NativeObject {
    let axes: AxesObject

    init(_ axes: AxesObject) {
        self.axes = axes
    }

    var typeName: String { "Spines" }
    var attributeNames: [String] { ["keys", "values", "items"] + Spine.allCases.map(\.rawValue) }
    func repr() -> String { "<matplotlib.spines.Spines object>" }

    func spine(_ name: String) throws -> Spine {
        guard let spine = Spine(rawValue: name) else {
            throw RuntimeError("'\(name)'", id: "key")
        }
        return spine
    }

    func getItem(_ index: Value) throws -> Value? {
        switch index {
        case .str(let name): return .native(SpineObject(axes, [try spine(name)]))
        case .list(let list): return .native(SpineObject(axes, try list.items.map { try spine($0.str()) }))
        case .tuple(let items): return .native(SpineObject(axes, try items.map { try spine($0.str()) }))
        default: throw RuntimeError.type("spines are indexed by name ('top', 'right', 'bottom', 'left') or a list of names")
        }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        Spine(rawValue: name).map { .native(SpineObject(axes, [$0])) }
    }

    func length() throws -> Int? { Spine.allCases.count }

    func makeIterator() throws -> (() throws -> Value?)? {
        var names = [Spine.left, .right, .bottom, .top].map { Value.str($0.rawValue) }.makeIterator()
        return { names.next() }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let order: [Spine] = [.left, .right, .bottom, .top]
        switch name {
        case "keys":
            _ = try Signature("keys").bind(arguments)
            return .list(ListObject(order.map { .str($0.rawValue) }))
        case "values":
            _ = try Signature("values").bind(arguments)
            return .list(ListObject(order.map { .native(SpineObject(axes, [$0])) }))
        case "items":
            _ = try Signature("items").bind(arguments)
            return .list(ListObject(order.map { .tuple([.str($0.rawValue), .native(SpineObject(axes, [$0]))]) }))
        default:
            return nil
        }
    }
}

/// One spine (or several, from a list of names): `set_visible(bool)`.
final class SpineObject: NativeObject {
    let axes: AxesObject
    let sides: [Spine]

    init(_ axes: AxesObject, _ sides: [Spine]) {
        self.axes = axes
        self.sides = sides
    }

    var typeName: String { "Spine" }
    var attributeNames: [String] { ["set_visible"] }
    func repr() -> String { "<matplotlib.spines.Spine object>" }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "set_visible":
            let args = try Signature("set_visible", ["b"]).bind(arguments)
            let visible = try args.value("b").truthy()
            let sides = sides
            try PlotBuiltins.onAxes(axes.handle, interpreter) { pyplot in
                for side in sides { pyplot.setSpine(side, visible: visible) }
            }
            return Value.none
        case "set_color", "set_linewidth", "set_position", "set_bounds", "set_linestyle", "set_edgecolor", "set_alpha":
            throw RuntimeError.type("Spine.\(name)() is not supported here; spines can only be shown or hidden "
                                    + "(set_visible), and hidden ones are not drawn")
        default:
            return nil
        }
    }
}
