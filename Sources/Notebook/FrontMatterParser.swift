import Diagnostics
import ScriptRuntime
import Yams

/// Reads the YAML front matter at the top of a notebook, reporting every problem it finds.
enum FrontMatterParser {
    /// Returns the front matter and the diagnostics; lines of the front matter are counted in `file`.
    static func parse(_ file: SourceFile) -> (FrontMatter, [Diagnostic]) {
        var matter = FrontMatter()
        guard file.lineCount > 1, isDelimiter(file.line(1), closing: false) else { return (matter, []) }
        var closing: Int?
        for number in 2...file.lineCount where isDelimiter(file.line(number), closing: true) {
            closing = number
            break
        }
        guard let end = closing else {
            let diagnostic = Diagnostic(
                id: "front-matter-unclosed", "front matter opened with '---' is never closed (expected a '---' line)",
                file: file, range: SourceRange(line: 1, column: 1, length: 3))
            return (matter, [diagnostic])
        }
        matter.bodyStartLine = end + 1
        let yaml = (2..<end).map { file.line($0) }.joined(separator: "\n")
        var reader = Reader(file: file, lineOffset: 1)
        do {
            guard let root = try Yams.compose(yaml: yaml) else { return (matter, []) }
            reader.read(root, into: &matter)
        } catch let error as YamlError {
            reader.report(error)
        } catch {
            reader.error("front-matter-yaml", "invalid YAML in front matter: \(error)", at: nil)
        }
        return (matter, reader.diagnostics)
    }

