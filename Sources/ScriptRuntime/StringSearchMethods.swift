import Diagnostics
import Foundation

/// More methods of `str`: `index`/`rindex`/`rfind`, `rsplit`, `partition`/`rpartition`,
/// `removeprefix`/`removesuffix`, `swapcase` and the `is…` character tests.
enum StringSearchMethods {
    static let names = ["index", "rindex", "rfind", "rsplit", "partition", "rpartition", "removeprefix", "removesuffix",
                        "swapcase", "isalnum", "isspace", "islower", "isupper", "isnumeric", "isdecimal"]

    static func call(_ text: String, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        func bind(_ parameters: [String] = [], required: Int? = nil) throws -> BoundArguments {
            try Signature(name, parameters, required: required).bind(arguments)
        }
        switch name {
        case "index", "rindex", "rfind":
            let needle = try bind(["sub"]).string("sub", "")
            let search = TextSearch(text, needle)
            guard let found = name == "index" ? search.first() : search.last() else {
                if name == "rfind" { return .int(-1) }
                throw RuntimeError.value("substring not found")
            }
            return .int(found)
        case "rsplit":
            let bound = try bind(["sep", "maxsplit"], required: 0)
            let limit = try bound.int("maxsplit", -1)
            var parts: [String]
            let separator = bound.value("sep")
            if separator.isNone {
                parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
                if limit >= 0, parts.count > limit + 1 {
                    // The remainder keeps its inner spacing; only the trailing words split.
                    var rest = Substring(text)
                    rest = rest.droppingLast(while: \.isWhitespace)
                    var tail: [String] = []
                    for _ in 0..<limit {
                        guard let space = rest.lastIndex(where: \.isWhitespace) else { break }
                        tail.insert(String(rest[rest.index(after: space)...]), at: 0)
                        rest = rest[..<space]
                        rest = rest.droppingLast(while: \.isWhitespace)
                    }
                    parts = [String(rest)] + tail
                }
            } else {
                let sep = try bound.string("sep", " ")
                if sep.isEmpty { throw RuntimeError.value("empty separator") }
                parts = text.pythonRightSplit(sep, limit: limit)
            }
            return .list(ListObject(parts.map { .str($0) }))
        case "partition", "rpartition":
            let sep = try bind(["sep"]).string("sep", "")
            if sep.isEmpty { throw RuntimeError.value("empty separator") }
            let search = TextSearch(text, sep)
            guard let found = name == "partition" ? search.first() : search.last() else {
                return .tuple(name == "partition" ? [.str(text), .str(""), .str("")] : [.str(""), .str(""), .str(text)])
            }
            let parts = text.pieces(at: [found], width: search.needleCount)
            return .tuple([.str(parts[0]), .str(sep), .str(parts[1])])
        case "removeprefix":
            let prefix = try bind(["prefix"]).string("prefix", "")
            return .str(text.startsWithCodePoints(prefix) ? String(text.unicodeScalars.dropFirst(prefix.codePointCount)) : text)
        case "removesuffix":
            let suffix = try bind(["suffix"]).string("suffix", "")
            return .str(text.endsWithCodePoints(suffix) && !suffix.isEmpty ? String(text.unicodeScalars.dropLast(suffix.codePointCount)) : text)
        case "swapcase":
            _ = try bind()
            return .str(String(text.map { $0.isUppercase ? Character($0.lowercased()) : $0.isLowercase ? Character($0.uppercased()) : $0 }))
        case "isalnum", "isspace", "isnumeric", "isdecimal":
            _ = try bind()
            let test: (Character) -> Bool
            switch name {
            case "isalnum": test = { $0.isLetter || $0.isNumber }
            case "isspace": test = \.isWhitespace
            case "isnumeric": test = \.isNumber
            default: test = { $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal } }
            }
            return .bool(!text.isEmpty && text.allSatisfy(test))
        case "islower", "isupper":
            _ = try bind()
            let cased = text.filter { $0.isCased }
            let lower = name == "islower"
            return .bool(!cased.isEmpty && cased.allSatisfy { lower ? $0.isLowercase : $0.isUppercase })
        default:
            return nil
        }
    }
}
