import Diagnostics
import ScriptRuntime

extension FrontMatter {
    /// The front matter with `-p name=value` overrides applied, and what is wrong with them.
    ///
    /// An override takes the type of the parameter it replaces: an int stays an int (`-p
    /// n=abc` or `-p n=2.5` is an error), a float accepts an int, a bool only
    /// true/false, text anything, None anything. A dotted name (`-p training.lr=1e-3`)
    /// replaces one leaf of a nested parameter (a list's items are numbered from 0); a
    /// path that does not exist, or a leaf that is itself a mapping or list, is an error
    /// naming the key. A plain name the front matter does not declare is still set, with a
    /// warning, since it is most likely a typo. Diagnostics point at the front matter.
    ///
    /// Command-line values arrive as text and are read as the declared type: the text
    /// `1.10` is the float 1.1 for a float parameter and stays "1.10" for a text one. A
    /// name without a declared type (None, or undeclared) takes the text's most specific
    /// reading, as a YAML scalar would.
    public func applying(_ overrides: [(name: String, value: ParameterValue)], file: SourceFile)
        -> (matter: FrontMatter, problems: [Diagnostic])
    {
        var matter = self
        var problems: [Diagnostic] = []
        let place = SourceRange(line: 1, column: 1)
        for (name, value) in overrides {
            let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let declared = matter.parameter(path[0]) else {
                let known = params.map(\.name)
                let hint = Suggestion.didYouMean(path[0], in: known)
                let list = known.isEmpty ? "it declares none" : "it declares \(known.joined(separator: ", "))"
                if path.count > 1 {
                    problems.append(Diagnostic(
                        .error, id: "unknown-parameter",
                        "-p \(name): the front matter has no parameter '\(path[0])'\(hint) (\(list))", file: file, range: place))
                } else {
                    problems.append(Diagnostic(
                        .warning, id: "unknown-parameter",
                        "-p \(name): the front matter has no parameter '\(name)'\(hint) (\(list)); set anyway",
                        file: file, range: place))
                    matter.setParameter(name, FrontMatter.inferred(value))
                }
                continue
            }
            do {
                let replaced = try FrontMatter.replacing(path[1...], in: declared, at: path[0], with: value, override: name)
                matter.setParameter(path[0], replaced)
            } catch {
                problems.append(Diagnostic(.error, id: error.id, "-p \(name): \(error.message)", file: file, range: place))
            }
        }
        return (matter, problems)
    }

    /// Why an override cannot be applied.
    struct OverrideProblem: Error {
        var id: String
        var message: String
    }

    /// `value` with the leaf at `path` (below `place`, the dotted name so far) replaced by `new`.
    static func replacing(_ path: ArraySlice<String>, in value: ParameterValue, at place: String,
                          with new: ParameterValue, override: String) throws(OverrideProblem) -> ParameterValue
    {
        guard let key = path.first else { return try leaf(value, at: place, with: new) }
        let below = place + "." + key
        switch value {
        case .mapping(var entries):
            guard let index = entries.firstIndex(where: { matches(key, $0.key) }) else {
                let keys = entries.map { text($0.key) }
                let list = keys.isEmpty ? "it is empty" : "its keys are \(keys.joined(separator: ", "))"
                throw OverrideProblem(
                    id: "unknown-parameter",
                    message: "'\(place)' has no key '\(key)'\(Suggestion.didYouMean(key, in: keys)) (\(list))")
            }
            entries[index].value = try replacing(path.dropFirst(), in: entries[index].value, at: below, with: new, override: override)
            return .mapping(entries)
        case .list(var items):
            guard let index = Int(key), items.indices.contains(index) else {
                throw OverrideProblem(
                    id: "unknown-parameter",
                    message: "'\(place)' is a list of \(items.count) items; '\(key)' is not one of its indices 0…\(max(items.count - 1, 0))")
            }
            items[index] = try replacing(path.dropFirst(), in: items[index], at: below, with: new, override: override)
            return .list(items)
        default:
            throw OverrideProblem(
                id: "parameter-type", message: "'\(place)' is \(describe(value)), which has no key '\(key)'")
        }
    }

    /// The new value of a leaf, of the declared leaf's type.
    static func leaf(_ declared: ParameterValue, at place: String, with value: ParameterValue) throws(OverrideProblem) -> ParameterValue {
        switch (declared, value) {
        case (.string, .string), (.mapping, _), (.list, _): break
        case (.none, _): return inferred(value)
        case (_, .string(let text)):
            // Command-line text read as the declared scalar type.
            let reading = ParameterValue(parsing: text)
            if case .string = reading { break }
            return try leaf(declared, at: place, with: reading)
        default: break
        }
        switch (declared, value) {
        case (.int, .int), (.float, .float), (.bool, .bool), (.string, .string), (.none, _): return value
        case (.float, .int(let i)): return .float(Double(i))
        case (.string, .int(let i)): return .string(String(i))
        case (.string, .float(let d)): return .string(String(d))
        case (.string, .bool(let b)): return .string(b ? "true" : "false")
        case (.mapping, _), (.list, _):
            throw OverrideProblem(
                id: "parameter-type",
                message: "'\(place)' is \(describe(declared)); override one of its items instead, e.g. -p \(place).\(firstKey(declared))=…")
        default:
            throw OverrideProblem(
                id: "parameter-type",
                message: "expected \(describe(declared)) like the front matter's \(place), got \(describe(value))")
        }
    }

    /// A command-line text's most specific reading (bool, int, float, else text); other
    /// values as they are.
    static func inferred(_ value: ParameterValue) -> ParameterValue {
        if case .string(let text) = value { return ParameterValue(parsing: text) }
        return value
    }

    /// Whether the dotted-path component `key` names the mapping key `entryKey`.
    static func matches(_ key: String, _ entryKey: ParameterValue) -> Bool {
        switch entryKey {
        case .string(let s): return s == key
        case .int(let i): return Int(key) == i
        default: return entryKey.pythonRepr == key
        }
    }

    static func text(_ key: ParameterValue) -> String {
        if case .string(let s) = key { return s }
        return key.pythonRepr
    }

    static func firstKey(_ value: ParameterValue) -> String {
        if case .mapping(let entries) = value, let first = entries.first { return text(first.key) }
        return "0"
    }

    static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .int(let i): return "an int (\(i))"
        case .float(let d): return "a float (\(d))"
        case .bool(let b): return "true or false (\(b))"
        case .string(let s): return "text ('\(s)')"
        case .none: return "None"
        case .list(let items): return "a list (\(items.count) items)"
        case .mapping: return "a mapping"
        }
    }
}
