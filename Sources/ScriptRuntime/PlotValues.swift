import Plot

/// A native value that plots can read as numbers (a tensor): its shape and its elements in
/// row-major order. Lists, tuples and ranges of numbers are read without it.
protocol NumericArrayConvertible {
    /// The shape and the elements, row-major.
    func numericArray() throws -> (shape: [Int], values: [Double])
}

/// The `plt` state of one session: the pyplot-like figures of the running block.
final class PlotSession {
    var pyplot = Pyplot()
    /// Figures emitted so far in the session, for unique SVG ids across the page.
    var emitted = 0
    /// The axes of the latest colour-mapped drawing (imshow, scatter with `c=`), for
    /// `fig.colorbar(im)`: the binding's images are not objects, so `im` cannot say where it is.
    var lastMapped: AxesHandle?

    /// Emits the figures the block drew, in drawing order, as inline SVG.
    func flush(_ interpreter: Interpreter) {
        for figure in pyplot.takeFigures() {
            emitted += 1
            interpreter.emit(.figure(svg: figure.svg(idPrefix: "fig\(emitted)"), title: figure.title))
        }
    }
}

extension Interpreter {
    /// The session's plot state.
    var plots: PlotSession { state(PlotSession.self) { PlotSession() } }

    /// A value as a flat list of numbers: a list, tuple, range or tensor of numbers.
    func numbers(_ value: Value, _ what: String) throws -> [Double] {
        if case .native(let object) = value, let array = object as? NumericArrayConvertible {
            let (shape, values) = try array.numericArray()
            guard shape.filter({ $0 != 1 }).count <= 1 else {
                throw RuntimeError.value("\(what) must be one-dimensional, got shape \(ShapeText.format(shape))")
            }
            return values
        }
        switch value {
        case .int, .float, .bool:
            return [try value.asDouble(what)]
        case .str, .none, .dict, .function, .builtin:
            throw RuntimeError.type("\(what) must be a list or tensor of numbers, not \(value.typeName)")
        default:
            return try collect(value).map { element in
                if case .native(let object) = element, let array = object as? NumericArrayConvertible {
                    let values = try array.numericArray().values
                    guard values.count == 1 else {
                        throw RuntimeError.value("\(what) must be one-dimensional")
                    }
                    return values[0]
                }
                return try element.asDouble("each element of \(what)")
            }
        }
    }

    /// A value as the columns of a line plot's data: one column for a 1-D list or tensor, one
    /// per column for a 2-D tensor or a list of equally long rows (matplotlib's `plot(Y)`).
    func columns(_ value: Value, _ what: String) throws -> [[Double]] {
        if case .native(let object) = value, let array = object as? NumericArrayConvertible {
            let shape = try array.numericArray().shape
            // A single row or column is one line, as for a 1-D tensor.
            guard shape.count == 2, shape[0] > 1, shape[1] > 1 else { return [try numbers(value, what)] }
            return transposed(try matrix(value, what), columns: shape[1])
        }
        switch value {
        case .list, .tuple:
            let items = try collect(value)
            let nested = items.contains { item in
                switch item {
                case .list, .tuple: return true
                case .native(let object): return (try? (object as? NumericArrayConvertible)?.numericArray().shape.count) == 1
                default: return false
                }
            }
            guard nested else { return [try numbers(value, what)] }
            let rows = try matrix(value, what)
            let width = rows[0].count
            if let row = rows.firstIndex(where: { $0.count != width }) {
                throw RuntimeError.value("\(what): row 0 has \(width) values but row \(row) has \(rows[row].count)")
            }
            guard rows.count > 1, width > 1 else { return [rows.flatMap { $0 }] }
            return transposed(rows, columns: width)
        default:
            return [try numbers(value, what)]
        }
    }

    private func transposed(_ rows: [[Double]], columns: Int) -> [[Double]] {
        (0..<columns).map { column in rows.map { $0[column] } }
    }

