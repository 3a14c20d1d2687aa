import Foundation

/// Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    /// `#`: a `0b`/`0o`/`0x` prefix on ints, a decimal point that is always written on floats.
    var alternate = false
    var zero = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        let chars = Array(spec)
        var i = 0
        if chars.count >= 2, "<>^=".contains(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if let first = chars.first, "<>^=".contains(first) {
            align = first
            i = 1
        }
        if i < chars.count, "+- ".contains(chars[i]) {
            sign = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "#" {
            alternate = true
            i += 1
        }
        if i < chars.count, chars[i] == "0" {
            zero = true
            i += 1
        }
        while i < chars.count, let digit = chars[i].wholeNumberValue, chars[i].isASCII {
            width = width * 10 + digit
            if width > 10_000 { throw RuntimeError.value("format width too large") }
            i += 1
        }
        if i < chars.count, chars[i] == "," || chars[i] == "_" {
            grouping = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var digits = 0
            var count = 0
            while i < chars.count, let digit = chars[i].wholeNumberValue, chars[i].isASCII {
                // Past 100 the precision is refused below; stop growing before it could overflow.
                digits = min(digits * 10 + digit, 1_000)
                count += 1
                i += 1
            }
            if count == 0 || digits > 100 { throw RuntimeError.value("invalid format specifier '\(spec)'") }
            precision = digits
        }
        if i < chars.count, "bcdeEfFgGnosxX%".contains(chars[i]) {
            type = chars[i]
            i += 1
        }
        if i != chars.count { throw RuntimeError.value("invalid format specifier '\(spec)'") }
    }

    /// Formats a value, as Python's `format(value, spec)`.
    func format(_ value: Value) throws -> String {
        switch value {
        case .bool(let b):
            // As in Python, a non-empty spec formats a bool as the int it is: `f"{True:>3}"` is `  1`.
            if type == "s" { throw RuntimeError.value("unknown format code 's' for a bool") }
            return try formatInt(b ? 1 : 0)
        case .int(let i): return try formatInt(i)
        case .float(let d): return try formatFloat(d)
        case .str(let s):
            if let type, type != "s" { throw RuntimeError.value("unknown format code '\(type)' for a str") }
            if alternate { throw RuntimeError.value("alternate form (#) not allowed in string format specifier") }
            let text = precision.map { String(s.unicodeScalars.prefix($0)) } ?? s
            return pad(text, numeric: false)
        default:
            if precision != nil || type != nil {
                throw RuntimeError.type("unsupported format string passed to \(value.typeName)")
            }
            return pad(value.str(), numeric: false)
        }
    }

    func formatInt(_ n: Int) throws -> String {
        switch type {
        case nil, "d", "n":
            return signed(n < 0, group(String(n.magnitude)))
        case "x", "X", "o", "b":
            let type = type ?? "x"
            if grouping == "," { throw RuntimeError.value("cannot specify ',' with '\(type)'") }
            let radix = type == "o" ? 8 : type == "b" ? 2 : 16
            let digits = String(n.magnitude, radix: radix, uppercase: type == "X")
            return signed(n < 0, group(digits, every: 4), radixPrefix: alternate ? "0" + String(type) : "")
        case "c":
            if alternate { throw RuntimeError.value("alternate form (#) not allowed with integer format specifier 'c'") }
            guard let scalar = Unicode.Scalar(UInt32(clamping: n)) else { throw RuntimeError.value("%c arg not in range") }
            return pad(String(Character(scalar)), numeric: false)
        default:
            return try formatFloat(Double(n))
        }
    }

    func formatFloat(_ d: Double) throws -> String {
        if d.isNaN || d.isInfinite {
            let text = d.isNaN ? "nan" : "inf"
            return signed(d < 0, type.map { $0.isUppercase } == true ? text.uppercased() : text)
        }
        let magnitude = Swift.abs(d)
        let negative = d.sign == .minus
        var body: String
        // C's `#` flag is Python's alternate form: the point stays, and `g` keeps its zeros.
        let flag = alternate ? "%#." : "%."
        switch type {
        case "f", "F": body = String(format: "\(flag)\(precision ?? 6)f", magnitude)
        case "e", "E": body = String(format: "\(flag)\(precision ?? 6)\(type ?? "e")", magnitude)
        case "g", "G": body = String(format: "\(flag)\(Swift.max(precision ?? 6, 1))\(type ?? "g")", magnitude)
        case "%": body = String(format: "\(flag)\(precision ?? 6)f", magnitude * 100) + "%"
        case nil:
            if let precision {
                body = String(format: "\(flag)\(Swift.max(precision, 1))g", magnitude)
                if !body.contains(".") && !body.contains("e") { body += ".0" }
            } else {
                body = Value.formatFloat(magnitude)
                if alternate, !body.contains(".") {
                    let exponent = body.firstIndex(of: "e") ?? body.endIndex
                    body.insert(".", at: exponent)
                }
            }
        default:
            throw RuntimeError.value("unknown format code '\(type ?? " ")' for a float")
        }
        if grouping != nil {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            if let whole = parts.first, whole.allSatisfy(\.isNumber) {
                body = group(String(whole)) + (parts.count > 1 ? "." + parts[1] : "")
            }
        }
        return signed(negative, body)
    }

    /// The digits with the spec's separator between groups of `every` (from the right).
    func group(_ digits: String, every size: Int = 3) -> String {
        guard let separator = grouping, digits.count > size else { return digits }
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % size == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// The sign (and `radixPrefix`, e.g. `0x`) before `body`, padded to the width; zero
    /// padding goes between the prefix and the digits.
    func signed(_ negative: Bool, _ body: String, radixPrefix: String = "") -> String {
        let prefix = (negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : "") + radixPrefix
        if zero && align == nil || align == "=" {
            let fillChar: Character = zero && align == nil ? "0" : fill
            let padding = Swift.max(0, width - prefix.count - body.count)
            return prefix + String(repeating: fillChar, count: padding) + body
        }
        return pad(prefix + body, numeric: true)
    }

    func pad(_ text: String, numeric: Bool) -> String {
        let padding = width - text.codePointCount
        guard padding > 0 else { return text }
        switch align ?? (numeric ? ">" : "<") {
        case ">": return String(repeating: fill, count: padding) + text
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + text + String(repeating: fill, count: padding - left)
        default: return text + String(repeating: fill, count: padding)
        }
    }
}
