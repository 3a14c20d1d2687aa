import Tensor

/// Functions on tensors: `relu`, `softmax(x, dim)`, `matmul`, `cat`, `stack`, `where`,
/// `one_hot`, and `mean`, `sum`, `max`, `min` on tensors. The built-in
/// `sum`/`max`/`min` keep their Python behaviour for anything that is not a tensor.
enum TensorFunctions {
    /// Adds the functions on tensors, replacing `sum`/`max`/`min` by tensor-aware ones.
    static func install(_ registry: inout Registry) {
        for name in ["relu", "tanh", "sigmoid", "exp", "log", "sqrt"] {
            if let function = unary(name) { registry.value(name, function) }
        }
        for name in ["softmax", "log_softmax"] {
            registry.function(name, Signature(name, ["input", "dim"], required: 1)) { args, interpreter in
                let context = interpreter.tensors
                let x = try context.tensorOnly(args.value("input"), args.torchArgument("input"))
                guard let dimValue = args["dim"], !dimValue.isNone else {
                    throw RuntimeError.type("\(name)() missing required argument 'dim'")
                }
                let d = try dimValue.asInt("\(name)() argument 'dim'")
                return try context.perform { context.wrap(name == "softmax" ? try x.softmax(dim: d) : try x.logSoftmax(dim: d)) }
            }
        }
        for name in ["matmul", "maximum", "minimum"] {
            guard let function = TensorObject.binaryFunction(name) else { continue }
            registry.function(name, Signature(name, ["input", "other"])) { args, interpreter in
                let context = interpreter.tensors
                let a = try context.tensor(args, "input")
                let b = try context.tensor(args, "other")
                return try context.perform { context.wrap(try function(a, b)) }
            }
        }
        for name in ["cat", "stack"] {
            registry.function(name, Signature(name, ["tensors", "dim"], required: 1)) { args, interpreter in
                let context = interpreter.tensors
                let parts = try context.tensors(args, "tensors", interpreter)
                let d = try args.int("dim", 0)
                return try context.perform { context.wrap(name == "cat" ? try Tensor.cat(parts, dim: d) : try Tensor.stack(parts, dim: d)) }
            }
        }
        registry.function("where", Signature("where", ["condition", "input", "other"], required: 1)) { args, interpreter in
            let context = interpreter.tensors
            let c = try context.tensor(args, "condition")
            // One argument: the coordinates where the condition holds, as `nonzero(as_tuple=True)`.
            if args["input"] == nil && args["other"] == nil {
                return try context.perform { .tuple(try c.nonzeroTuple().map(context.wrap)) }
            }
            guard args["input"] != nil, args["other"] != nil else {
                throw RuntimeError.type("where() missing required argument '\(args["input"] == nil ? "input" : "other")'")
            }
            var a = try context.tensor(args, "input")
            var b = try context.tensor(args, "other")
            // A Python float beside an int64 tensor makes the result float, as in PyTorch.
            if a.dtype != b.dtype {
                a = try context.perform { try a.float() }
                b = try context.perform { try b.float() }
            }
            return try context.perform { context.wrap(try Tensor.where(c.bool(), a, b)) }
        }
        registry.function("one_hot", Signature("one_hot", ["input", "num_classes"])) { args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensor(args, "input")
            let n = try args.int("num_classes", -1)
            let classes = n >= 0 ? n : (x.ints.max() ?? -1) + 1
            return try context.perform { context.wrap(try Tensor.oneHot(x, classes: classes)) }
        }
        registry.function("mean", Signature("mean", ["input", "dim", "keepdim"], required: 1)) { args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensorOnly(args.value("input"), args.torchArgument("input"))
            return try TensorObject.reduce("mean", try context.perform { try x.float() }, args, context)
        }
        // torch.allclose is torch.isclose(...).all(): it broadcasts, as PyTorch's does.
        for name in ["allclose", "isclose"] {
            registry.function(name, Signature(name, ["input", "other", "rtol", "atol", "equal_nan"], required: 2)) { args, interpreter in
                let context = interpreter.tensors
                let a = try context.tensor(args, "input")
                let b = try context.tensor(args, "other")
                let (rtol, atol) = (try args.double("rtol", 1e-5), try args.double("atol", 1e-8))
                let equalNaN = try args.bool("equal_nan", false)
                let close = try context.perform { try a.isClose(b, rtol: rtol, atol: atol, equalNaN: equalNaN) }
                return name == "allclose" ? .bool(close.scalars.allSatisfy { $0 != 0 }) : context.wrap(close)
            }
        }
        installMethodAliases(&registry)
        installOverloads(&registry)
    }

