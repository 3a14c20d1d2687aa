import Neural
import Tensor

/// PyTorch's layer constructors: `Linear`, `RNN`/`GRU`/`LSTM` (with `num_layers`, `bias`,
/// `batch_first`, `dropout`, `bidirectional`) and `RNNCell`/`GRUCell`/`LSTMCell`, with PyTorch's signatures.
enum NNLayerBuiltins {
    /// The most layers a recurrent stack may have.
    static let maximumLayers = 1000

    static func install(_ registry: inout Registry) {
        registry.function("Linear", Signature("Linear", ["in_features", "out_features", "bias", "device", "dtype"], required: 2)) { args, interpreter in
            try checkFactory(args)
            let inputs = try args.int("in_features", 1)
            let outputs = try args.int("out_features", 1)
            let bias = try args.bool("bias", true)
            let generator = interpreter.tensors.generator
            let layer = try ModelBuiltins.make { try Linear(inputs, outputs, bias: bias, generator: generator) }
            return .native(ModelObject(layer, summary: ""))
        }
        for name in ["RNN", "GRU", "LSTM"] {
            let parameters = ["input_size", "hidden_size", "num_layers"] + (name == "RNN" ? ["nonlinearity"] : [])
                + ["bias", "batch_first", "dropout", "bidirectional"] + (name == "LSTM" ? ["proj_size"] : []) + ["device", "dtype"]
            registry.function(name, Signature(name, parameters, required: 2, keywordOnly: ["step"])) { args, interpreter in
                try checkFactory(args)
                let (inputs, hidden) = (try args.int("input_size", 1), try args.int("hidden_size", 1))
                let layers = try args.int("num_layers", 1)
                guard layers >= 1 else { throw RuntimeError.value("\(name)(): num_layers must be at least 1, got \(layers)") }
                // A fuzzed num_layers of 2**63 - 1 made an array that size (a crash).
                guard layers <= maximumLayers else {
                    throw RuntimeError.value("\(name)(): num_layers=\(layers) is more than rnnbook builds (at most \(maximumLayers))")
                }
                try refuseUnsupported(name, args, layers: layers)
                let nonlinearity = try args.string("nonlinearity", "tanh")
                guard ["tanh", "relu"].contains(nonlinearity) else {
                    throw RuntimeError.value("Unknown nonlinearity '\(nonlinearity)'. Select from 'tanh' or 'relu'.")
                }
                let bias = try args.bool("bias", true)
                let bidirectional = try args.bool("bidirectional", false)
                let directions = bidirectional ? 2 : 1
                let step = try ModelBuiltins.stepFunction(args["step"], interpreter)
                let generator = interpreter.tensors.generator
                let stack = try ModelBuiltins.make {
                    let built = try (0..<layers * directions).map { i in
                        try layer(name, i < directions ? inputs : hidden * directions, hidden, bias: bias, nonlinearity: nonlinearity,
                                  generator: generator)
                    }
                    built[0].step = step
                    return try RecurrentStack(layers: built, batchFirst: try args.bool("batch_first", false), bidirectional: bidirectional,
                                              dropout: try args.double("dropout", 0), generator: generator)
                }
                return .native(ModelObject(stack, summary: ""))
            }
            let cell = name + "Cell"
            let cellParameters = ["input_size", "hidden_size", "bias"] + (name == "RNN" ? ["nonlinearity"] : []) + ["device", "dtype"]
            registry.function(cell, Signature(cell, cellParameters, required: 2)) { args, interpreter in
                try checkFactory(args)
                let (inputs, hidden) = (try args.int("input_size", 1), try args.int("hidden_size", 1))
                let nonlinearity = try args.string("nonlinearity", "tanh")
                guard ["tanh", "relu"].contains(nonlinearity) else {
                    throw RuntimeError.value("Unknown nonlinearity: \(nonlinearity). Select from 'tanh' or 'relu'.")
                }
                let bias = try args.bool("bias", true)
                let generator = interpreter.tensors.generator
                let engine: any RecurrentLayer = try ModelBuiltins.make {
                    try layer(name, inputs, hidden, bias: bias, nonlinearity: nonlinearity, generator: generator)
                }
                return .native(ModelObject(RecurrentCell(engine), summary: ""))
            }
        }
    }

    /// One engine layer of kind `name` ("RNN", "GRU", "LSTM").
    static func layer(_ name: String, _ inputs: Int, _ hidden: Int, bias: Bool, nonlinearity: String,
                      generator: Generator) throws -> any RecurrentLayer {
        switch name {
        case "GRU": try GRU(inputs, hidden, bias: bias, generator: generator)
        case "LSTM": try LSTM(inputs, hidden, bias: bias, generator: generator)
        default: try RNN(inputs, hidden, nonlinearity: try Activation(named: nonlinearity), bias: bias, generator: generator)
        }
    }

    /// Checks `dropout` as PyTorch does, and refuses what is not implemented (`proj_size`,
    /// a `step=` function on more than one layer or direction).
    static func refuseUnsupported(_ name: String, _ args: BoundArguments, layers: Int) throws {
        let dropout = args.value("dropout", .float(0))
        if case .bool = dropout { throw dropoutError }
        guard (0...1).contains(try dropout.asDouble("\(name)() argument 'dropout'")) else { throw dropoutError }
        if try args.int("proj_size", 0) != 0 {
            throw RuntimeError.value("\(name)(): proj_size is not supported; add an nn.Linear after the layer instead")
        }
        if let step = args["step"], !step.isNone, try layers > 1 || args.bool("bidirectional", false) {
            throw RuntimeError.value("\(name)(): step= needs num_layers=1 and bidirectional=False")
        }
    }

    /// PyTorch's message for a dropout outside [0, 1].
    static let dropoutError = RuntimeError.value(
        "dropout should be a number in range [0, 1] representing the probability of an element being zeroed")

    /// PyTorch's factory keywords `device=` and `dtype=`: the CPU and float32 only.
    static func checkFactory(_ args: BoundArguments) throws {
        var keywords: [(name: String, value: Value)] = []
        for key in ["device", "dtype"] {
            if let value = args[key], !value.isNone { keywords.append((key, value)) }
        }
        guard !keywords.isEmpty else { return }
        try TorchModules.checkDevice("to", Arguments([], keywords: keywords))
    }
}
