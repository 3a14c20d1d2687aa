import Diagnostics

/// The interpreter state of one notebook run: names, models and the seeded RNG persist from
/// block to block, like a kernel. Two sessions never share state.
public final class ScriptSession {
    /// The seed the session's random generator started from.
    public let seed: UInt64

    /// Makes a session with a seed and the notebook's parameters as global names.
    public init(seed: UInt64, parameters: [String: ParameterValue] = [:]) {
        self.seed = seed
    }

    /// Runs one block's code and returns what it produced. Outputs are also handed to
    /// `onOutput` as they happen, for live terminal display.
    ///
    /// The language is not implemented yet: a block produces no output.
    public func run(
        _ code: String, origin: BlockOrigin, budget: Budget = Budget(),
        onOutput: ((BlockOutput) -> Void)? = nil
    ) -> BlockResult {
        BlockResult()
    }
}