    /// `torch.argmax(x, dim=1)` and friends: functions that call the method of the same name
    /// (`logical_and(a, b)` and the others stand in for `&`, `|`, `~`, which the language lacks).
    private static func installMethodAliases(_ registry: inout Registry) {
        let names = ["argmax", "argmin", "clamp", "clip", "reshape", "flatten", "unsqueeze", "squeeze", "transpose",
                     "permute", "std", "var", "norm", "numel", "logical_and", "logical_or", "logical_not", "sign",
                     "floor", "neg"]
        for name in names { registry.value(name, methodAlias(name)) }
    }

    /// `name(x, …)` as `x.name(…)` (`x` converted to a tensor).
    static func methodAlias(_ name: String) -> Value {
        .builtin(BuiltinFunction(name: name) { arguments, interpreter in
            guard let first = arguments.positional.first else {
                throw RuntimeError.type("\(name)() missing required argument 'input'")
            }
            let context = interpreter.tensors
            let receiver = context.wrap(try context.tensorOnly(first, TorchArgument(function: name, name: "input", position: 1)))
            var rest = arguments
            rest.positional.removeFirst()
            return try interpreter.callMethod(receiver, name, rest)
        })
    }

    /// The function `name(input)` of one tensor, for a name of `TensorObject.unaryFunction`.
    static func unary(_ name: String) -> Value? {
        guard let function = TensorObject.unaryFunction(name) else { return nil }
        return TensorMathFunctions.function(name, Signature(name, ["input"])) { args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensorOnly(args.value("input"), args.torchArgument("input"))
            return try context.perform { context.wrap(try function(x)) }
        }
    }

    /// `sum`, `max`, `min` on a tensor reduce it as PyTorch's functions do; on anything
    /// else, a numpy array included, they are Python's built-ins (installed before, and
    /// called unchanged: `sum(a)` of a 2-D array adds its rows, as in Python).
    private static func installOverloads(_ registry: inout Registry) {
        let previous = Dictionary(registry.globals.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        if let pythonSum = previous["sum"] {
            let signature = Signature("sum", ["input", "dim", "keepdim"], required: 1)
            registry.rawFunction("sum") { arguments, interpreter in
                guard let x = arguments.positional.first?.tensorObject, !x.isNumpyArray else {
                    return try interpreter.call(pythonSum, arguments)
                }
                return try TensorObject.reduce("sum", x.tensor, try signature.bind(arguments), interpreter.tensors)
            }
        }
        if let pythonRound = previous["round"] {
            // `torch.round(x, decimals=1)`: the tensor method; Python's `round` otherwise.
            registry.rawFunction("round") { arguments, interpreter in
                guard let x = arguments.positional.first, x.tensorObject != nil else { return try interpreter.call(pythonRound, arguments) }
                if x.isNumpyArray {
                    throw RuntimeError.type("type numpy.ndarray doesn't define __round__ method; write np.round(a, decimals) "
                                            + "or a.round(decimals)")
                }
                var rest = arguments
                rest.positional.removeFirst()
                return try interpreter.callMethod(x, "round", rest)
            }
        }
        for name in ["max", "min"] {
            guard let python = previous[name] else { continue }
            let signature = Signature(name, ["input", "dim", "keepdim"], required: 1)
            registry.rawFunction(name) { arguments, interpreter in
                guard let x = arguments.positional.first?.tensorObject, !x.isNumpyArray else {
                    return try interpreter.call(python, arguments)
                }
                let a = try signature.bind(arguments)
                return try TensorObject.extreme(name, x.tensor, a["dim"], try a.bool("keepdim", false), interpreter.tensors)
            }
        }
        installTorchOverloads(&registry)
    }

    /// The names that are Python's built-ins and torch functions both: as members of `torch`
    /// (the globals `torch.sum`, … that ImportBuiltins puts there) they refuse anything but a
    /// tensor (a numpy array, a list, a number), which Python's `sum(a)`, `abs(-2)` or
    /// `max(2, 3)` take, as PyTorch refuses it.
    static let pythonAndTorchNames = ["sum", "max", "min", "abs", "round"]

    private static func installTorchOverloads(_ registry: inout Registry) {
        let globals = Dictionary(registry.globals.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        for name in pythonAndTorchNames {
            guard let global = globals[name] else { continue }
            registry.rawFunction("torch.\(name)") { arguments, interpreter in
                // PyTorch's take a tensor only; Python's built-ins, numbers, lists and arrays too.
                let input = arguments.positional.first ?? arguments.keywords.first { $0.name == "input" }?.value
                if let input, input.tensorObject?.isNumpyArray != false {
                    throw TorchArgument(function: name, name: "input", position: 1).error(input.isNumpyArray ? "numpy.ndarray" : input.typeName)
                }
                return try interpreter.call(global, arguments)
            }
        }
    }
}
