import Neural
import Tasks
import Tensor

/// Models, optimizers, tasks (with their trials and batches) and datasets in session
/// snapshots, so that grading rewinds a reference session that trained a network instead
/// of training it again per submission.
/// Engine objects are copied once per snapshot (keyed by the engine object), and a model's
/// parameters are registered as the copies of the originals, so `w = net.fc.weight` and an
/// optimizer over `net.parameters()` still reach the copied model.
extension ModelObject: SnapshotCopyable {
    /// A copy on the copied engine module; an `RNNNet`'s children are copied through
    /// `copier`, so `r = net.rnn` stays the copied net's child.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copiedChildren = try children.map { name, child -> (name: String, module: ModelObject) in
            guard case .native(let copied as ModelObject) = try copier.copy(.native(child)) else {
                throw SnapshotError(message: "cannot snapshot the submodule \(name)")
            }
            return (name, copied)
        }
        let copied = ModelObject(try Self.copy(module, copier), summary: summary, children: copiedChildren)
        copied.training = training
        copied.forwardHooks = try forwardHooks.map(copier.copy)
        return copied
    }

    /// The copy of an engine module, made once per snapshot; its layers and parameters are
    /// registered as the copies of the originals, so a layer shared by two wrappers (an
    /// `RNNNet` and its `rnn`) is copied once.
    static func copy(_ module: any Module, _ copier: SnapshotCopier) throws -> any Module {
        try copier.shared(module) {
            let twin: any Module
            do {
                switch module {
                case let net as RNNNet:
                    twin = try RNNNet(rnn: try copyLayer(net.rnn, copier), fc: try copyLinear(net.fc, copier))
                case let stack as RecurrentStack:
                    let copied = try RecurrentStack(
                        layers: try stack.layers.map { try copyLayer($0, copier) }, batchFirst: stack.batchFirst,
                        bidirectional: stack.bidirectional, dropout: stack.dropout, generator: stack.generator.map(copier.generator))
                    copied.training = stack.training
                    twin = copied
                case let cell as RecurrentCell: twin = RecurrentCell(try copyLayer(cell.layer, copier))
                case let layer as any RecurrentLayer: twin = try copyLayer(layer, copier)
                case let linear as Linear: twin = try copyLinear(linear, copier)
                default: throw SnapshotError(message: "cannot snapshot a model of type \(type(of: module))")
                }
            } catch let error as NeuralError {
                throw SnapshotError(message: "cannot snapshot a model: \(error.message)")
            }
            return twin
        }
    }

    /// The copy of one engine layer (once per snapshot), its parameters registered.
    private static func copyLayer(_ layer: any RecurrentLayer, _ copier: SnapshotCopier) throws -> any RecurrentLayer {
        try copier.shared(layer) { register(layer, try Neural.copyLayer(layer), copier) }
    }

    /// The copy of one Linear (once per snapshot), its parameters registered.
    private static func copyLinear(_ linear: Linear, _ copier: SnapshotCopier) throws -> Linear {
        try copier.shared(linear) { register(linear, try linear.copy(), copier) }
    }

    /// Records the parameters (and gradients) of a copied module as the copies of the
    /// originals', so `w = net.fc.weight` and an optimizer reach the copy.
    private static func register<M: Module>(_ old: any Module, _ new: M, _ copier: SnapshotCopier) -> M {
        for (a, b) in zip(old.parameters(), new.parameters()) {
            _ = copier.shared(a) { b }
            if let oldGrad = a.grad, let newGrad = b.grad { _ = copier.shared(oldGrad) { newGrad } }
        }
        return new
    }
}

extension OptimizerObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let parameters = try optimizer.parameters.map { try TensorObject.snapshotCopy($0, copier) }
        // The group dict and the param_groups list are mutable state of their own.
        guard case .list(let groups) = try copier.copy(.list(self.groups)), case .dict(let group) = try copier.copy(.dict(self.group)) else {
            throw SnapshotError(message: "cannot snapshot the param_groups of an optimizer")
        }
        do {
            switch optimizer {
            case let adam as Adam:
                return OptimizerObject(try adam.copy(parameters: parameters), name: name, group: group, groups: groups)
            case let sgd as SGD:
                return OptimizerObject(try sgd.copy(parameters: parameters), name: name, group: group, groups: groups)
            default: throw SnapshotError(message: "cannot snapshot an optimizer of type \(name)")
            }
        } catch let error as NeuralError {
            throw SnapshotError(message: "cannot snapshot an optimizer: \(error.message)")
        }
    }
}

extension TaskObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        TaskObject(Self.copy(task, copier))
    }

    static func copy(_ task: PerceptualDecisionMaking, _ copier: SnapshotCopier) -> PerceptualDecisionMaking {
        copier.shared(task) { task.copy(generator: copier.generator(task.randomGenerator)) }
    }
}

extension DatasetObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard let task = TrialEnvironments.copy(dataset.environment, copier) else {
            throw SnapshotError(message: "cannot snapshot a dataset of this task")
        }
        let copied = copier.shared(dataset) { dataset.copy(environment: task) }
        return DatasetObject(copied)
    }
}

extension FlipFlopObject: SnapshotCopyable {
    /// A task on the twin of its generator (its only state), so a restored session draws
    /// the same trials as the original did from that point.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        FlipFlopObject(copier.shared(task) { task.copy(generator: copier.generator(task.randomGenerator)) })
    }
}

extension PavlovObject: SnapshotCopyable {
    /// Shared: the experiment's trials are fixed at construction and it draws nothing after.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension PavlovTrialObject: SnapshotCopyable {
    /// Shared: a trial is immutable.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension PavlovBatchObject: SnapshotCopyable {
    /// A copy whose tensors and lengths list are copied through `copier`.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        PavlovBatchObject(inputs: try copier.copy(inputs), rewards: try copier.copy(rewards),
                          lengths: try copier.copy(lengths), mask: try copier.copy(mask))
    }
}

extension LossObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension TrainingLogObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension IncompatibleKeysObject: SnapshotCopyable {
    /// Shared: the key lists are immutable (each access makes new Python lists).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}
