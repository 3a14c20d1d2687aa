import Tensor

/// The constructors of the parameter-free modules and of `nn.Parameter`.
enum NNFunctionBuiltins {
    static func install(_ registry: inout Registry) {
        for (name, kind) in [("ReLU", NNFunctionModule.Kind.relu), ("Tanh", .tanh), ("Sigmoid", .sigmoid)] {
            let parameters = name == "ReLU" ? ["inplace"] : []
            registry.function(name, Signature(name, parameters, required: 0)) { args, _ in
                if try args.bool("inplace", false) {
                    throw RuntimeError.value("\(name)(inplace=True) is not supported; use \(name)() (the result is a new tensor)")
                }
                return .native(NNFunctionModule(kind))
            }
        }
        // PyTorch's Identity takes and ignores any arguments.
        registry.rawFunction("Identity") { _, _ in .native(NNFunctionModule(.identity)) }
        for name in ["Softmax", "LogSoftmax"] {
            registry.function(name, Signature(name, ["dim"], required: 0)) { args, _ in
                guard let given = args["dim"], !given.isNone else {
                    throw RuntimeError.value("\(name)() without dim picks a dimension implicitly, which PyTorch deprecates; "
                                             + "pass it: nn.\(name)(dim=-1)")
                }
                let dim = try given.asInt("\(name)() argument 'dim'")
                return .native(NNFunctionModule(name == "Softmax" ? .softmax(dim: dim) : .logSoftmax(dim: dim)))
            }
        }
        registry.function("Flatten", Signature("Flatten", ["start_dim", "end_dim"], required: 0)) { args, _ in
            .native(NNFunctionModule(.flatten(start: try args.int("start_dim", 1), end: try args.int("end_dim", -1))))
        }
        registry.function("Dropout", Signature("Dropout", ["p", "inplace"], required: 0)) { args, _ in
            let given = args.value("p", .float(0.5))
            let p = try args.double("p", 0.5)
            guard p >= 0, p <= 1 else { throw RuntimeError.value("dropout probability has to be between 0 and 1, but got \(given.repr())") }
            if try args.bool("inplace", false) {
                throw RuntimeError.value("Dropout(inplace=True) is not supported; use Dropout(p) (the result is a new tensor)")
            }
            return .native(NNFunctionModule(.dropout(p: p, given: given)))
        }
        registry.function("Parameter", Signature("Parameter", ["data", "requires_grad"], required: 0)) { args, interpreter in
            let context = interpreter.tensors
            let given = args.value("data")
            try NumpyArrayRefusal.missingAttribute("detach").check(given)  // PyTorch calls data.detach()
            let data = given.isNone ? try context.perform { try Tensor.zeros([0]) } : try context.tensor(given, "Parameter() argument 'data'")
            // A new leaf sharing the data's storage, as PyTorch's Parameter.
            let leaf = data.detach()
            try context.perform { _ = try leaf.requiresGrad_(try args.bool("requires_grad", true)) }
            return TorchModules.wrapParameter(leaf, context)
        }
    }
}
