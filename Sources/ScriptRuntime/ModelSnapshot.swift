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
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        ModelObject(try Self.copy(module, copier), summary: summary)
    }

    static func copy(_ module: any Module, _ copier: SnapshotCopier) throws -> any Module {
        try copier.shared(module) {
            let twin: any Module
            do {
                switch module {
                case let net as RNNNet:
                    let copied = try net.copy()
                    register(net.rnn, copied.rnn, copier)
                    register(net.fc, copied.fc, copier)
                    twin = copied
                case let layer as any RecurrentLayer: twin = try copyLayer(layer)
                case let linear as Linear: twin = try linear.copy()
                default: throw SnapshotError(message: "cannot snapshot a model of type \(type(of: module))")
                }
            } catch let error as NeuralError {
                throw SnapshotError(message: "cannot snapshot a model: \(error.message)")
            }
            for (old, new) in zip(module.parameters(), twin.parameters()) {
                _ = copier.shared(old) { new }
                if let oldGrad = old.grad, let newGrad = new.grad { _ = copier.shared(oldGrad) { newGrad } }
            }
            return twin
        }
    }

    /// Records a copied sub-module (and its parameters) as the copy of the original.
    static func register(_ old: any Module, _ new: any Module, _ copier: SnapshotCopier) {
        _ = copier.shared(old) { new }
        for (a, b) in zip(old.parameters(), new.parameters()) { _ = copier.shared(a) { b } }
    }
}

extension OptimizerObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let parameters = try optimizer.parameters.map { try TensorObject.snapshotCopy($0, copier) }
        do {
            switch optimizer {
            case let adam as Adam:
                return OptimizerObject(try adam.copy(parameters: parameters), name: name, learningRate: writtenRate)
            case let sgd as SGD:
                return OptimizerObject(try sgd.copy(parameters: parameters), name: name, learningRate: writtenRate)
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
        guard let task = dataset.environment as? PerceptualDecisionMaking else {
            throw SnapshotError(message: "cannot snapshot a dataset of this task")
        }
        let copied = copier.shared(dataset) { dataset.copy(environment: TaskObject.copy(task, copier)) }
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
