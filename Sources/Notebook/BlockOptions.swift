import Diagnostics

/// The options of an `rnn` block, from its fence line (`rnn exercise=reward points=2`) or
/// from Quarto-style `#| key: value` lines at the top of the block.
public struct BlockOptions: Sendable, Equatable {
    /// The exercise this block is the solution of (`exercise=ID`).
    public var exercise: String?
    /// The exercise this block checks (`check=ID`).
    public var check: String?
    /// The points an exercise or check is worth.
    public var points: Double?
    /// Whether the source is shown in the report.
    public var echo = true
    /// Whether the outputs are shown in the report.
    public var output = true
    /// Whether the block is expected to fail (`error=expected`).
    public var errorExpected = false
    /// The figure label (`#fig-loss`), without the `#`.
    public var figureID: String?
    /// The figure caption.
    public var caption: String?
    /// The block's wall-clock budget in seconds, overriding the front matter's.
    public var timeout: Double?
    /// Whether the block's results may be cached.
    public var cache = true
    /// The module file the block shows instead of code of its own (`file=models/rnn.py`),
    /// relative to the notebook's folder; with `exercise=ID`, the file holds that exercise.
    public var file: String?
    /// Where each option was written, by option name, for later diagnostics.
    public var locations: [String: SourceRange] = [:]

    /// Makes default options.
    /// The nbgrader `grade_id` of the block's cell, kept by `rnnbook import` so that
    /// `rnnbook export` gives it back; it changes nothing when the block runs or is graded.
    public var gradeID: String?

    public init() {}

    /// Every option name the fence line accepts.
    public static let names = ["exercise", "check", "points", "echo", "output", "error", "caption", "timeout", "cache", "grade_id", "file"]
    /// Extra names accepted on `#|` lines, as Quarto writes them.
    public static let quartoAliases = ["label": "#fig", "fig-cap": "caption"]
}

/// One `key=value` (or `#fig-ID`) written on a fence line or a `#|` line.
struct RawOption {
    var key: String
    var value: String?
    var keyRange: SourceRange
    var valueRange: SourceRange
}

extension BlockOptions {
    /// Applies raw options in order, collecting a diagnostic for each mistake.
    mutating func apply(_ raw: [RawOption], file: SourceFile, diagnostics: inout [Diagnostic]) {
        func fail(_ id: String, _ message: String, _ range: SourceRange) {
            diagnostics.append(Diagnostic(id: id, message, file: file, range: range))
        }
        for (position, option) in raw.enumerated() {
            var key = option.key
            if let alias = Self.quartoAliases[key] { key = alias }
            if key == "#fig" {
                guard let value = option.value else { continue }
                key = "#" + value
            }
            if key.hasPrefix("#") {
                let id = String(key.dropFirst())
                guard id.hasPrefix("fig-"), id.count > 4, isLabel(id) else {
                    fail("bad-figure-label", "figure label '\(id)' must look like 'fig-name'", option.keyRange)
                    continue
                }
                guard figureID == nil else {
                    fail("duplicate-block-option", "block has two figure labels", option.keyRange)
                    continue
                }
                figureID = id
                locations["#fig"] = option.keyRange
                continue
            }
            guard Self.names.contains(key) else {
                let hint = Self.unquotedCaption(raw, before: position) ?? Suggestion.didYouMean(key, in: Self.names)
                fail("unknown-block-option", "unknown block option '\(key)'\(hint)", option.keyRange)
                continue
            }
            guard locations[key] == nil else {
                fail("duplicate-block-option", "block option '\(key)' is given twice", option.keyRange)
                continue
            }
            guard let value = option.value else {
                fail("missing-option-value", "block option '\(key)' needs a value (e.g. \(key)=\(example(for: key)))", option.keyRange)
                continue
            }
            locations[key] = option.keyRange
            let range = option.valueRange
            switch key {
            case "grade_id":
                guard isLabel(value) else {
                    fail("bad-option-value", "grade_id must be a name like 'correct_reward', got '\(value)'", range)
                    continue
                }
                gradeID = value
            case "exercise", "check":
                guard isLabel(value) else {
                    fail("bad-option-value", "\(key) id must be a name like 'reward', got '\(value)'", range)
                    continue
                }
                if key == "exercise" { exercise = value } else { check = value }
            case "file":
                guard let path = ShownFile.validPath(value) else {
                    fail("bad-option-value", "file must be the path of a .py module inside the notebook's folder, like models/rnn.py, got '\(value)'", range)
                    continue
                }
                self.file = path
                locations["file"] = range
            case "points":
                guard let number = Double(value), number.isFinite, number > 0 else {
                    fail("bad-option-value", "points must be a positive number, got '\(value)'", range)
                    continue
                }
                points = number
            case "timeout":
                guard let number = Double(value), number.isFinite, number > 0 else {
                    fail("bad-option-value", "timeout must be a positive number of seconds, got '\(value)'", range)
                    continue
                }
                timeout = number
            case "echo", "output", "cache":
                guard let flag = parseFlag(value) else {
                    fail("bad-option-value", "\(key) must be true or false, got '\(value)'", range)
                    continue
                }
                switch key {
                case "echo": echo = flag
                case "output": output = flag
                default: cache = flag
                }
            case "error":
                guard value == "expected" || value == "true" else {
                    fail("bad-option-value", "error must be 'expected', got '\(value)'", range)
                    continue
                }
                errorExpected = true
            default:
                caption = value
            }
        }
        if exercise != nil, check != nil, let range = locations["check"] {
            fail("exercise-and-check", "a block cannot be both an exercise and a check", range)
        }
        if self.file != nil {
            for (name, shown) in [("check", "check=ID"), ("error", "error=expected"), ("#fig", "figure label"), ("caption", "caption=")]
            where locations[name] != nil {
                fail("file-block-option", "a block with file= only shows that module, so it takes no \(shown)", locations[name] ?? SourceRange(line: 1, column: 1))
            }
        }
    }

    private func example(for key: String) -> String {
        switch key {
        case "points": return "2"
        case "timeout": return "30"
        case "error": return "expected"
        case "caption": return "\"Training loss\""
        case "exercise", "check": return "reward"
        case "grade_id": return "correct_reward"
        case "file": return "models/rnn.py"
        default: return "false"
        }
    }

    private func parseFlag(_ value: String) -> Bool? {
        switch value {
        case "true", "True", "yes": return true
        case "false", "False", "no": return false
        default: return nil
        }
    }
}

/// Whether `text` is a label: a letter or `_`, then letters, digits, `_` or `-`.
func isLabel(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return text.unicodeScalars.allSatisfy {
        $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }
}

extension BlockOptions {
    /// The hint for the bare word right after a caption written without quotes
    /// (`caption=Training loss`): the caption as it should be written. Only that first word
    /// gets it, so a line of thousands of stray words costs one scan, not one per word.
    static func unquotedCaption(_ raw: [RawOption], before position: Int) -> String? {
        let start = position - 1
        guard raw[position].value == nil, start >= 0, ["caption", "fig-cap"].contains(raw[start].key),
              let first = raw[start].value
        else { return nil }
        let words = raw[(start + 1)...].prefix { $0.value == nil && !$0.key.hasPrefix("#") && !names.contains($0.key) }.map(\.key)
        return " (a caption with spaces needs quotes: \(raw[start].key)=\"\(([first] + words).joined(separator: " "))\")"
    }
}
