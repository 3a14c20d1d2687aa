import Neural
import Tasks
import Tensor

/// A model seen from `rnn` code: `Linear`, `RNN`, `LeakyRNN`, `GRU`, `LSTM` or `RNNNet`.
///
/// Calling it runs the forward pass (`out, activity = net(x)`; a recurrent layer returns
/// `(output, h_n)` with `h_n` shaped `(1, batch, hidden)` as in PyTorch, an LSTM
/// `(output, (h_n, c_n))`). Its weights are attributes (`net.rnn.W_rec`, `net.fc.weight`)
/// that share the engine's tensors, so `.grad` and optimizer updates reach the model.
final class ModelObject: NativeObject {
    let module: any Module
    /// How the model was made, for its display: `LeakyRNN(3, 64, dt=20, tau=100)`.
    let summary: String

    init(_ module: any Module, summary: String) {
        self.module = module
        self.summary = summary
    }

    var typeName: String {
        switch module {
        case is RNNNet: "RNNNet"
        case is LeakyRNN: "LeakyRNN"
        case is GRU: "GRU"
        case is LSTM: "LSTM"
        case is RNN: "RNN"
        default: "Linear"
        }
    }

    func repr() -> String { summary }

    static let methods = ["parameters", "named_parameters", "zero_grad", "freeze", "unfreeze", "save", "load", "train", "eval"]

    var attributeNames: [String] {
        var names = module.namedParameters.map(\.name) + Self.methods
        if module is RNNNet { names += ["rnn", "fc"] }
        if let layer = module as? any RecurrentLayer { names += ["input_size", "hidden_size"] + (layer is LeakyRNN ? ["alpha", "dt", "tau"] : []) }
        return names
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        if let net = module as? RNNNet {
            if name == "rnn" { return .native(ModelObject(net.rnn, summary: "\(Self.kind(net.rnn))(\(net.rnn.inputSize), \(net.rnn.hiddenSize))")) }
            if name == "fc" { return .native(ModelObject(net.fc, summary: "Linear(\(net.fc.inFeatures), \(net.fc.outFeatures))")) }
        }
        if let layer = module as? any RecurrentLayer {
            switch name {
            case "input_size": return .int(layer.inputSize)
            case "hidden_size": return .int(layer.hiddenSize)
            default: break
            }
        }
        if let leaky = module as? LeakyRNN {
            switch name {
            case "alpha": return .float(Double(leaky.alpha))
            case "dt": return leaky.dt.map(Value.float) ?? Value.none
            case "tau": return .float(leaky.tau)
            default: break
            }
        }
        if let parameter = module.namedParameters.first(where: { $0.name == name }) { return context.wrap(parameter.tensor) }
        // PyTorch's Linear(…, bias=False) has `bias = None`.
        if name == "bias", module is Linear { return Value.none }
        return nil
    }

    static func kind(_ layer: any RecurrentLayer) -> String {
        ModelObject(layer, summary: "").typeName
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "parameters":
            return .list(ListObject(module.parameters().map(context.wrap)))
        case "named_parameters":
            return .list(ListObject(module.namedParameters.map { .tuple([.str($0.name), context.wrap($0.tensor)]) }))
        case "zero_grad":
            module.zeroGrad()
            return Value.none
        case "freeze", "unfreeze":
            let args = try Signature(name, ["names"], required: 0).bind(arguments)
            var names: [String]?
            if let given = args["names"], !given.isNone {
                if case .str(let one) = given { names = [one] } else { names = try interpreter.collect(given).map { $0.str() } }
            }
            try context.perform { name == "freeze" ? try module.freeze(names) : try module.unfreeze(names) }
            return Value.none
        case "save", "load":
            let path = try Signature(name, ["path"]).bind(arguments).string("path", "")
            if name == "save", !interpreter.fileWritesAllowed {
                throw RuntimeError("save() cannot write files here: writing files is turned off while grading",
                                   id: "file-access")
            }
            interpreter.touchedFiles = true
            try EngineErrors.converting { name == "save" ? try module.save(to: path) : try module.load(from: path) }
            return Value.none
        case "train", "eval":
            return .native(self)
        default:
            return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        let args = try Signature(typeName, ["input", "hx"], required: 1).bind(arguments)
        var x = try context.tensor(args.value("input"), "\(typeName)() input")
        // PyTorch's recurrent layers also take one unbatched sequence, (seq_len, input_size),
        // and then give (seq_len, hidden_size) and an h_n of (num_layers, hidden_size).
        let unbatched = x.ndim == 2 && !(module is Linear)
        if unbatched { x = try context.perform { try x.unsqueeze(1) } }
        var h0: Tensor?
        var c0: Tensor?
        if let given = args["hx"], !given.isNone {
            if module is LSTM, case .tuple(let pair) = given, pair.count == 2 {
                h0 = try context.tensor(pair[0], "LSTM() h_0")
                c0 = try context.tensor(pair[1], "LSTM() c_0")
            } else {
                h0 = try context.tensor(given, "\(typeName)() hx")
            }
        }
        // PyTorch's h_0 is (num_layers, batch, hidden); the engine's is (batch, hidden).
        h0 = try h0.map { t in try context.perform { t.ndim == 3 ? try t.squeeze(0) : t } }
        c0 = try c0.map { t in try context.perform { t.ndim == 3 ? try t.squeeze(0) : t } }
        return try EngineErrors.converting {
            try context.perform {
                // Unbatched: the batch of one is dropped again; a state (1, hidden) is already
                // PyTorch's (num_layers, hidden).
                func sequence(_ t: Tensor) throws -> Tensor { unbatched ? try t.squeeze(1) : t }
                func state(_ t: Tensor) throws -> Tensor { unbatched ? t : try t.unsqueeze(0) }
                switch module {
                case let net as RNNNet:
                    let (output, activity) = try net(x, h0: h0)
                    return .tuple([context.wrap(try sequence(output)), context.wrap(try sequence(activity))])
                case let lstm as LSTM:
                    let (output, hidden, cell) = try lstm(x, h0: h0, c0: c0)
                    return .tuple([context.wrap(try sequence(output)), .tuple([context.wrap(try state(hidden)), context.wrap(try state(cell))])])
                case let layer as any RecurrentLayer:
                    let output = try layer.hiddenStates(x, h0: h0)
                    let last = try output.index([.at(-1)])
                    return .tuple([context.wrap(try sequence(output)), context.wrap(try state(last))])
                case let linear as Linear:
                    return context.wrap(try linear(x))
                default:
                    throw RuntimeError.type("'\(typeName)' object is not callable")
                }
            }
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
