/// Why a module file a block shows (`file=models/rnn.py`) cannot be read: outside the
/// notebook's folder, missing, or not UTF-8 text.
public struct ModuleFileProblem: Error, Sendable, Equatable {
    /// The lowercase message, without a position (the runner puts it at the `file=` option).
    public var message: String
}
