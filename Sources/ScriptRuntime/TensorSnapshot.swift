import Tensor

/// Tensors in session snapshots (grading rewinds a reference session instead of replaying
/// it). A tensor is copied with its elements, dtype, `requires_grad` and `grad`; a tensor
/// reached through several values is copied once, so `w = net.fc.weight` still names the
/// model's weight after a restore. Two limits, both refused rather than copied wrongly or
/// accepted as is:
/// - a tensor made by a recorded operation (with a `grad_fn`) is copied detached, without
///   `requires_grad`: its graph lives in the engine, so a later `backward()` on the copy
///   raises an error rather than computing gradients for the wrong tensors;
/// - the session's tensor state (`TensorContext`) is copied with its generator's state, so a
///   restored session draws the same random numbers as the original did from that point.
/// Views that share storage (`v = w.view(-1)`) become separate tensors in the copy.
extension TensorObject: SnapshotCopyable {
    /// Whether the session's tensor state can be snapshotted; while it cannot, a tensor
    /// refuses at once, before any element is copied in vain.
    static let stateIsSnapshottable = true

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard TensorObject.stateIsSnapshottable else {
            throw SnapshotError(message: "cannot snapshot the tensor state (its random generator cannot be copied)")
        }
        let copy = TensorObject(try TensorObject.snapshotCopy(tensor, copier), snapshotOwner)
        copy.isNumpyArray = isNumpyArray
        return copy
    }

    /// A snapshot copy of an engine tensor, made once per snapshot (for model bindings too).
    static func snapshotCopy(_ t: Tensor, _ copier: SnapshotCopier) throws -> Tensor {
        try copier.shared(t) {
            do {
                let copy = try GradMode.withNoGrad { try t.detach().clone() }
                // A result of recorded operations is copied detached: its graph stays behind,
                // so `backward()` on the copy fails loudly instead of reaching stale leaves.
                if t.requiresGrad, t.isLeaf { try copy.requiresGrad_(true) }
                copy.grad = try t.grad.map { try snapshotCopy($0, copier) }
                return copy
            } catch let error as TensorError {
                throw SnapshotError(message: "cannot snapshot a tensor: \(error.message)")
            }
        }
    }
}

extension TensorContext: SnapshotState {
    /// A context in the same state: a twin of the generator, the same budget and no-grad depth.
    func snapshotCopy() -> AnyObject {
        snapshotCopy(SnapshotCopier())
    }

    /// The copy, recording the generator's twin in `copier` so tasks drawing from the
    /// session generator are copied onto the twin.
    func snapshotCopy(_ copier: SnapshotCopier) -> TensorContext {
        let twin = TensorContext(generator: copier.generator(generator), budget: budget, interpreter: interpreter)
        twin.noGradDepth = noGradDepth
        return twin
    }
}
