import Diagnostics
import Neural
import Tensor

/// The `torch.nn` subset of LANGUAGE.md: layers and `RNNNet`, with a user `step=` function
/// plugged into the recurrence and trained by the same autograd.
enum ModelBuiltins {
    static func install(_ registry: inout Registry) {
        NNLayerBuiltins.install(&registry)
        NNContainer.install(&registry)
        NNFunctionBuiltins.install(&registry)
        TorchSave.install(&registry)
        NNInitBuiltins.install(&registry)
        NNUtilsBuiltins.install(&registry)
        NNEmbedding.install(&registry)
        registry.function("LeakyRNN", Signature("LeakyRNN", ["input_size", "hidden_size", "dt", "tau", "activation", "step"], required: 2)) { args, interpreter in
            let (inputs, hidden) = (try args.int("input_size", 1), try args.int("hidden_size", 1))
            let dt = try args.optionalDouble("dt")
            let tau = try args.double("tau", 100)
            let activation = try args.string("activation", "relu")
            let step = try stepFunction(args["step"], interpreter)
            let generator = interpreter.tensors.generator
            let layer = try make {
                try LeakyRNN(inputs, hidden, dt: dt, tau: tau, activation: try Activation(named: activation), step: step, generator: generator)
            }
            return .native(ModelObject(layer, summary: "LeakyRNN(\(inputs), \(hidden), dt=\(dt.map(Value.float)?.repr() ?? "None"), tau=\(Value.float(tau).repr()))"))
        }
        registry.function("RNNNet", Signature("RNNNet", ["input_size", "hidden_size", "output_size"],
                                               keywordOnly: ["cell", "dt", "tau", "activation", "step"])) { args, interpreter in
            let (inputs, hidden, outputs) = (try args.int("input_size", 1), try args.int("hidden_size", 1), try args.int("output_size", 1))
            let cellName = try args.string("cell", "leaky")
            let dt = try args.optionalDouble("dt")
            let tau = try args.double("tau", 100)
            let activation = try args.optionalString("activation")
            let step = try stepFunction(args["step"], interpreter)
            let generator = interpreter.tensors.generator
            let net = try make {
                try RNNNet(inputs, hidden, outputs, cell: try RNNNet.Cell(named: cellName), dt: dt, tau: tau,
                           activation: try activation.map { try Activation(named: $0) }, step: step, generator: generator)
            }
            return .native(ModelObject(net, summary: "RNNNet(\(inputs), \(hidden), \(outputs), cell='\(cellName)')"))
        }
    }

    /// Builds an engine object, turning engine errors into runtime errors.
    static func make<T>(_ body: () throws -> T) throws -> T {
        try EngineErrors.converting(body)
    }

    /// A user function `step(x_t, h, params) -> h_next` as the engine's step closure. Its
    /// tensor operations are recorded like any others, so autograd trains through it.
    static func stepFunction(_ value: Value?, _ interpreter: Interpreter) throws -> StepFunction? {
        guard let value, !value.isNone else { return nil }
        switch value {
        case .function, .builtin, .native: break
        default: throw RuntimeError.type("step must be a function step(x, h, params), not \(value.typeName)")
        }
        return { [weak interpreter] x, h, parameters in
            guard let interpreter else { throw RuntimeError.value("the session of this step function has ended") }
            try interpreter.meter.check()
            let context = interpreter.tensors
            let params = StepParameters(parameters, context)
            let result = try interpreter.call(value, Arguments([context.wrap(x), context.wrap(h), .native(params)]))
            return try context.arrayOrTensor(result, "the value returned by step()")
        }
    }
}

/// The `params` argument of a user step function: the layer's weights as attributes.
final class StepParameters: NativeObject {
    let parameters: [String: Tensor]
    let context: TensorContext

    init(_ parameters: [String: Tensor], _ context: TensorContext) {
        self.parameters = parameters
        self.context = context
    }

    var typeName: String { "params" }
    var attributeNames: [String] { parameters.keys.sorted() }
    func repr() -> String { "<params \(attributeNames.joined(separator: ", "))>" }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        parameters[name].map(context.wrap)
    }

    func getItem(_ index: Value) throws -> Value? {
        guard case .str(let name) = index else { return nil }
        guard let tensor = parameters[name] else {
            throw RuntimeError.key("no parameter '\(name)'\(Suggestion.didYouMean(name, in: attributeNames))")
        }
        return context.wrap(tensor)
    }
}
