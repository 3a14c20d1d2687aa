import Tensor

/// A task that generates whole trials one after another, each an observation sequence
/// with a per-step integer label (neurogym's `env.new_trial()`, `env.ob`, `env.gt`).
/// `Dataset` batches any of them.
public protocol TrialEnvironment: AnyObject {
    /// The number of observation channels.
    var observationSize: Int { get }
    /// The number of actions (classes of the labels).
    var actionSize: Int { get }
    /// Generates a new trial and returns its observations (length × observationSize,
    /// row-major) and labels (length), as `Float`.
    func nextTrialArrays() throws -> (observations: [Float], labels: [Float])
}
