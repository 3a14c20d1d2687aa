import Tensor

/// Tensor methods with PyTorch's names and arguments (`x.sum(dim=0, keepdim=True)`).
/// Shape and reduction methods are here; elementwise ones and in-place updates are in
/// TensorElementwise.swift.
extension TensorObject {
    static let methodNames = [
        "to", "cuda", "double", "reshape", "view", "flatten", "sum", "mean", "std", "var", "max", "min", "argmax", "argmin", "item",
        "tolist", "detach", "numpy", "cpu", "clone", "abs", "exp", "log", "sqrt", "tanh", "relu", "sigmoid", "neg", "sign",
        "floor", "round", "clamp", "clip", "pow", "softmax", "log_softmax", "norm", "all", "any", "unsqueeze",
        "squeeze", "transpose", "permute", "t", "expand", "repeat", "float", "long", "int", "bool", "backward", "zero_",
        "fill_", "add_", "sub_", "mul_", "div_", "copy_", "normal_", "uniform_", "requires_grad_", "size",
        "numel", "dim", "add", "sub", "mul", "div", "matmul", "eq", "ne", "lt", "le", "gt", "ge",
        "maximum", "minimum", "masked_fill", "logical_and", "logical_or", "logical_not",
    ] + mathMethodNames + numpyMethodNames + TensorLinearAlgebra.methodNames + newMethodNames + pickMethodNames

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try checkNumpyMember(name, arguments)  // NumpyArrayMembers.swift
        if let result = try numpyMethod(name, arguments, interpreter) { return result }  // NumpyMethods.swift
        if let result = try shapeMethod(name, arguments) { return result }
        if let result = try reductionMethod(name, arguments) { return result }
        if let result = try mathMethod(name, arguments) { return result }
        if let result = try linearAlgebraMethod(name, arguments) { return result }
        if let result = try newMethod(name, arguments) { return result }
        if let result = try pickMethod(name, arguments) { return result }  // TensorPickMethods.swift
        return try elementwiseMethod(name, arguments, interpreter)
    }

    /// Binds arguments to a method's parameters, with Python's messages.
    func bind(_ name: String, _ arguments: Arguments, _ parameters: [String] = [], required: Int = 0,
              keywordOnly: [String] = [], variadic: Bool = false) throws -> BoundArguments {
        try Signature(name, parameters, required: required, keywordOnly: keywordOnly, variadic: variadic).bind(arguments)
    }

    private func shapeMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "reshape", "view", "expand":
            let shape = try TensorValues.shape(try bind(name, arguments, variadic: true).rest, name)
            return try context.perform {
                name == "expand" ? wrapViewCopy(tensor.view(try tensor.expand(shape), named: "ExpandBackward0"))
                    : wrap(tensor.view(try tensor.reshape(shape), named: "ViewBackward0"))
            }
        case "repeat":
            let repeats = try TensorValues.shape(try bind(name, arguments, variadic: true).rest, name)
            return try context.perform { wrap(try tensor.repeated(repeats)) }
        case "permute":
            let order = try TensorValues.shape(try bind(name, arguments, variadic: true).rest, name)
            return try context.perform { wrapViewCopy(tensor.view(try tensor.permute(order), named: "PermuteBackward0")) }
        case "flatten":
            let a = try bind(name, arguments, ["start_dim", "end_dim"])
            let (s, e) = (try a.int("start_dim", 0), try a.int("end_dim", -1))
            return try context.perform { wrap(try tensor.flatten(startDim: s, endDim: e)) }
        case "unsqueeze":
            let d = try bind(name, arguments, ["dim"], required: 1).int("dim", 0)
            return try context.perform { wrap(tensor.view(try tensor.unsqueeze(d), named: "UnsqueezeBackward0")) }
        case "squeeze":
            let a = try bind(name, arguments, ["dim"])
            let d: Int? = try a["dim"].flatMap { $0.isNone ? nil : try $0.asInt("squeeze() argument 'dim'") }
            // PyTorch's overloads: `squeeze()` is SqueezeBackward0, `squeeze(dim)` SqueezeBackward1.
            let node = d == nil ? "SqueezeBackward0" : "SqueezeBackward1"
            return try context.perform { wrap(tensor.view(try tensor.squeeze(d), named: node)) }
        case "transpose":
            let a = try bind(name, arguments, ["dim0", "dim1"], required: 2)
            let (d0, d1) = (try a.int("dim0", 0), try a.int("dim1", 1))
            return try context.perform { wrapViewCopy(tensor.view(try tensor.transpose(d0, d1), named: "TransposeBackward0")) }
        case "t":
            _ = try bind(name, arguments)
            guard tensor.ndim <= 2 else {
                throw RuntimeError("t() expects a tensor with <= 2 dimensions, but self is \(tensor.ndim)D; "
                                   + "write x.transpose(-2, -1) (or x.mT) to swap the last two", id: "tensor-error")
            }
            return try context.perform { wrapViewCopy(tensor.view(try tensor.T, named: "TBackward0")) }
        case "size":
            let a = try bind(name, arguments, ["dim"])
            guard let d = a["dim"], !d.isNone else { return shapeValue }
            let dim = try d.asInt("size() argument 'dim'")
            return try context.perform { .int(try tensor.size(dim)) }
        case "numel":
            _ = try bind(name, arguments)
            return .int(tensor.count)
        case "dim":
            _ = try bind(name, arguments)
            return .int(tensor.ndim)
        case "item":
            _ = try bind(name, arguments)
            return try TensorValues.item(tensor)
        case "tolist":
            _ = try bind(name, arguments)
            return TensorValues.value(tensor.toData())
        case "detach", "cpu":
            // `.cpu()` keeps ported code working: the result is the tensor itself
            // (`.numpy()` is in NumpyMethods.swift).
            _ = try bind(name, arguments)
            return name == "cpu" ? .native(self) : wrap(tensor.detach())
        case "clone":
            _ = try bind(name, arguments)
            return try context.perform { wrap(try tensor.clone()) }
        case "to", "cuda", "double":
            return try deviceMethod(name, arguments)  // TensorDeviceMethods.swift
        default:
            return nil
        }
    }

    private func reductionMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "sum", "mean":
            let a = try bind(name, arguments, ["dim", "keepdim"])
            return try TensorObject.reduce(name, tensor, a, context)
        case "std", "var":
            let a = try bind(name, arguments, ["dim", "keepdim"], keywordOnly: ["correction", "unbiased"])
            let dims = try TensorValues.dims(a["dim"], "\(name)() argument 'dim'")
            let keep = try a.bool("keepdim", false)
            let correction: Int
            if let unbiased = a["unbiased"] { correction = try unbiased.truthy() ? 1 : 0 } else { correction = try a.int("correction", 1) }
            return try context.perform {
                wrap(name == "std" ? try tensor.std(dims: dims, correction: correction, keepdim: keep)
                     : try tensor.variance(dims: dims, correction: correction, keepdim: keep))
            }
        case "max", "min":
            let a = try bind(name, arguments, ["dim", "keepdim"])
            return try TensorObject.extreme(name, tensor, a["dim"], try a.bool("keepdim", false), context)
        case "argmax", "argmin":
            let a = try bind(name, arguments, ["dim", "keepdim"])
            let d: Int? = try a["dim"].flatMap { $0.isNone ? nil : try $0.asInt("\(name)() argument 'dim'") }
            let keep = try a.bool("keepdim", false)
            return try context.perform {
                wrap(name == "argmax" ? try tensor.argmax(dim: d, keepdim: keep) : try tensor.argmin(dim: d, keepdim: keep))
            }
        case "norm":
            let a = try bind(name, arguments, ["p", "dim", "keepdim"])
            let dims = try TensorValues.dims(a["dim"], "norm() argument 'dim'")
            let keep = try a.bool("keepdim", false)
            let p = try TensorNorms.order(a["p"], what: "norm() argument 'p'", fallback: .fro) ?? .fro
            return try context.perform { wrap(try TensorNorms.norm(tensor, p, dims: dims, keepdim: keep)) }
        case "all", "any":
            // PyTorch's any/all(dim=None, keepdim=False): a bool tensor; NaN counts as
            // nonzero, an empty reduction is False for any and True for all.
            let a = try bind(name, arguments, ["dim", "keepdim"])
            let keep = try a.bool("keepdim", false)
            let given = try TensorValues.dims(a["dim"], "\(name)() argument 'dim'")
            guard let dims = given ?? (keep ? Array(0..<tensor.shape.count) : nil) else {
                let values = tensor.scalars
                let result = name == "all" ? values.allSatisfy { $0 != 0 } : values.contains { $0 != 0 }
                return try context.perform { wrap(try Tensor(scalar: result ? 1 : 0, dtype: .bool)) }
            }
            return try context.perform {
                let hits = name == "all" ? try tensor.eq(0) : try tensor.ne(0)
                let count = try hits.sum(dims: dims, keepdim: keep)
                return wrap(name == "all" ? try count.eq(0) : try count.gt(0))
            }
        default:
            return nil
        }
    }

    /// `sum`/`mean` over `dim` (all when None), shared by the methods and the functions.
    static func reduce(_ name: String, _ t: Tensor, _ a: BoundArguments, _ context: TensorContext) throws -> Value {
        let dims = try TensorValues.dims(a["dim"], "\(name)() argument 'dim'")
        let keep = try a.bool("keepdim", false)
        return try context.perform {
            let result = name == "sum" ? try t.sum(dims: dims, keepdim: keep) : try t.mean(dims: dims, keepdim: keep)
            // `dim=None` given is PyTorch's overload with a dim: SumBackward1, MeanBackward1.
            guard a["dim"] != nil, dims == nil else { return context.wrap(result) }
            return context.wrap(result.labelled(name == "sum" ? "SumBackward1" : "MeanBackward1", inputs: [t]))
        }
    }

    /// `max`/`min`: the extreme element, `(values, indices)` along an int `dim`, or the
    /// elementwise extreme with a tensor, as PyTorch's overloads.
    static func extreme(_ name: String, _ t: Tensor, _ dim: Value?, _ keep: Bool, _ context: TensorContext) throws -> Value {
        let largest = name == "max"
        guard let dim, !dim.isNone else {
            return try context.perform { context.wrap(largest ? try t.max() : try t.min()) }
        }
        if let other = dim.tensorObject?.tensor {
            return try context.perform { context.wrap(largest ? try t.maximum(other) : try t.minimum(other)) }
        }
        let d = try dim.asInt("\(name)() argument 'dim'")
        let (values, indices) = try context.perform { largest ? try t.max(dim: d, keepdim: keep) : try t.min(dim: d, keepdim: keep) }
        return .native(ValuesIndicesObject(name: name, values: context.wrap(values), indices: context.wrap(indices)))
    }
}
