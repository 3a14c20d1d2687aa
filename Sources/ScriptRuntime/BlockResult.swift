import Diagnostics

/// One item a block produced, in the order it was produced.
public enum BlockOutput: Sendable, Equatable {
    /// Text written by `print` (and progress lines), with its newlines.
    case text(String)
    /// The display of a block's last bare expression, as Jupyter shows `Out[n]`.
    case value(String)
    /// A figure drawn by the block, as a standalone `<svg>` element.
    case figure(svg: String, title: String?)
    /// An error that stopped the block, with its location in the notebook file.
    case error(Diagnostic)
    /// A warning that did not stop the block.
    case warning(Diagnostic)
}

/// What running one block produced.
public struct BlockResult: Sendable, Equatable {
    /// The outputs in order.
    public var outputs: [BlockOutput]
    /// Wall-clock seconds the block took.
    public var seconds: Double

    /// Makes a result.
    public init(outputs: [BlockOutput] = [], seconds: Double = 0) {
        self.outputs = outputs
        self.seconds = seconds
    }

    /// The error that stopped the block, if any.
    public var error: Diagnostic? {
        for case .error(let diagnostic) in outputs { return diagnostic }
        return nil
    }

    /// Whether the block stopped with an error.
    public var failed: Bool { error != nil }
}

/// The limits one block runs under.
public struct Budget: Sendable, Equatable {
    /// Interpreter operations (statements and expression evaluations) allowed.
    public var operations: Int
    /// Wall-clock seconds allowed.
    public var seconds: Double

    /// Makes a budget.
    public init(operations: Int = 50_000_000, seconds: Double = 60) {
        self.operations = operations
        self.seconds = seconds
    }
}

/// A value given to a notebook from outside: front matter `params` or `-p key=value`;
/// also what YAML data is made of (`yaml.safe_load`): nested lists and mappings, and None.
public enum ParameterValue: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case string(String)
    case bool(Bool)
    /// YAML's null (`~`, `null`, an empty value): Python's None.
    case none
    /// A YAML sequence: a Python list.
    case list([ParameterValue])
    /// A YAML mapping, in the order written: a Python dict.
    case mapping([ParameterEntry])
}

/// One key and value of a `ParameterValue.mapping`.
public struct ParameterEntry: Sendable, Equatable {
    /// The key (text in front matter; any scalar in `yaml.safe_load`).
    public var key: ParameterValue
    /// The value.
    public var value: ParameterValue

    /// Makes an entry.
    public init(_ key: ParameterValue, _ value: ParameterValue) {
        self.key = key
        self.value = value
    }
}

/// Where a block's code sits in its notebook file, so diagnostics point into the `.md`.
public struct BlockOrigin: Sendable, Equatable {
    /// The notebook file.
    public var file: SourceFile
    /// The notebook line of the block's first code line (1-based).
    public var line: Int
    /// The notebook column at which code lines start (1-based; more than 1 when indented).
    public var column: Int

    /// Makes an origin.
    public init(file: SourceFile, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}
