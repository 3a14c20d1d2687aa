/// Builds SVG markup: every attribute value and text node is escaped here.
struct SVGWriter {
    private(set) var output = ""
    /// The smallest font size of the text written so far, in user units.
    private(set) var smallestText: Double?

    init() {
        output.reserveCapacity(16_384)
    }

    /// Appends `<name a="v" …/>`, or an opening tag when `close` is false.
    mutating func element(_ name: String, _ attributes: [(String, String)], close: Bool = true) {
        output += "<" + name
        for (key, value) in attributes {
            output += " " + key + "=\"" + XML.escape(value) + "\""
        }
        output += close ? "/>\n" : ">\n"
    }

    /// Appends `</name>`.
    mutating func end(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// Appends `<name …>text</name>` with the text escaped.
    mutating func textElement(_ name: String, _ attributes: [(String, String)], _ text: String) {
        output += "<" + name
        for (key, value) in attributes {
            output += " " + key + "=\"" + XML.escape(value) + "\""
        }
        output += ">" + XML.escape(text) + "</" + name + ">\n"
    }

    /// Appends a `<text>` at (`x`, `y`) whose anchor and vertical alignment are given;
    /// `rotate` turns it about its anchor point (−90 for y-axis labels).
    mutating func text(_ content: String, x: Double, y: Double, anchor: TextAnchor = .start,
                       baseline: TextBaseline = .alphabetic, size: Double? = nil, rotate: Double? = nil,
                       weight: Int? = nil, extra: [(String, String)] = []) {
        let fontSize = size ?? Style.fontSize
        if !content.isEmpty { smallestText = min(smallestText ?? fontSize, fontSize) }
        var attributes: [(String, String)] = []
        if let rotate {
            attributes.append(("transform", "translate(\(Num.coord(x)),\(Num.coord(y))) rotate(\(Num.coord(rotate)))"))
            attributes.append(("y", Num.coord(baseline.shift * fontSize)))
        } else {
            attributes.append(("x", Num.coord(x)))
            attributes.append(("y", Num.coord(y + baseline.shift * fontSize)))
        }
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if let size { attributes.append(("font-size", Num.coord(size))) }
        if let weight { attributes.append(("font-weight", String(weight))) }
        guard MathText.hasMath(content) else {
            textElement("text", attributes + extra, content)
            return
        }
        output += "<text"
        for (key, value) in attributes + extra {
            output += " " + key + "=\"" + XML.escape(value) + "\""
        }
        output += ">" + MathText.markup(content) + "</text>\n"
    }

    /// Appends raw, already well-formed markup.
    mutating func raw(_ markup: String) {
        output += markup
    }

    /// Appends what `other` wrote, keeping track of its text sizes.
    mutating func append(_ other: SVGWriter) {
        output += other.output
        if let size = other.smallestText { smallestText = min(smallestText ?? size, size) }
    }
}

/// SVG `text-anchor` values.
enum TextAnchor: String {
    case start, middle, end
}

/// Vertical placement of text relative to its y coordinate (applied as an offset, since
/// `dominant-baseline` is not rendered alike everywhere).
enum TextBaseline {
    case alphabetic, top, center, bottom

    /// The offset from the requested y to the alphabetic baseline, in ems.
    var shift: Double {
        switch self {
        case .alphabetic: return 0
        case .top: return 0.76
        case .center: return 0.36
        case .bottom: return -0.24
        }
    }
}

