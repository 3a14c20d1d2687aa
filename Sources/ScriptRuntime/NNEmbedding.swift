import Tensor

/// PyTorch's `nn.Embedding(num_embeddings, embedding_dim)`: a lookup table `weight`
/// (num_embeddings, embedding_dim) drawn from N(0, 1); `emb(indices)` gives the rows at the
/// int64 `indices`, shape indices.shape + (embedding_dim,), with gradients into those rows.
final class NNEmbedding: BuiltinModule {
    let weight: Tensor
    var training = true
    var forwardHooks: [Value] = []

    init(weight: Tensor) {
        self.weight = weight
    }

    var typeName: String { "Embedding" }
    func ownParameters() -> [(name: String, tensor: Tensor)] { [("weight", weight)] }
    func ownChildren() -> [(name: String, module: any TorchModule)] { [] }
    func extraRepr() -> String { "\(weight.shape[0]), \(weight.shape[1])" }
    var attributeNames: [String] { ["weight", "num_embeddings", "embedding_dim", "training"] + Self.moduleMethodNames }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "weight": TorchModules.wrapParameter(weight, interpreter.tensors)
        case "num_embeddings": .int(weight.shape[0])
        case "embedding_dim": .int(weight.shape[1])
        case "padding_idx", "max_norm": Value.none
        case "training": .bool(training)
        default: nil
        }
    }

    func forward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let input = try Signature("Embedding.forward", ["input"]).bind(arguments).value("input")
        let indices = try context.tensorArgument(input, .argument(function: "embedding", name: "indices", position: 2), "Embedding() input")
        guard indices.dtype == .int64 else {
            throw RuntimeError("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                               + "but got \(indices.dtype) instead (usage: emb(x.long()))", id: "tensor-error")
        }
        let rows = weight.shape[0]
        guard indices.scalars.allSatisfy({ $0 >= 0 && $0 < Float(rows) }) else {
            throw RuntimeError.index("index out of range in self (the embedding has \(rows) rows)")
        }
        return try context.perform { context.wrap(try weight.index([.tensor(indices)]).labelled("EmbeddingBackward0", inputs: [weight])) }
    }

    static func install(_ registry: inout Registry) {
        let unsupported = ["padding_idx", "max_norm", "scale_grad_by_freq", "sparse"]
        registry.function("Embedding", Signature("Embedding", ["num_embeddings", "embedding_dim"] + unsupported + ["device", "dtype"],
                                                 required: 2)) { args, interpreter in
            try NNLayerBuiltins.checkFactory(args)
            for name in unsupported {
                guard let value = args[name], !value.isNone else { continue }
                // padding_idx=0 and max_norm=0.0 are settings; the flags only matter when true.
                if try name == "padding_idx" || name == "max_norm" || value.truthy() {
                    throw RuntimeError.value("Embedding(): \(name) is not supported; leave it out")
                }
            }
            let (count, width) = (try args.int("num_embeddings", 1), try args.int("embedding_dim", 1))
            guard count > 0, width > 0 else {
                throw RuntimeError.value("Embedding(): num_embeddings and embedding_dim must be positive, got \(count) and \(width)")
            }
            let context = interpreter.tensors
            let weight = try context.perform { try Tensor.randn([count, width], generator: context.generator).requiresGrad_() }
            return .native(NNEmbedding(weight: weight))
        }
    }
}

extension NNEmbedding: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copied = NNEmbedding(weight: try TensorObject.snapshotCopy(weight, copier))
        copied.training = training
        copied.forwardHooks = try forwardHooks.map(copier.copy)
        return copied
    }
}