    /// A value as rows of numbers: a 2-D tensor or a list of lists.
    func matrix(_ value: Value, _ what: String) throws -> [[Double]] {
        if case .native(let object) = value, let array = object as? NumericArrayConvertible {
            let (shape, values) = try array.numericArray()
            guard shape.count == 2 else {
                throw RuntimeError.value("\(what) must be two-dimensional, got shape \(ShapeText.format(shape))")
            }
            return (0..<shape[0]).map { row in Array(values[(row * shape[1])..<((row + 1) * shape[1])]) }
        }
        return try collect(value).map { try numbers($0, "each row of \(what)") }
    }

    /// A value as a list of datasets (for violin plots): a list of lists, or a 2-D tensor's columns.
    func datasets(_ value: Value, _ what: String) throws -> [[Double]] {
        if case .native(let object) = value, let array = object as? NumericArrayConvertible {
            let (shape, values) = try array.numericArray()
            if shape.count == 1 { return [values] }
            let rows = try matrix(value, what)
            return (0..<(shape.last ?? 0)).map { column in rows.map { $0[column] } }
        }
        let items = try collect(value)
        if items.allSatisfy({ if case .int = $0 { return true }; if case .float = $0 { return true }; return false }) {
            return [try numbers(value, what)]
        }
        return try items.map { try numbers($0, "each dataset of \(what)") }
    }
}

/// Shapes written as PyTorch does in messages: `(16, 3)`.
enum ShapeText {
    static func format(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}

extension BoundArguments {
    /// The styling keywords shared by most plot calls.
    /// matplotlib's aliases count as their full names (`lw` as `linewidth`); giving both is an error.
    /// Colours may be RGB(A) tuples and `linestyle` a dash tuple; `clip_on`, `facecolor` and
    /// `edgecolor` are read when the call takes them.
    func seriesStyle(withLabel: Bool = true, _ interpreter: Interpreter) throws -> SeriesStyle {
        // An alias that is also a parameter of its own (scatter's `c`) is not an alias there.
        let aliases = PlotBuiltins.styleAliases.filter { signature.keywordOnly.contains($0.alias) && !signature.parameters.contains($0.alias) }
        for (alias, name) in aliases where self[alias] != nil && self[name] != nil {
            throw RuntimeError.type("\(signature.name)() got both '\(name)' and '\(alias)', which are aliases of one another")
        }
        func given(_ name: String) -> (value: Value?, keyword: String) {
            if let value = self[name] { return (value, name) }
            let alias = aliases.first { $0.name == name }?.alias
            return (alias.flatMap { self[$0] }, alias ?? name)
        }
        func colour(_ name: String) throws -> String? {
            let (value, keyword) = given(name)
            return try PlotBuiltins.colorText(value, what(keyword), interpreter)
        }
        func number(_ name: String) throws -> Double? {
            let alias = aliases.first { $0.name == name }?.alias
            return try optionalDouble(name) ?? alias.flatMap { try optionalDouble($0) }
        }
        let (lineStyle, keyword) = given("linestyle")
        let (name, dashes) = try PlotBuiltins.lineStyle(lineStyle, what(keyword), interpreter)
        var style = SeriesStyle(
            label: withLabel ? try optionalString("label") : nil, color: try colour("color"),
            linestyle: name, marker: try optionalString("marker"),
            linewidth: try number("linewidth"), markersize: try number("markersize"),
            alpha: try optionalDouble("alpha"), zorder: try optionalDouble("zorder"))
        style.dashes = dashes
        if let clip = self["clip_on"], !clip.isNone { style.clipOn = try clip.truthy() }
        style.facecolor = try colour("facecolor")
        style.edgecolor = try colour("edgecolor")
        return style
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = self[name], !value.isNone else { return nil }
        guard case .str(let text) = value else {
            throw RuntimeError.type("\(what(name)) must be a str, not \(value.typeName)")
        }
        return text
    }

    func optionalDouble(_ name: String) throws -> Double? {
        guard let value = self[name], !value.isNone else { return nil }
        return try value.asDouble(what(name))
    }
}
