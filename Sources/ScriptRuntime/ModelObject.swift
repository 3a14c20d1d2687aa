import Neural
import Tasks
import Tensor

/// A built-in model seen from `rnn` code: `Linear`, `RNN`, `GRU`, `LSTM` (with
/// `num_layers`, `batch_first`), their cells, `LeakyRNN` or `RNNNet`; an `nn.Module`
/// (`TorchModule`) like a user's, so it nests in user modules with PyTorch's names.
///
/// Calling it runs the forward pass (`ModelObject+Forward.swift`). Its weights are
/// attributes (`net.rnn.W_rec`, `net.fc.weight`) that share the engine's tensors, so `.grad`
/// and optimizer updates reach the model. An `RNNNet`'s `rnn` and `fc` are its children,
/// the same objects at every access.
final class ModelObject: NativeForward {
    let module: any Module
    /// How the model was made, for the display of `LeakyRNN(3, 64, dt=20, tau=100)` and
    /// `RNNNet(3, 8, 3, cell='leaky')` (the other layers show PyTorch's repr).
    let summary: String
    var forwardHooks: [Value] = []
    private var storedTraining = true

    /// PyTorch's `training`; a recurrent stack keeps its own copy (its dropout reads it).
    var training: Bool {
        get { storedTraining }
        set {
            storedTraining = newValue
            (module as? RecurrentStack)?.training = newValue
        }
    }
    /// An `RNNNet`'s `rnn` and `fc`; empty for a layer.
    let children: [(name: String, module: ModelObject)]

    init(_ module: any Module, summary: String, children: [(name: String, module: ModelObject)]? = nil) {
        self.module = module
        self.summary = summary
        if let children {
            self.children = children
        } else if let net = module as? RNNNet {
            let kind = ModelObject.kind(of: net.rnn)
            self.children = [("rnn", ModelObject(net.rnn, summary: "\(kind)(\(net.rnn.inputSize), \(net.rnn.hiddenSize))")),
                             ("fc", ModelObject(net.fc, summary: ""))]
        } else {
            self.children = []
        }
    }

    var typeName: String { Self.kind(of: module) }

    /// The class name PyTorch shows for an engine module.
    static func kind(of module: any Module) -> String {
        switch module {
        case is RNNNet: "RNNNet"
        case is LeakyRNN: "LeakyRNN"
        case is GRU: "GRU"
        case is LSTM: "LSTM"
        case is RNN: "RNN"
        case let stack as RecurrentStack: kind(of: stack.layers[0])
        case let cell as RecurrentCell: kind(of: cell.layer) + "Cell"
        default: "Linear"
        }
    }

    /// The single recurrent layer this model runs (a layer, a one-layer stack, a cell, an
    /// RNNNet's layer), for fixed-point analysis; nil for a stack of several layers or a Linear.
    var recurrentLayer: (any RecurrentLayer)? {
        switch module {
        case let net as RNNNet: net.rnn
        case let layer as any RecurrentLayer: layer
        case let stack as RecurrentStack where stack.layers.count == 1 && !stack.batchFirst: stack.layers[0]
        case let cell as RecurrentCell: cell.layer
        default: nil
        }
    }

    func ownParameters() -> [(name: String, tensor: Tensor)] {
        module is RNNNet ? [] : module.namedParameters
    }

    func ownChildren() -> [(name: String, module: any TorchModule)] {
        children.map { ($0.name, $0.module as any TorchModule) }
    }

    func repr() -> String { module is RNNNet ? summary : moduleRepr() }

    /// rnnbook's own methods; the `nn.Module` ones come from `moduleMethod`.
    static let methods = ["freeze", "unfreeze", "save", "load"]

    var attributeNames: [String] {
        ownParameters().map(\.name) + children.map(\.name) + Self.methods + Self.moduleMethodNames + ["training"]
            + configuration.map(\.name)
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if let child = children.first(where: { $0.name == name }) { return .native(child.module) }
        if name == "training" { return .bool(training) }
        if let parameter = ownParameters().first(where: { $0.name == name }) {
            return TorchModules.wrapParameter(parameter.tensor, interpreter.tensors)
        }
        return configuration.first { $0.name == name }?.value
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        if name == "training" {
            training = try value.truthy()
            return true
        }
        if ownParameters().contains(where: { $0.name == name }) {
            throw RuntimeError.type("cannot replace the parameter '\(name)' of a built-in \(typeName); copy into it instead: "
                                    + "with torch.no_grad(): layer.\(name).copy_(new_value)")
        }
        return false
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "freeze", "unfreeze":
            let args = try Signature(name, ["names"], required: 0).bind(arguments)
            var names: [String]?
            if let given = args["names"], !given.isNone {
                if case .str(let one) = given { names = [one] } else { names = try interpreter.collect(given).map { $0.str() } }
            }
            try context.perform { name == "freeze" ? try module.freeze(names) : try module.unfreeze(names) }
            return Value.none
        case "flatten_parameters" where module is RecurrentStack:
            // PyTorch's cuDNN weight packing: a no-op on the CPU, as here.
            _ = try Signature(name).bind(arguments)
            return Value.none
        case "save", "load":
            let given = try Signature(name, ["path"]).bind(arguments).string("path", "")
            let path = try interpreter.permittedFile(given, "\(name)()")
            try EngineErrors.converting { name == "save" ? try module.save(to: path) : try module.load(from: path) }
            return Value.none
        default:
            return try moduleMethod(name, arguments, interpreter)
        }
    }
}

/// Turns the engine's errors (`NeuralError`, `TaskError`, `TensorError`) into runtime errors
/// that the interpreter places at the calling expression.
enum EngineErrors {
    static func converting<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as NeuralError {
            throw RuntimeError.value(error.message)
        } catch let error as TaskError {
            throw RuntimeError.value(error.message)
        } catch let error as TensorError {
            throw TensorContext.convert(error)
        }
    }
}
