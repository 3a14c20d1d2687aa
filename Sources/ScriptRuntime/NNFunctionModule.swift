import Neural
import Tensor

/// PyTorch's parameter-free modules: `nn.ReLU()`, `nn.Tanh()`, `nn.Sigmoid()`,
/// `nn.Softmax(dim)`, `nn.LogSoftmax(dim)`, `nn.Identity()`, `nn.Flatten(start_dim=1,
/// end_dim=-1)` and `nn.Dropout(p=0.5)` (identity in eval mode; in training mode it zeroes
/// each element with probability p, drawn from the session's generator, and scales the
/// rest by 1/(1 − p), as PyTorch).
final class NNFunctionModule: BuiltinModule {
    /// The operation and its settings.
    enum Kind {
        case relu, tanh, sigmoid, identity
        case softmax(dim: Int), logSoftmax(dim: Int)
        case flatten(start: Int, end: Int)
        /// `given` is p as written (`Dropout(p=0, …)` shows an int, as PyTorch).
        case dropout(p: Double, given: Value)
    }

    let kind: Kind
    var training = true
    var forwardHooks: [Value] = []

    init(_ kind: Kind) {
        self.kind = kind
    }

    var typeName: String {
        switch kind {
        case .relu: "ReLU"
        case .tanh: "Tanh"
        case .sigmoid: "Sigmoid"
        case .identity: "Identity"
        case .softmax: "Softmax"
        case .logSoftmax: "LogSoftmax"
        case .flatten: "Flatten"
        case .dropout: "Dropout"
        }
    }

    func ownParameters() -> [(name: String, tensor: Tensor)] { [] }
    func ownChildren() -> [(name: String, module: any TorchModule)] { [] }
    var attributeNames: [String] { Self.moduleMethodNames + ["training"] }

    func extraRepr() -> String {
        switch kind {
        case .relu, .tanh, .sigmoid, .identity: ""
        case .softmax(let dim), .logSoftmax(let dim): "dim=\(dim)"
        case .flatten(let start, let end): "start_dim=\(start), end_dim=\(end)"
        case .dropout(_, let given): "p=\(given.repr()), inplace=False"
        }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch (kind, name) {
        case (_, "training"): .bool(training)
        case (.softmax(let dim), "dim"), (.logSoftmax(let dim), "dim"): .int(dim)
        case (.dropout(_, let given), "p"): given
        case (.flatten(let start, _), "start_dim"): .int(start)
        case (.flatten(_, let end), "end_dim"): .int(end)
        default: nil
        }
    }

    /// How PyTorch 2 refuses a numpy array (`nn.Identity` returns it as it is).
    private var numpyRefusal: NumpyArrayRefusal {
        switch kind {
        case .relu: .argument(function: "relu", name: "input", position: 1)
        case .tanh: .argument(function: "tanh", name: "input", position: 1)
        // (`Identity` never asks: it returns its input before converting it.)
        case .sigmoid, .identity: .argument(function: "sigmoid", name: "input", position: 1)
        case .dropout: .argument(function: "dropout", name: "input", position: 1)
        case .softmax: .missingAttribute("softmax")
        case .logSoftmax: .missingAttribute("log_softmax")
        // `nn.Flatten` calls `input.flatten(start_dim, end_dim)`, numpy's `flatten(order)`.
        case .flatten: .typeError("flatten() takes from 0 to 1 positional arguments but 2 were given", attribute: "flatten")
        }
    }

    func forward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let input = try Signature("\(typeName).forward", ["input"]).bind(arguments).value("input")
        if case .identity = kind { return input }
        let x = try context.tensorArgument(input, numpyRefusal, "\(typeName)() input")
        return try context.perform {
            switch kind {
            case .relu: return context.wrap(try x.relu())
            case .tanh: return context.wrap(try x.tanh())
            case .sigmoid: return context.wrap(try x.sigmoid())
            case .identity: return input
            case .softmax(let dim): return context.wrap(try x.softmax(dim: dim))
            case .logSoftmax(let dim): return context.wrap(try x.logSoftmax(dim: dim))
            case .flatten(let start, let end): return context.wrap(try x.flatten(startDim: start, endDim: end))
            case .dropout(let p, _):
                guard training, p > 0 else { return input }
                return context.wrap(try Dropout.apply(x, p: p, generator: context.generator))
            }
        }
    }
}

extension NNFunctionModule: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copied = NNFunctionModule(kind)
        copied.training = training
        copied.forwardHooks = try forwardHooks.map(copier.copy)
        return copied
    }
}
