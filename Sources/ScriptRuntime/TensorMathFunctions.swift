import Tensor

/// The global functions added for the labs' PyTorch code: the elementwise functions
/// (`sin`, `arctan2`, `isnan`, …), the joins `vstack`/`hstack`/`row_stack`/
/// `column_stack`, `normal`, `torch.round(x, decimals=)`, and the constants and
/// `torch.linalg` module of the `torch` import (see `addTorchMembers`). The functions
/// that are also methods (`torch.sort(x, …)`) are aliases installed by `TensorFunctions`.
enum TensorMathFunctions {
    /// The new elementwise functions of one tensor (installed by `TensorFunctions` with the others).
    static let unaryNames = [
        "sin", "cos", "tan", "asin", "acos", "atan", "arcsin", "arccos", "arctan", "sinh", "cosh", "log10", "log2",
        "log1p", "expm1", "square", "ceil", "isnan", "isinf", "isfinite",
    ]

    /// The functions that call the method of the same name on their first argument.
    static let methodAliases = [
        "chunk", "split", "cumsum", "cumprod", "diff", "nonzero", "sort", "argsort", "median", "quantile", "flip",
        "fliplr", "flipud", "roll", "gather", "topk", "prod", "amax", "amin", "dist",
    ]

    /// PyTorch's constants, as members of the `torch` module.
    static let constants: [(String, Double)] = [("pi", Double.pi), ("e", 2.718_281_828_459_045), ("nan", .nan), ("inf", .infinity)]

    /// Adds `atan2`/`arctan2`, the joins and `normal` (called by `TensorFunctions.install`).
    static func install(_ registry: inout Registry) {
        for name in ["atan2", "arctan2"] {
            registry.function(name, Signature(name, ["input", "other"])) { args, interpreter in
                let context = interpreter.tensors
                let y = try context.tensor(args.value("input"), "\(name)() argument 'input'")
                let x = try context.tensor(args.value("other"), "\(name)() argument 'other'")
                return try context.perform { context.wrap(try y.atan2(x)) }
            }
        }
        installJoins(&registry)
        registry.function("normal", Signature("normal", ["mean", "std", "size"], required: 1,
                                              keywordOnly: ["requires_grad"])) { args, interpreter in
            let context = interpreter.tensors
            let mean = try context.tensor(args.value("mean"), "normal() argument 'mean'")
            let std = try context.tensor(args.value("std", .float(1)), "normal() argument 'std'")
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
    }

    /// `vstack`, `row_stack`, `hstack`, `column_stack`: `cat` after PyTorch's reshapes of
    /// 0-D and 1-D inputs.
    private static func installJoins(_ registry: inout Registry) {
        for name in ["vstack", "row_stack", "hstack", "column_stack"] {
            registry.function(name, Signature(name, ["tensors"])) { args, interpreter in
                let context = interpreter.tensors
                let parts = try context.tensors(in: args.value("tensors"), "\(name)() item", interpreter)
                return try context.perform { context.wrap(try join(name, parts)) }
            }
        }
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

    /// Adds to the import table what has no global name: `torch.pi`, `torch.e`,
    /// `torch.nan`, `torch.inf`, the `torch.linalg` module, and `torch.nn.functional`'s
    /// `cross_entropy`, whose classes are in dimension 1 as in PyTorch (the global
    /// `cross_entropy` is rnnbook's, classes last; they differ only where labels fit both).
    static func addTorchMembers(_ modules: inout [String: Namespace]) {
        for (name, value) in constants { modules["torch"]?.value(name, .float(value)) }
        modules["torch.linalg"] = TensorNorms.linalg()
        modules["torch.nn.functional"]?.value("cross_entropy", LossBuiltins.functionalCrossEntropy())
    }
}
