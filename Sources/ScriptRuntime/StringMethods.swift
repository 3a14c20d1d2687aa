import Diagnostics
import Foundation

/// Methods of `str`.
enum StringMethods {
    static func call(_ text: String, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        func bind(_ parameters: [String] = [], required: Int? = nil) throws -> BoundArguments {
            try Signature(name, parameters, required: required).bind(arguments)
        }
        switch name {
        case "join":
            let items = try interpreter.collect(try bind(["iterable"]).value("iterable"))
            let parts = try items.enumerated().map { index, item -> String in
                guard case .str(let s) = item else {
                    throw RuntimeError.type("sequence item \(index): expected str instance, \(item.typeName) found")
                }
                return s
            }
            let total = parts.reduce(text.utf8.count * max(0, parts.count - 1)) { $0 &+ $1.utf8.count }
            try SizeLimit.check(total, "the joined string")
            return .str(parts.joined(separator: text))
        case "split":
            let bound = try bind(["sep", "maxsplit"], required: 0)
            let limit = try bound.int("maxsplit", -1)
            if let separator = bound["sep"], !separator.isNone {
                let sep = try bound.string("sep", " ")
                if sep.isEmpty { throw RuntimeError.value("empty separator") }
                return .list(ListObject(text.pythonSplit(sep, limit: limit).map { .str($0) }))
            }
            return .list(ListObject(text.pythonWhitespaceSplit(limit: limit).map { .str($0) }))
        case "splitlines":
            let keepEnds = try bind(["keepends"], required: 0).bool("keepends", false)
            return .list(ListObject(text.pythonLines(keepEnds: keepEnds).map { .str($0) }))
        case "strip", "lstrip", "rstrip":
            let bound = try bind(["chars"], required: 0)
            // No chars (or None): Python's whitespace, Unicode's included.
            let given = bound["chars"].flatMap { $0.isNone ? nil : $0 }
            let chars = given == nil ? nil : Set(try bound.string("chars", "").unicodeScalars)
            let strips = { (point: Unicode.Scalar) in chars?.contains(point) ?? point.isPythonSpace }
            let points = text.codePoints
            var start = 0
            var end = points.count
            if name != "rstrip" { while start < end && strips(points[start]) { start += 1 } }
            if name != "lstrip" { while end > start && strips(points[end - 1]) { end -= 1 } }
            return .str(String(codePoints: points[start..<end]))
        case "upper": _ = try bind(); return .str(text.uppercased())
        case "lower": _ = try bind(); return .str(text.lowercased())
        case "title": _ = try bind(); return .str(text.pythonTitle)
        case "capitalize":
            _ = try bind()
            // Python 3.8+: the first code point title-cased ("ß" gives "Ss"), the rest lowered.
            let first = text.unicodeScalars.first.map { $0.properties.titlecaseMapping } ?? ""
            return .str(first + String(text.unicodeScalars.dropFirst()).lowercased())
        case "isdigit":
            _ = try bind()
            let digits: Set<Unicode.NumericType> = [.decimal, .digit]
            return .bool(!text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.numericType.map(digits.contains) ?? false })
        case "isalpha": _ = try bind(); return .bool(!text.isEmpty && text.allSatisfy(\.isLetter))
        case "replace":
            let bound = try bind(["old", "new", "count"], required: 2)
            let old = try bound.string("old", "")
            let new = try bound.string("new", "")
            let count = try bound.int("count", -1)
            // An empty `old` matches between every two characters, as in Python.
            var pieces = old.isEmpty ? [""] + text.unicodeScalars.map { String($0) } + [""] : text.pythonSplit(old, limit: count)
            if old.isEmpty, count >= 0, pieces.count - 1 > count {
                pieces = Array(pieces[..<count]) + [pieces[count...].joined()]
            }
            try SizeLimit.check(text.utf8.count, plus: (pieces.count - 1) * max(0, new.utf8.count - old.utf8.count), "the replaced string")
            return .str(pieces.joined(separator: new))
        case "startswith", "endswith":
            let bound = try bind(["prefix"])
            let candidates: [Value]
            if case .tuple(let items) = bound.value("prefix") { candidates = items } else { candidates = [bound.value("prefix")] }
            for candidate in candidates {
                guard case .str(let piece) = candidate else {
                    throw RuntimeError.type("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
                }
                if name == "startswith" ? text.startsWithCodePoints(piece) : text.endsWithCodePoints(piece) { return .bool(true) }
            }
            return .bool(false)
        case "find":
            let needle = try bind(["sub"]).string("sub", "")
            return .int(TextSearch(text, needle).first() ?? -1)
        case "count":
            let needle = try bind(["sub"]).string("sub", "")
            return .int(TextSearch(text, needle).matches().count)
        case "zfill":
            let width = try bind(["width"]).int("width", 0)
            let negative = text.hasPrefix("-") || text.hasPrefix("+")
            let body = negative ? String(text.dropFirst()) : text
            try SizeLimit.check(width, "the padded string")
            let padding = String(repeating: "0", count: Swift.max(0, width - text.codePointCount))
            return .str((negative ? String(text.prefix(1)) : "") + padding + body)
        case "ljust", "rjust", "center":
            let bound = try bind(["width", "fillchar"], required: 1)
            let width = try bound.int("width", 0)
            let fill = try bound.string("fillchar", " ")
            guard fill.codePointCount == 1 else { throw RuntimeError.type("the fill character must be exactly one character long") }
            try SizeLimit.check(width, "the padded string")
            let margin = Swift.max(0, width - text.codePointCount)
            // CPython's `center` puts the odd space on the left when the width is odd.
            let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
            return .str(String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left))
        case "format":
            return .str(try StringFormatting.format(text, arguments))
        default:
            return try StringSearchMethods.call(text, name, arguments, interpreter)
        }
    }
}

/// Sorting with Python's rules: a `key` function, `reverse`, and a stable order.
enum Sorting {
    static func sorted(_ items: [Value], key: Value, reverse: Bool, _ interpreter: Interpreter) throws -> [Value] {
        let keys = key.isNone ? items : try items.map { try interpreter.call(key, Arguments([$0])) }
        return try order(keys, reverse: reverse).map { items[$0] }
    }

    /// The positions of `keys` in sorted order (stable: equal keys keep their order).
    static func order(_ keys: [Value], reverse: Bool) throws -> [Int] {
        var order = Array(keys.indices)
        func before(_ a: Int, _ b: Int) throws -> Bool {
            reverse ? try Comparison.order(.less, keys[b], keys[a]) : try Comparison.order(.less, keys[a], keys[b])
        }
        // Ties keep their original order, so the sort is stable whatever the algorithm.
        try order.sort { a, b in try before(a, b) || (!(try before(b, a)) && a < b) }
        return order
    }
}
