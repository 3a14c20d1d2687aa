import Foundation
import Yams

/// YAML text read into `ParameterValue`s the way PyYAML's `yaml.safe_load` reads it.
///
/// Scalars follow YAML 1.1 as PyYAML's SafeLoader resolves them (`YAMLScalar`): `yes`/`on`
/// are booleans, `1e-3` (no dot) is text while `1.0e-3` is a float, `010` is octal, `~`
/// and an empty value are None. Quoted scalars are always text. Explicit tags `!!str`,
/// `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map` are honoured; others (dates,
/// `!!binary`, `!!set`, Python tags) are refused with a message, since the language has no
/// such type. The merge key `<<` merges mappings as PyYAML does. Unlike PyYAML, a mapping
/// that repeats a key is an error (PyYAML silently keeps the last value).
public enum YAMLData {
    /// A problem in the text, with its 1-based place when known.
    public struct Problem: Error {
        public var message: String
        /// Where in the text (libyaml's place: 1-based line, column in characters).
        public var mark: Mark?
        public var line: Int? { mark?.line }
        public var column: Int? { mark?.column }

        init(_ message: String, at mark: Mark?) {
            self.message = message
            self.mark = mark
        }

        /// The message with `line N, column M` appended when the place is known.
        public var description: String {
            guard let line, let column else { return message }
            return "\(message) (line \(line), column \(column))"
        }
    }

    /// The most nodes one text may expand to (aliases can repeat a node many times).
    static let nodeLimit = 100_000
    /// The deepest nesting accepted.
    static let depthLimit = 400

    /// The value of one YAML document (None for empty text), as `yaml.safe_load` gives it.
    public static func load(_ text: String) throws(Problem) -> ParameterValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw problem(error)
        } catch {
            throw Problem("\(error)", at: nil)
        }
        guard let root else { return .none }
        var reader = Reader()
        return try reader.value(root, depth: 0)
    }

    /// A node of a document already composed (front matter), read as `yaml.safe_load` would.
    public static func value(of node: Node) throws(Problem) -> ParameterValue {
        var reader = Reader()
        return try reader.value(node, depth: 0)
    }

    static func problem(_ error: YamlError) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // PyYAML says the context first: "expected a single document in the stream, but found another document".
            let lead = context.map(\.text).flatMap { $0.isEmpty ? nil : $0 + ", " } ?? ""
            return Problem(lead + problem, at: mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Problem("duplicate key in a mapping: \(duplicates.joined(separator: ", "))", at: context.mark)
        default:
            return Problem("\(error)", at: nil)
        }
    }

    /// Walks the node tree, counting nodes so that aliases cannot blow it up.
    private struct Reader {
        var visited = 0

        /// The node's value; `key` when it is a mapping key (see `YAMLScalar.isImplicit`).
        mutating func value(_ node: Node, depth: Int, key: Bool = false) throws(Problem) -> ParameterValue {
            visited += 1
            guard visited <= YAMLData.nodeLimit else {
                throw Problem("the document expands to more than \(YAMLData.nodeLimit) values", at: node.mark)
            }
            guard depth <= YAMLData.depthLimit else {
                throw Problem("the document nests deeper than \(YAMLData.depthLimit) levels", at: node.mark)
            }
            switch node {
            case .scalar(let scalar):
                return try YAMLScalar.value(scalar, key: key)
            case .sequence(let sequence):
                try YAMLScalar.checkTag(sequence.tag.description, allowed: Tag.Name.seq.rawValue, at: node.mark)
                var items: [ParameterValue] = []
                for item in sequence { items.append(try value(item, depth: depth + 1)) }
                return .list(items)
            case .mapping(let mapping):
                try YAMLScalar.checkTag(mapping.tag.description, allowed: Tag.Name.map.rawValue, at: node.mark)
                return .mapping(try entries(mapping, depth: depth))
            case .alias:
                throw Problem("unexpected YAML alias", at: node.mark)
            }
        }

        /// A mapping's entries, with `<<` merges applied first as PyYAML's `flatten_mapping`.
        mutating func entries(_ mapping: Node.Mapping, depth: Int) throws(Problem) -> [ParameterEntry] {
            var result: [ParameterEntry] = []
            var own: [ParameterEntry] = []
            for (keyNode, valueNode) in mapping {
                if case .scalar(let scalar) = keyNode, scalar.style == .plain, YAMLScalar.isImplicit(scalar, key: true),
                    scalar.string == "<<"
                {
                    for merged in try mergeSources(valueNode) {
                        for entry in try entries(merged, depth: depth + 1) { YAMLData.set(entry, in: &result) }
                    }
                    continue
                }
                let key = try value(keyNode, depth: depth + 1, key: true)
                if case .list = key { throw Problem("found unhashable key (a list)", at: keyNode.mark) }
                if case .mapping = key { throw Problem("found unhashable key (a mapping)", at: keyNode.mark) }
                own.append(ParameterEntry(key, try value(valueNode, depth: depth + 1)))
            }
            for entry in own { YAMLData.set(entry, in: &result) }
            return result
        }

        func mergeSources(_ node: Node) throws(Problem) -> [Node.Mapping] {
            switch node {
            case .mapping(let mapping): return [mapping]
            case .sequence(let sequence):
                var mappings: [Node.Mapping] = []
                for item in sequence {
                    guard case .mapping(let mapping) = item else {
                        throw Problem("expected a mapping for merging, but found \(YAMLData.kind(item))", at: item.mark)
                    }
                    mappings.append(mapping)
                }
                // PyYAML merges a list of mappings so that earlier ones win.
                return mappings.reversed()
            default:
                throw Problem("expected a mapping or list of mappings for merging, but found \(YAMLData.kind(node))", at: node.mark)
            }
        }
    }

    /// Sets `entry` in `entries`, replacing an equal key in place.
    static func set(_ entry: ParameterEntry, in entries: inout [ParameterEntry]) {
        if let index = entries.firstIndex(where: { sameKey($0.key, entry.key) }) {
            entries[index].value = entry.value
        } else {
            entries.append(entry)
        }
    }

    /// Python's key equality for scalars: `1 == 1.0 == True`.
    static func sameKey(_ a: ParameterValue, _ b: ParameterValue) -> Bool {
        func number(_ value: ParameterValue) -> Double? {
            switch value {
            case .int(let i): return Double(i)
            case .float(let d): return d
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