    static func isDelimiter(_ line: String, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

/// Walks the YAML tree and checks each known key's type.
struct Reader {
    let file: SourceFile
    /// The file line just before the YAML's first line.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    func range(_ mark: Mark?) -> SourceRange {
        guard let mark else { return SourceRange(line: lineOffset, column: 1, length: 3) }
        let line = mark.line + lineOffset
        // libyaml counts columns in Unicode scalars; convert to UTF-8 bytes.
        let text = file.line(line)
        let prefix = text.unicodeScalars.prefix(max(mark.column - 1, 0))
        let column = prefix.reduce(0) { $0 + String($1).utf8.count } + 1
        return SourceRange(line: line, column: column)
    }

    mutating func error(_ id: String, _ message: String, at mark: Mark?) {
        diagnostics.append(Diagnostic(id: id, message, file: file, range: range(mark)))
    }

    mutating func warning(_ id: String, _ message: String, at mark: Mark?) {
        diagnostics.append(Diagnostic(.warning, id: id, message, file: file, range: range(mark)))
    }

    mutating func report(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // PyYAML's context: where the construct that went wrong began, often lines before.
            let start = context.map { context -> String in
                let begin = range(context.mark).start
                return " (\(context.text) that starts at line \(begin.line), column \(begin.column))"
            } ?? ""
            self.error("front-matter-yaml", "invalid YAML in front matter: \(problem)\(start)", at: mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.error(
                "front-matter-duplicate-key",
                "duplicate key in front matter: \(duplicates.joined(separator: ", "))", at: context.mark)
        default:
            self.error("front-matter-yaml", "invalid YAML in front matter: \(error)", at: nil)
        }
    }

    mutating func read(_ root: Node, into matter: inout FrontMatter) {
        guard let mapping = root.mapping else {
            error("front-matter-not-mapping", "front matter must be a mapping of 'key: value' lines", at: root.mark)
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": matter.title = scalar(value, key: key)
            case "author", "authors": matter.authors = authors(value)
            case "seed":
                if let seed = value.int, seed >= 0 {
                    matter.seed = UInt64(seed)
                } else {
                    error("front-matter-type", "'seed' must be a non-negative integer, got \(describe(value))", at: value.mark)
                }
            case "timeout":
                if let seconds = value.float, seconds > 0, seconds.isFinite {
                    matter.timeout = seconds
                } else {
                    error("front-matter-type", "'timeout' must be a positive number of seconds, got \(describe(value))", at: value.mark)
                }
            case "operations":
                if let count = value.int, count > 0 {
                    matter.operations = count
                } else {
                    error("front-matter-type", "'operations' must be a positive integer, got \(describe(value))", at: value.mark)
                }
            case "memory":
                if let megabytes = value.int, megabytes > 0 {
                    matter.memory = megabytes
                } else {
                    error("front-matter-type", "'memory' must be a positive number of megabytes, got \(describe(value))", at: value.mark)
                }
            case "student": matter.student = scalar(value, key: key)
            case "params": readParams(value, into: &matter)
            case "grading": break
            case "date", "description", "subtitle", "time":
                if let text = scalar(value, key: key) { matter.extra[key] = text }
            default:
                let hint = Suggestion.didYouMean(key, in: FrontMatter.knownKeys)
                warning("front-matter-unknown-key", "unknown front matter key '\(key)'\(hint)", at: keyNode.mark)
            }
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    mutating func scalar(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("front-matter-type", "'\(key)' must be text, got \(describe(node))", at: node.mark)
            return nil
        }
        return scalar.string
    }

    mutating func authors(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                if case .scalar(let scalar) = item { return scalar.string }
                if let name = item["name"]?.string { return name }
                error("front-matter-type", "each author must be a name or a mapping with 'name'", at: item.mark)
                return nil
            }
        default:
            error("front-matter-type", "'authors' must be a name or a list of names, got \(describe(node))", at: node.mark)
            return []
        }
    }

    mutating func readParams(_ node: Node, into matter: inout FrontMatter) {
        guard let mapping = node.mapping else {
            error("front-matter-type", "'params' must be a mapping of names to values, got \(describe(node))", at: node.mark)
            return
        }
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            guard isIdentifier(name) else {
                error("front-matter-param-name", "parameter name '\(name)' is not a valid identifier", at: keyNode.mark)
                continue
            }
            guard case .scalar(let scalar) = value else {
                // Nested values read as yaml.safe_load reads them (YAML 1.1 scalars).
                do {
                    matter.setParameter(name, try YAMLData.value(of: value))
                    warnTextNumbers(value)
                } catch {
                    self.error("front-matter-yaml", "parameter '\(name)': \(error.message)", at: error.mark ?? value.mark)
                }
                continue
            }
            let parsed: ParameterValue
            if scalar.style != .plain {
                parsed = .string(scalar.string)
            } else if let bool = value.bool {
                parsed = .bool(bool)
            } else if let int = value.int {
                parsed = .int(int)
            } else if let double = value.float {
                parsed = .float(double)
            } else {
                parsed = .string(scalar.string)
            }
            matter.setParameter(name, parsed)
        }
    }
}

extension Reader {
    /// Warns about plain scalars that YAML 1.1 reads as text although they look like numbers
    /// (`1e-3` needs a dot, `1.0e-3`, to be a float for `yaml.safe_load`).
    mutating func warnTextNumbers(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain, scalar.tag.description.isEmpty, YAMLScalar.implicitTag(scalar.string) == .str,
                Double(scalar.string) != nil, !scalar.string.lowercased().contains("n")
            else { return }
            warning(
                "front-matter-text-number",
                "'\(scalar.string)' is text, not a number, in YAML 1.1 (as yaml.safe_load reads it); "
                    + "write it with a dot and a signed exponent, e.g. 1.0e-3, or quote it to keep it as text",
                at: scalar.mark)
        case .sequence(let sequence): for item in sequence { warnTextNumbers(item) }
        case .mapping(let mapping): for (_, value) in mapping { warnTextNumbers(value) }
        case .alias: break
        }
    }
}

/// Whether `name` is a valid identifier in the `rnn` language.
func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        String(Substring(self).droppingLast { $0 == " " || $0 == "\t" || $0 == "\r" })
    }
}
