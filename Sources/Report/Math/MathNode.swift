/// A MathML element built from TeX; `MathMLWriter` turns it into markup.
indirect enum MathNode: Equatable {
    /// An identifier; `variant` is a MathML `mathvariant` such as `bold` or `normal`.
    case identifier(String, variant: String?)
    case number(String, variant: String?)
    /// An operator; `stretchy` for `\left(`-style fences, `largeop` for `\sum`.
    case op(String, stretchy: Bool = false, largeop: Bool = false)
    case text(String, variant: String?)
    case row([MathNode])
    case sub(MathNode, MathNode)
    case sup(MathNode, MathNode)
    case subsup(MathNode, MathNode, MathNode)
    case under(MathNode, MathNode)
    case over(MathNode, MathNode, accent: Bool)
    case underover(MathNode, MathNode, MathNode)
    case fraction(MathNode, MathNode, lineless: Bool)
    case sqrt(MathNode)
    case root(MathNode, index: MathNode)
    case space(String)
    /// A table; `columnAlign` as MathML's attribute, e.g. `right left`; `tags`, when not
    /// empty, one equation number (or none) per row, shown in a last column.
    case table([[MathNode]], columnAlign: String, display: Bool, tags: [String?] = [])

    /// The same node with `variant` applied to every identifier and number inside it.
    func withVariant(_ variant: String) -> MathNode {
        switch self {
        case .identifier(let name, _): return .identifier(name, variant: variant)
        case .number(let digits, _): return .number(digits, variant: variant)
        case .text(let text, _): return .text(text, variant: variant == "double-struck" ? nil : variant)
        case .row(let children): return .row(children.map { $0.withVariant(variant) })
        case .sub(let base, let script): return .sub(base.withVariant(variant), script)
        case .sup(let base, let script): return .sup(base.withVariant(variant), script)
        case .subsup(let base, let sub, let sup): return .subsup(base.withVariant(variant), sub, sup)
        case .over(let base, let accent, let isAccent): return .over(base.withVariant(variant), accent, accent: isAccent)
        default: return self
        }
    }
}

/// Writes `MathNode`s as MathML markup, escaping all text.
enum MathMLWriter {
    static func write(_ node: MathNode, into out: inout String) {
        switch node {
        case .identifier(let name, var variant):
            if variant == MathSpacing.operatorVariant { variant = "normal" }
            if let variant, variant != "normal", let styled = MathAlphabets.map(name, variant: variant) {
                out += styled.count == 1 ? "<mi>\(styled)</mi>" : "<mi mathvariant=\"normal\">\(styled)</mi>"
                return
            }
            let implied = name.count == 1 && variant == nil
            out += implied ? "<mi>" : "<mi mathvariant=\"\(variant ?? "normal")\">"
            out += escape(name) + "</mi>"
        case .number(let digits, let variant):
            if let variant, variant != "normal", let styled = MathAlphabets.map(digits.filter { $0 != "." }, variant: variant),
                !digits.contains(".")
            {
                out += "<mn>\(styled)</mn>"
                return
            }
            out += variant.map { "<mn mathvariant=\"\($0)\">" } ?? "<mn>"
            out += escape(digits) + "</mn>"
        case .op(let symbol, let stretchy, let largeop):
            var attributes = ""
            if stretchy { attributes += " stretchy=\"true\"" }
            // As in TeX, only \left, \right and environment fences grow with what they enclose.
            if !stretchy, MathSpacing.fences.contains(symbol) { attributes += " stretchy=\"false\"" }
            if largeop { attributes += " largeop=\"true\"" }
            out += "<mo\(attributes)>\(escape(symbol))</mo>"
        case .text(let text, let variant):
            out += variant.map { "<mtext mathvariant=\"\($0)\">" } ?? "<mtext>"
            out += escape(text) + "</mtext>"
        case .row(let children):
            out += "<mrow>"
            for child in children { write(child, into: &out) }
            out += "</mrow>"
        case .sub(let base, let script): element("msub", [base, script], into: &out)
        case .sup(let base, let script): element("msup", [base, script], into: &out)
        case .subsup(let base, let sub, let sup): element("msubsup", [base, sub, sup], into: &out)
        case .under(let base, let script): element("munder", [base, script], into: &out)
        case .over(let base, let script, let accent):
            out += accent ? "<mover accent=\"true\">" : "<mover>"
            write(base, into: &out)
            write(script, into: &out)
            out += "</mover>"
        case .underover(let base, let under, let over): element("munderover", [base, under, over], into: &out)
        case .fraction(let numerator, let denominator, let lineless):
            out += lineless ? "<mfrac linethickness=\"0\">" : "<mfrac>"
            write(numerator, into: &out)
            write(denominator, into: &out)
            out += "</mfrac>"
        case .sqrt(let body): element("msqrt", [body], into: &out)
        case .root(let body, let index): element("mroot", [body, index], into: &out)
        case .space(let width): out += "<mspace width=\"\(width)\"/>"
        case .table(let rows, let align, let display, let tags):
            out += "<mtable columnalign=\"\(align)\"\(display ? " displaystyle=\"true\"" : "")>"
            // Chromium ignores `columnalign`; the page's style sheet aligns each cell by its own
            // attribute (`mtd[columnalign=right] { text-align: right }`).
            let columns = align.split(separator: " ")
            for (number, row) in rows.enumerated() {
                out += "<mtr>"
                for (column, cell) in row.enumerated() {
                    let alignment = column < columns.count ? String(columns[column]) : "center"
                    out += alignment == "center" ? "<mtd>" : "<mtd columnalign=\"\(alignment)\">"
                    write(cell, into: &out)
                    out += "</mtd>"
                }
                if !tags.isEmpty {
                    let tag = number < tags.count ? tags[number] : nil
                    out += "<mtd columnalign=\"right\" class=\"tag\">"
                    out += tag.map { "<mtext>(\(escape($0)))</mtext>" } ?? ""
                    out += "</mtd>"
                }
                out += "</mtr>"
            }
            out += "</mtable>"
        }
    }

    static func element(_ name: String, _ children: [MathNode], into out: inout String) {
        out += "<\(name)>"
        for child in children { write(child, into: &out) }
        out += "</\(name)>"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
