import Tensor

/// The `torch` functions added for the labs' PyTorch code: the elementwise functions
/// (`torch.sin`, `torch.arctan2`, `torch.isnan`, …), the joins `vstack`/`hstack`/
/// `row_stack`/`column_stack`, `normal`, the functions that call the method of the same
/// name (`torch.sort(x, …)`), the constants and the `torch.linalg` module.
///
/// They are members of the `torch` module only, not global names: Python code writes
/// `torch.median(x)`, and common words (`diff`, `split`, `median`, `normal`) stay free for
/// the user's variables (grading binds the built-in names again before the checks run).
enum TensorMathFunctions {
    /// The elementwise functions of one tensor.
    static let unaryNames = [
        "sin", "cos", "tan", "asin", "acos", "atan", "arcsin", "arccos", "arctan", "sinh", "cosh", "log10", "log2",
        "log1p", "expm1", "square", "reciprocal", "ceil", "isnan", "isinf", "isfinite", "deg2rad", "rad2deg",
    ]

    /// The functions that call the method of the same name on their first argument.
    static let methodAliases = [
        "chunk", "split", "cumsum", "cumprod", "diff", "nonzero", "sort", "argsort", "median", "quantile", "flip",
        "fliplr", "flipud", "roll", "gather", "topk", "prod", "amax", "amin", "dist", "unbind", "select", "narrow",
        "index_select", "mm", "bmm", "mv", "dot",
    ]

    /// PyTorch's constants, as members of the `torch` module.
    static let constants: [(String, Double)] = [("pi", Double.pi), ("e", 2.718_281_828_459_045), ("nan", .nan), ("inf", .infinity)]

    /// The functions above, by name.
    static func members() -> [(String, Value)] {
        var members = unaryNames.compactMap { name in TensorFunctions.unary(name).map { (name, $0) } }
        members += methodAliases.map { ($0, TensorFunctions.methodAlias($0)) }
        for name in ["atan2", "arctan2"] {
            members.append((name, function(name, Signature(name, ["input", "other"])) { args, interpreter in
                let context = interpreter.tensors
                let y = try context.tensor(args, "input")
                let x = try context.tensor(args, "other")
                return try context.perform { context.wrap(try y.atan2(x)) }
            }))
        }
        for name in ["vstack", "row_stack", "hstack", "column_stack"] {
            members.append((name, function(name, Signature(name, ["tensors"])) { args, interpreter in
                let context = interpreter.tensors
                let parts = try context.tensors(args, "tensors", interpreter)
                return try context.perform { context.wrap(try join(name, parts)) }
            }))
        }
        members.append(("normal", function("normal", Signature("normal", ["mean", "std", "size"], required: 1,
                                                                keywordOnly: ["requires_grad"]), normal)))
        return members
    }

    /// A function value whose arguments are bound by `signature`.
    static func function(_ name: String, _ signature: Signature,
                         _ body: @escaping (BoundArguments, Interpreter) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name: name) { arguments, interpreter in try body(try signature.bind(arguments), interpreter) })
    }

    /// `normal(mean, std=1.0, size=None)`: tensors of means and deviations, or numbers and a size.
    private static func normal(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let mean = try context.tensor(args, "mean")
        let std = try context.tensor(args.value("std", .float(1)), args.torchArgument("std"))
        var spread = std
        if let size = args["size"], !size.isNone {
            guard mean.ndim == 0, std.ndim == 0 else {
                throw RuntimeError.type("normal(): size= is only allowed with a number mean and std")
            }
            let shape = try TensorValues.shape([size], "normal")
            spread = try context.perform { try std.expand(shape) }
        }
        let result = try context.perform { try Tensor.normal(mean: mean.float(), std: spread.float(), generator: context.generator) }
        return try TensorBuiltins.finish(result, args, context)
    }

    /// The join `name` of `parts`.
    static func join(_ name: String, _ parts: [Tensor]) throws -> Tensor {
        switch name {
        case "vstack", "row_stack":
            return try Tensor.cat(parts.map { $0.ndim == 0 ? try $0.reshape([1, 1]) : $0.ndim == 1 ? try $0.unsqueeze(0) : $0 }, dim: 0)
        case "hstack":
            let atLeast1 = try parts.map { $0.ndim == 0 ? try $0.reshape([1]) : $0 }
            return try Tensor.cat(atLeast1, dim: atLeast1.first?.ndim == 1 ? 0 : 1)
        default:
            return try Tensor.cat(parts.map { $0.ndim == 0 ? try $0.reshape([1, 1]) : $0.ndim == 1 ? try $0.unsqueeze(1) : $0 }, dim: 1)
        }
    }

    /// Adds to the import table what has no global name: the functions and constants above
    /// to `torch`, the `torch.linalg` module, and `torch.nn.functional`'s losses (whose
    /// `cross_entropy` has the classes in dimension 1, as PyTorch; the global
    /// `cross_entropy` is rnnbook's, classes last: they differ only where labels fit both).
    static func addTorchMembers(_ modules: inout [String: Namespace]) {
        for (name, value) in members() { modules["torch"]?.value(name, value) }
        for (name, value) in constants { modules["torch"]?.value(name, .float(value)) }
        modules["torch.linalg"] = TensorNorms.linalg()
        for (name, value) in TensorLinearAlgebra.torchMembers() { modules["torch"]?.value(name, value) }
        for (name, value) in TensorBuiltins.torchCreationMembers() { modules["torch"]?.value(name, value) }
        if let linalg = modules["torch.linalg"] { TensorLinearAlgebra.install(into: linalg) }
        modules["torch.testing"] = TorchTesting.namespace()
        modules["torch"]?.value("equal", TorchTesting.equal)
        for (name, value) in LossBuiltins.functionalMembers() { modules["torch.nn.functional"]?.value(name, value) }
    }
}
