import Neural
import Tensor

/// The forward pass of a built-in model, with PyTorch's argument and result shapes.
extension ModelObject {
    func forward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        if let linear = module as? Linear {
            let input = try Signature(typeName, ["input"]).bind(arguments).value("input")
            let x = try context.tensorArgument(input, Self.linearInput, "\(typeName)() input")
            return try forwardEngine(context) { _ in context.wrap(try linear(x)) }
        }
        let args = try Signature(typeName, ["input", "hx"], required: 1).bind(arguments)
        // A PackedSequence runs each sequence for its own length (nn.utils.rnn).
        if case .native(let packed as PackedSequenceObject) = args.value("input"), !(module is RecurrentCell) {
            return try packed.run(layer: self, hx: args["hx"], interpreter) { try self.forward($0, interpreter) }
        }
        let x = try context.tensorArgument(args.value("input"), numpyRefusal, "\(typeName)() input")
        var h0: Tensor?
        var c0: Tensor?
        if let given = args["hx"], !given.isNone {
            if isLSTM {
                guard case .tuple(let pair) = given, pair.count == 2 else {
                    throw RuntimeError.type("\(typeName)() hx must be a tuple (h_0, c_0), not \(given.typeName)")
                }
                (h0, c0) = (try context.tensorArgument(pair[0], numpyRefusal, "\(typeName)() h_0"),
                            try context.tensorArgument(pair[1], numpyRefusal, "\(typeName)() c_0"))
            } else {
                h0 = try context.tensorArgument(given, numpyRefusal, "\(typeName)() hx")
            }
        }
        switch module {
        case let stack as RecurrentStack: return try forwardStack(stack, x, h0, c0, context)
        case let cell as RecurrentCell: return try forwardCell(cell, x, h0, c0, context)
        default: return try forwardLayer(x, h0, c0, context)
        }
    }

    /// PyTorch's `linear()` refusing a numpy array.
    private static let linearInput = NumpyArrayRefusal.argument(function: "linear", name: "input", position: 1)

    /// How PyTorch refuses a numpy input or state: `nn.RNN`, `GRU`, `LSTM` and their cells
    /// call `input.dim()` first; the Lab 1 tutorial's `LeakyRNN` and `RNNNet` (which the
    /// built-ins follow) hand it to `nn.Linear`.
    private var numpyRefusal: NumpyArrayRefusal {
        switch module {
        case is RNNNet, is LeakyRNN: Self.linearInput
        default: .missingAttribute("dim")
        }
    }

    /// Whether the model's state is PyTorch's LSTM pair (h, c).
    private var isLSTM: Bool {
        switch module {
        case is LSTM: true
        case let stack as RecurrentStack: stack.isLSTM
        case let cell as RecurrentCell: cell.layer is LSTM
        default: false
        }
    }

    /// Runs engine work with the session's budget, converting engine errors.
    private func forwardEngine(_ context: TensorContext, _ body: (any Module) throws -> Value) throws -> Value {
        try EngineErrors.converting { try context.perform { try body(module) } }
    }

    /// `nn.RNN/GRU/LSTM`: `(output, h_n)` or `(output, (h_n, c_n))`; an unbatched sequence
    /// (seq_len, input_size) gives unbatched results, as in PyTorch.
    private func forwardStack(_ stack: RecurrentStack, _ x: Tensor, _ h0: Tensor?, _ c0: Tensor?,
                              _ context: TensorContext) throws -> Value {
        let unbatched = x.ndim == 2
        let batchDim = stack.batchFirst ? 0 : 1
        return try forwardEngine(context) { _ in
            func batched(_ state: Tensor?) throws -> Tensor? { unbatched ? try state?.unsqueeze(1) : state }
            let input = unbatched ? try x.unsqueeze(batchDim) : x
            let (output, hidden, cell) = try stack(input, h0: try batched(h0), c0: try batched(c0))
            let given = [x] + [h0, c0].compactMap { $0 }
            let names = NodeNames.recurrentStack(lstm: stack.isLSTM, batchFirst: stack.batchFirst, unbatched: unbatched)
            func state(_ t: Tensor) throws -> Value {
                context.wrap((unbatched ? try t.squeeze(1) : t).labelled(names.state, inputs: given))
            }
            let sequence = context.wrap((unbatched ? try output.squeeze(batchDim) : output).labelled(names.output, inputs: given))
            guard let cell else { return .tuple([sequence, try state(hidden)]) }
            return .tuple([sequence, .tuple([try state(hidden), try state(cell)])])
        }
    }

    /// `nn.RNNCell/GRUCell/LSTMCell`: `h′` or `(h′, c′)`; an unbatched input (input_size,)
    /// gives unbatched states.
    private func forwardCell(_ cell: RecurrentCell, _ x: Tensor, _ h0: Tensor?, _ c0: Tensor?,
                             _ context: TensorContext) throws -> Value {
        let unbatched = x.ndim == 1
        return try forwardEngine(context) { _ in
            func batched(_ t: Tensor?) throws -> Tensor? { unbatched ? try t?.unsqueeze(0) : t }
            let (hidden, next) = try cell(try batched(x) ?? x, h: try batched(h0), c: try batched(c0))
            let names = NodeNames.recurrentCell(cell.layer)
            let given = [x] + [h0, c0].compactMap { $0 }
            func state(_ t: Tensor, _ name: String) throws -> Value {
                context.wrap(unbatched ? try t.squeeze(0).labelled("SqueezeBackward1", inputs: [t]) : t.labelled(name, inputs: given))
            }
            guard let next else { return try state(hidden, names.hidden) }
            return .tuple([try state(hidden, names.hidden), try state(next, names.cell)])
        }
    }

    /// A single engine layer (`LeakyRNN`, an `RNNNet`'s layer) or an `RNNNet`: time-major,
    /// h_0 (1, batch, hidden) or (batch, hidden); `RNNNet` gives `(out, activity)`.
    private func forwardLayer(_ input: Tensor, _ h0: Tensor?, _ c0: Tensor?, _ context: TensorContext) throws -> Value {
        var x = input
        // PyTorch's recurrent layers also take one unbatched sequence, (seq_len, input_size),
        // and then give (seq_len, hidden_size) and an h_n of (num_layers, hidden_size).
        let unbatched = x.ndim == 2
        if unbatched { x = try context.perform { try x.unsqueeze(1) } }
        // PyTorch's h_0 is (num_layers, batch, hidden); the engine's is (batch, hidden).
        let h0 = try h0.map { t in try context.perform { t.ndim == 3 ? try t.squeeze(0) : t } }
        let c0 = try c0.map { t in try context.perform { t.ndim == 3 ? try t.squeeze(0) : t } }
        return try forwardEngine(context) { module in
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
            default:
                throw RuntimeError.type("'\(typeName)' object is not callable")
            }
        }
    }
}
