import Foundation
import Yams

/// One YAML scalar resolved and constructed as PyYAML's SafeLoader does (YAML 1.1): the
/// implicit resolvers `bool`, `float`, `int`, `null`, `timestamp`, `value` in PyYAML's
/// order and with its patterns, then `SafeConstructor`'s conversions.
public enum YAMLScalar {
    /// PyYAML's implicit resolvers, in the order it tries them.
    nonisolated(unsafe) static let resolvers: [(tag: Tag.Name, pattern: NSRegularExpression)] = [
        (.bool, "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        (.float, "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
        (.int, "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"),
        (.merge, "^(?:<<)$"),
        (.null, "^(?:~|null|Null|NULL|)$"),
        (.timestamp, "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"),
        (.value, "^(?:=)$"),
    ].compactMap { tag, pattern in
        // Constant patterns; `YAMLTests.everyResolverPatternCompiles` proves none is dropped.
        (try? NSRegularExpression(pattern: pattern)).map { (tag, $0) }
    }

    /// The tag PyYAML gives a plain scalar without an explicit tag.
    public static func implicitTag(_ text: String) -> Tag.Name {
        let range = NSRange(text.startIndex..., in: text)
        for (tag, pattern) in resolvers where pattern.firstMatch(in: text, range: range) != nil {
            return tag
        }
        return .str
    }

    /// The scalar's value: its explicit tag, or the implicit one for a plain scalar.
    static func value(_ scalar: Node.Scalar, key: Bool = false) throws(YAMLData.Problem) -> ParameterValue {
        let written = scalar.tag.description
        let tag: Tag.Name
        if isImplicit(scalar, key: key) {
            tag = scalar.style == .plain ? implicitTag(scalar.string) : .str
        } else if written == "!" {
            tag = .str
        } else {
            tag = Tag.Name(rawValue: written)
        }
        return try construct(scalar.string, tag: tag, mark: scalar.mark)
    }

    /// Whether the scalar has no explicit tag. Yams resolves the tags of mapping keys when it
    /// checks them for duplicates (to `str`, with the basic resolver), so a plain key tagged
    /// `str` counts as untagged: an explicit `!!str` on a plain key is the one case read
    /// differently from PyYAML.
    static func isImplicit(_ scalar: Node.Scalar, key: Bool) -> Bool {
        let written = scalar.tag.description
        return written.isEmpty || (key && scalar.style == .plain && written == Tag.Name.str.rawValue)
    }

    static func construct(_ text: String, tag: Tag.Name, mark: Mark?) throws(YAMLData.Problem) -> ParameterValue {
        switch tag {
        case .str: return .string(text)
        case .null: return .none
        case .bool:
            switch text.lowercased() {
            case "yes", "true", "on": return .bool(true)
            case "no", "false", "off": return .bool(false)
            default: throw YAMLData.Problem("invalid boolean '\(text)'", at: mark)
            }
        case .int:
            guard let value = integer(text) else {
                throw YAMLData.Problem("invalid or too large integer '\(text)' (integers are 64-bit here)", at: mark)
            }
            return .int(value)
        case .float:
            guard let value = float(text) else { throw YAMLData.Problem("invalid float '\(text)'", at: mark) }
            return .float(value)
        case .timestamp:
            throw YAMLData.Problem("'\(text)' is a date, which yaml.safe_load turns into a datetime; "
                                   + "rnnbook has no datetime: quote it to keep it as text", at: mark)
        case .merge: return .string(text)
        default:
            throw YAMLData.Problem("could not determine a constructor for the tag '\(tag.rawValue)'", at: mark)
        }
    }

    /// PyYAML's `construct_yaml_int`: underscores dropped, `0b`, `0x`, leading-0 octal,
    /// and base-60 `1:30`.
    static func integer(_ written: String) -> Int? {
        var text = written.replacingOccurrences(of: "_", with: "")
        var sign = 1
        if text.hasPrefix("-") { sign = -1 }
        if text.hasPrefix("-") || text.hasPrefix("+") { text.removeFirst() }
        let magnitude: Int?
        if text == "0" {
            magnitude = 0
        } else if text.hasPrefix("0b") {
            magnitude = Int(text.dropFirst(2), radix: 2)
        } else if text.hasPrefix("0x") {
            magnitude = Int(text.dropFirst(2), radix: 16)
        } else if text.hasPrefix("0"), !text.isEmpty {
            magnitude = Int(text.dropFirst(), radix: 8)
        } else if text.contains(":") {
            var total = 0
            for part in text.split(separator: ":") {
                guard let digit = Int(part) else { return nil }
                let (shifted, overflow) = total.multipliedReportingOverflow(by: 60)
                let (sum, overflow2) = shifted.addingReportingOverflow(digit)
                if overflow || overflow2 { return nil }
                total = sum
            }
            magnitude = total
        } else {
            magnitude = Int(text)
        }
        return magnitude.map { sign * $0 }
    }

    /// PyYAML's `construct_yaml_float`: underscores dropped, `.inf`, `.nan`, base 60.
    static func float(_ written: String) -> Double? {
        var text = written.replacingOccurrences(of: "_", with: "").lowercased()
        var sign = 1.0
        if text.hasPrefix("-") { sign = -1 }
        if text.hasPrefix("-") || text.hasPrefix("+") { text.removeFirst() }
        if text == ".inf" { return sign * .infinity }
        if text == ".nan" { return .nan }
        if text.contains(":") {
            var total = 0.0
            for part in text.split(separator: ":") {
                guard let digit = Double(part) else { return nil }
                total = total * 60 + digit
            }
            return sign * total
        }
        // Python's float() accepts "1." and ".5"; Swift's Double does too.
        return Double(text).map { sign * $0 }
    }

    /// Refuses a collection tag other than the default one for its kind.
    static func checkTag(_ written: String, allowed: String, at mark: Mark?) throws(YAMLData.Problem) {
        guard !written.isEmpty, written != "!", written != allowed else { return }
        throw YAMLData.Problem("could not determine a constructor for the tag '\(written)'", at: mark)
    }
}
