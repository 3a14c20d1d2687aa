import Foundation

/// `"{} {:.2f}".format(a, b)` and `"%d %.3f" % (a, b)`, for code ported from older labs.
enum StringFormatting {
    /// Python's `str.format` with automatic (`{}`), numbered (`{0}`) and named (`{x}`) fields,
    /// `!r`/`!s` conversions and format specs, which may hold fields of their own
    /// (`"{:>{}}".format(x, width)`).
    static func format(_ template: String, _ arguments: Arguments) throws -> String {
        var automatic = 0
        return try format(template, arguments, &automatic, depth: 2)
    }

    /// Formats `template`; `automatic` is the next `{}` argument (shared with the fields of
    /// specs), and `depth` how many more levels of fields in specs may follow, as in Python.
    static func format(_ template: String, _ arguments: Arguments, _ automatic: inout Int, depth: Int) throws -> String {
        guard depth > 0 else { throw RuntimeError.value("max string recursion exceeded") }
        var out = ""
        var chars = Array(template)[...]
        while let c = chars.popFirst() {
            if c == "}" {
                guard chars.first == "}" else { throw RuntimeError.value("single '}' encountered in format string") }
                chars.removeFirst()
                out.append("}")
                continue
            }
            guard c == "{" else {
                out.append(c)
                continue
            }
            if chars.first == "{" {
                chars.removeFirst()
                out.append("{")
                continue
            }
            // The field runs to its matching '}': braces inside belong to fields in its spec.
            var field = ""
            var open = 1
            while true {
                guard let next = chars.popFirst() else {
                    throw RuntimeError.value(field.isEmpty ? "single '{' encountered in format string"
                                                           : "expected '}' before end of string")
                }
                if next == "{" { open += 1 }
                if next == "}" {
                    open -= 1
                    if open == 0 { break }
                }
                field.append(next)
            }
            var spec = ""
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            var conversion: Character?
            if let bang = field.firstIndex(of: "!") {
                conversion = field[field.index(after: bang)...].first
                field = String(field[..<bang])
            }
            let value: Value
            if field.isEmpty {
                guard automatic < arguments.positional.count else {
                    throw RuntimeError.index("replacement index \(automatic) out of range for positional args tuple")
                }
                value = arguments.positional[automatic]
                automatic += 1
            } else if let index = Int(field) {
                guard index >= 0, index < arguments.positional.count else {
                    throw RuntimeError.index("replacement index \(index) out of range for positional args tuple")
                }
                value = arguments.positional[index]
            } else if let named = arguments.keywords.first(where: { $0.name == field }) {
                value = named.value
            } else {
                throw RuntimeError.keyError(.str(field), message: "format() has no argument named '\(field)'")
            }
            if spec.contains("{") { spec = try format(spec, arguments, &automatic, depth: depth - 1) }
            out += try Compiler.format(value, conversion, spec.isEmpty ? nil : try FormatSpec(spec), spec)
        }
        return out
    }

    /// printf-style `template % values`: `%d %i %f %e %g %s %r %x %%` with flags and widths.
    static func percent(_ template: String, _ values: Value) throws -> String {
        // Any tuple (a namedtuple, a torch.Size) gives the arguments one per item, as in Python.
        var queue = values.tupleItems ?? [values]
        queue.reverse()
        var out = ""
        var chars = Array(template)[...]
        while let c = chars.popFirst() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            var spec = ""
            while let next = chars.first, "-+ #0123456789.".contains(next) {
                spec.append(next)
                chars.removeFirst()
            }
            guard let type = chars.popFirst() else { throw RuntimeError.value("incomplete format") }
            if type == "%" {
                out.append("%")
                continue
            }
            guard let value = queue.popLast() else { throw RuntimeError.type("not enough arguments for format string") }
            var flags = spec.prefix { "-+ #0".contains($0) }
            let rest = spec.dropFirst(flags.count)
            if flags.contains("-") { flags = Substring(flags.replacingOccurrences(of: "-", with: "")) + "<" }
            let align = flags.contains("<") ? "<" : ""
            let sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            let zero = flags.contains("0") && align.isEmpty ? "0" : ""
            let alternate = flags.contains("#") ? "#" : ""
            switch type {
            case "s": out += try FormatSpec(align + rest).format(.str(value.str()))
            case "r": out += try FormatSpec(align + rest).format(.str(value.repr()))
            case "d", "i", "u":
                guard value.number != nil else {
                    throw RuntimeError.type("%\(type) format: a real number is required, not \(value.typeName)")
                }
                let number = try value.asIntValue()
                out += try FormatSpec(align + sign + zero + rest + "d").format(number)
            case "f", "F", "e", "E", "g", "G", "x", "X", "o":
                out += try FormatSpec(align + sign + alternate + zero + rest + String(type)).format(value)
            default:
                throw RuntimeError.value("unsupported format character '\(type)'")
            }
        }
        if !queue.isEmpty { throw RuntimeError.type("not all arguments converted during string formatting") }
        return out
    }
}
