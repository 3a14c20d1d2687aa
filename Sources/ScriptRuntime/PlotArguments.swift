import Plot

/// Argument values of plot calls that are not plain strings or numbers: colours given as
/// RGB(A) tuples, dash tuples, font sizes by name and font weights.
extension PlotBuiltins {
    /// A colour argument as text for `Color(parsing:)`: a string as written, or an RGB/RGBA
    /// tuple or list of numbers in [0, 1] as `#rrggbb(aa)`; None is nil.
    static func colorText(_ value: Value?, _ what: String, _ interpreter: Interpreter) throws -> String? {
        guard let value, !value.isNone else { return nil }
        switch value {
        case .str(let text): return text
        case .list, .tuple:
            let parts = try interpreter.numbers(value, what)
            guard parts.count == 3 || parts.count == 4 else {
                throw RuntimeError.value("\(what): an RGB or RGBA tuple has 3 or 4 numbers, got \(parts.count)")
            }
            return try rgbaHex(parts, what)
        default:
            throw RuntimeError.type("\(what) must be a colour name, hex string or RGB(A) tuple, not \(value.typeName)")
        }
    }

    /// `#rrggbb` (or `#rrggbbaa` with a fourth number) for fractions in [0, 1], as matplotlib's `to_hex`.
    static func rgbaHex(_ parts: [Double], _ what: String) throws -> String {
        guard parts.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { throw RuntimeError.value("\(what): RGBA values should be within 0-1 range") }
        let digits = Array("0123456789abcdef")
        return "#" + parts.map { unit -> String in
            let byte = Int((unit * 255).rounded())
            return String([digits[byte / 16], digits[byte % 16]])
        }.joined()
    }

    /// A `linestyle=` value: a name or code, or a dash tuple `(offset, (on, off, …))`.
    static func lineStyle(_ value: Value?, _ what: String,
                          _ interpreter: Interpreter) throws -> (name: String?, dashes: (offset: Double, pattern: [Double])?) {
        guard let value, !value.isNone else { return (nil, nil) }
        switch value {
        case .str(let text): return (text, nil)
        case .tuple(let items) where items.count == 2:
            let offset = try items[0].asDouble("\(what) offset")
            return (nil, (offset, try interpreter.numbers(items[1], "\(what) dash sequence")))
        default:
            throw RuntimeError.value("\(what) must be a name like '--' or a dash tuple (offset, (on, off, ...)), not \(value.repr())")
        }
    }

    /// matplotlib's relative font sizes (`fontsize='small'`), as multiples of 10 points.
    static let fontSizeNames: [String: Double] = [
        "xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1, "large": 1.2, "x-large": 1.44, "xx-large": 1.728,
    ]

    /// A `fontsize=` value in points: a number or one of matplotlib's size names.
    static func fontSize(_ value: Value?, _ what: String) throws -> Double? {
        guard let value, !value.isNone else { return nil }
        if case .str(let name) = value {
            guard let scale = fontSizeNames[name.lowercased()] else {
                throw RuntimeError.value("\(what): unknown font size '\(name)' (use points or one of "
                                         + fontSizeNames.keys.sorted().joined(separator: ", ") + ")")
            }
            return 10 * scale
        }
        return try value.asDouble(what)
    }

    /// The text keywords `fontsize=`, `fontweight=` (or its alias `weight=`).
    static func textStyle(_ args: BoundArguments) throws -> TextStyle {
        if args["fontweight"] != nil && args["weight"] != nil {
            throw RuntimeError.type("\(args.signature.name)() got both 'fontweight' and 'weight', which are aliases of one another")
        }
        var style = TextStyle(size: try fontSize(args["fontsize"], args.what("fontsize")))
        switch args["fontweight"] ?? args["weight"] {
        case .str(let name)?: style.weightName = name
        case .int, .float: style.weightValue = try (args["fontweight"] ?? args["weight"])?.asDouble(args.what("fontweight"))
        case nil, .none?: break
        case let other?: throw RuntimeError.type("\(args.what("fontweight")) must be a str or a number, not \(other.typeName)")
        }
        return style
    }

    /// The keywords `textStyle` reads.
    static let textKeywords = ["fontsize", "fontweight", "weight"]
}
