import Diagnostics
import ScriptRuntime

/// The YAML front matter of a notebook, between `---` lines at its top.
public struct FrontMatter: Sendable, Equatable {
    /// The notebook's title.
    public var title: String?
    /// Its authors, in order.
    public var authors: [String] = []
    /// The seed of the notebook's random generator (0 when not given).
    public var seed: UInt64 = 0
    /// Named parameters, in the order written, overridable with `-p key=value`.
    public var params: [(name: String, value: ParameterValue)] = []
    /// The default wall-clock budget of a block, in seconds.
    public var timeout: Double?
    /// The default operation budget of a block.
    public var operations: Int?
    /// The session's memory budget in megabytes: all its live tensors and large lists
    /// together (`ScriptSession.defaultMemoryMegabytes` when not given).
    public var memory: Int?
    /// The student's id, in a submission.
    public var student: String?
    /// Free-form fields kept for templates: `date`, `description`, `subtitle`, `time` (the
    /// estimated time a lab takes, shown on the course index).
    public var extra: [String: String] = [:]
    /// The 1-based line just after the closing `---`; 1 when there is no front matter.
    public var bodyStartLine: Int = 1

    /// Makes empty front matter.
    public init() {}

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.authors == rhs.authors && lhs.seed == rhs.seed
            && lhs.params.map(\.name) == rhs.params.map(\.name) && lhs.params.map(\.value) == rhs.params.map(\.value)
            && lhs.timeout == rhs.timeout && lhs.operations == rhs.operations && lhs.memory == rhs.memory && lhs.student == rhs.student
            && lhs.extra == rhs.extra && lhs.bodyStartLine == rhs.bodyStartLine
    }

    /// The keys front matter may hold; others draw a warning.
    public static let knownKeys = [
        "title", "authors", "author", "seed", "params", "timeout", "operations", "memory", "student", "grading",
        "date", "description", "subtitle", "time",
    ]

    /// The value of a parameter, if set.
    public func parameter(_ name: String) -> ParameterValue? {
        params.first { $0.name == name }?.value
    }

    /// Sets a parameter, keeping its place if it exists.
    public mutating func setParameter(_ name: String, _ value: ParameterValue) {
        if let index = params.firstIndex(where: { $0.name == name }) {
            params[index].value = value
        } else {
            params.append((name, value))
        }
    }
}

extension ParameterValue {
    /// Reads a command-line or YAML scalar as the most specific value: bool, int, float, string.
    public init(parsing text: String) {
        switch text {
        case "true", "True": self = .bool(true)
        case "false", "False": self = .bool(false)
        default:
            if let int = Int(text) {
                self = .int(int)
            } else if let double = Double(text), !text.isEmpty, text.first != "+" || text.count > 1 {
                self = .float(double)
            } else {
                self = .string(text)
            }
        }
    }
}
