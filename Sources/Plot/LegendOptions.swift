/// The keywords of `legend(...)`: where (`loc`, `bbox_to_anchor`), how many columns, the font
/// size and whether the frame is drawn, as matplotlib's.
public struct LegendOptions: Sendable {
    /// A location name (`"upper right"`, `"best"`, …) or matplotlib's code 0…10 as text.
    public var loc: String?
    /// `loc=(x, y)`: the legend's lower-left corner, as fractions of the anchor box (the axes).
    public var point: (x: Double, y: Double)?
    /// `bbox_to_anchor=(x, y)` or `(x, y, width, height)` in axes fractions.
    public var bboxToAnchor: [Double]?
    /// `ncol=` / `ncols=`.
    public var columns = 1
    /// `fontsize=` in points.
    public var fontSize: Double?
    /// `frameon=`.
    public var frameOn = true
    /// `title=`: a line centred above the entries.
    public var title: String?
    /// `title_fontsize=` in points (matplotlib's default is the default font size, not `fontsize=`).
    public var titleFontSize: Double?
    /// Spacings in font sizes, by matplotlib's keyword: `borderpad`, `labelspacing`,
    /// `handlelength`, `handletextpad`, `borderaxespad`, `columnspacing`.
    public var spacings: [String: Double] = [:]

    /// matplotlib's default spacings, in font sizes.
    public static let defaultSpacings: [String: Double] = [
        "borderpad": 0.4, "labelspacing": 0.5, "handlelength": 2.0, "handletextpad": 0.8,
        "borderaxespad": 0.5, "columnspacing": 2.0,
    ]

    /// Makes the options; all default as matplotlib's.
    public init(loc: String? = nil, point: (x: Double, y: Double)? = nil, bboxToAnchor: [Double]? = nil,
                columns: Int = 1, fontSize: Double? = nil, frameOn: Bool = true) {
        self.loc = loc
        self.point = point
        self.bboxToAnchor = bboxToAnchor
        self.columns = columns
        self.fontSize = fontSize
        self.frameOn = frameOn
    }

    /// The checked placement.
    func resolve() throws -> LegendSpec {
        let location: LegendLocation
        if let loc, let code = Int(loc) {
            guard let found = LegendLocation.byCode(code) else {
                throw PlotError("legend: loc code must be 0 to 10, got \(code)")
            }
            location = found
        } else {
            location = try LegendLocation(parsing: loc ?? "best")
        }
        if let point, !(point.x.isFinite && point.y.isFinite) {
            throw PlotError("legend: loc=(x, y) must be finite numbers")
        }
        if let box = bboxToAnchor {
            guard box.count == 2 || box.count == 4, box.allSatisfy(\.isFinite) else {
                throw PlotError("legend: bbox_to_anchor must be (x, y) or (x, y, width, height), finite numbers")
            }
        }
        guard (1...50).contains(columns) else { throw PlotError("legend: ncols must be 1 to 50, got \(columns)") }
        let size = fontSize ?? Style.fontSize
        try Validate.positive("legend", "fontsize", size)
        var resolved = LegendOptions.defaultSpacings
        for (name, value) in spacings {
            guard resolved[name] != nil else { throw PlotError("legend: unknown spacing '\(name)'") }
            guard value.isFinite, abs(value) <= 100 else { throw PlotError("legend: \(name) must be a finite number of font sizes") }
            resolved[name] = value
        }
        let titleSize = titleFontSize ?? Style.fontSize
        try Validate.positive("legend", "title_fontsize", titleSize)
        return LegendSpec(location: location, point: point, bboxToAnchor: bboxToAnchor, columns: columns,
                          fontSize: size, frameOn: frameOn, spacings: resolved,
                          title: title?.isEmpty == false ? title : nil, titleFontSize: titleSize)
    }
}

/// A checked legend placement, kept by the axes until it is drawn.
struct LegendSpec: Sendable {
    var location: LegendLocation
    var point: (x: Double, y: Double)?
    var bboxToAnchor: [Double]?
    var columns: Int
    var fontSize: Double
    var frameOn: Bool
    /// Every spacing of `LegendOptions.defaultSpacings`, in font sizes.
    var spacings: [String: Double]
    /// A mark `legend(handles=…)` chose, with the label given for it (nil: the mark's own).
    struct Handle: Sendable {
        var mark: Int
        var label: String?
    }
    /// The marks `legend(handles=…)` chose, in order; nil shows every labelled mark.
    var handles: [Handle]? = nil
    /// The title line, if any, and its size in points.
    var title: String? = nil
    var titleFontSize: Double = Style.fontSize

    /// The default legend: `best`, one column, 10 points, framed.
    static let standard = LegendSpec(location: .best, point: nil, bboxToAnchor: nil, columns: 1,
                                     fontSize: Style.fontSize, frameOn: true, spacings: LegendOptions.defaultSpacings)

    /// A spacing in points.
    func spacing(_ name: String) -> Double {
        (spacings[name] ?? LegendOptions.defaultSpacings[name] ?? 0) * fontSize
    }
}

extension LegendLocation {
    /// matplotlib's location codes: 0 best, 1 upper right, … 10 center.
    static let codes: [LegendLocation] = [.best, .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right,
                                          .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center]

    static func byCode(_ code: Int) -> LegendLocation? {
        codes.indices.contains(code) ? codes[code] : nil
    }

    /// Horizontal and vertical alignment as fractions: 0 left/bottom, 0.5 centre, 1 right/top.
    var alignment: (x: Double, y: Double) {
        switch self {
        case .best, .upperRight: (1, 1)
        case .upperLeft: (0, 1)
        case .lowerLeft: (0, 0)
        case .lowerRight: (1, 0)
        case .right, .centerRight: (1, 0.5)
        case .centerLeft: (0, 0.5)
        case .lowerCenter: (0.5, 0)
        case .upperCenter: (0.5, 1)
        case .center: (0.5, 0.5)
        }
    }
}
