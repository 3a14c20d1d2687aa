import Tensor

/// Elementwise tensor methods, conversions, autograd methods and in-place updates.
extension TensorObject {
    /// The unary functions shared by methods (`x.exp()`) and global functions (`exp(x)`).
    static func unaryFunction(_ name: String) -> ((Tensor) throws -> Tensor)? {
        switch name {
        case "abs": { try $0.abs() }
        case "exp": { try $0.exp() }
        case "log": { try $0.log() }
        case "sqrt": { try $0.sqrt() }
        case "tanh": { try $0.tanh() }
        case "relu": { try $0.relu() }
        case "sigmoid": { try $0.sigmoid() }
        case "neg": { try $0.neg() }
        case "sign": { try $0.sign() }
        case "floor": { try $0.floor() }
        case "float": { try $0.float() }
        case "long", "int": { try $0.long() }
        case "bool": { try $0.bool() }
        case "logical_not": { try $0.logicalNot() }
        case "ceil": { try $0.ceil() }
        case "isnan": { try $0.isNaN() }
        case "isinf": { try $0.isInf() }
        case "isfinite": { try $0.isFinite() }
        // PyTorch computes these in the tensor's precision: x · (π/180), x · (180/π).
        case "deg2rad": { try $0.float().mul(Float.pi / 180) }
        case "rad2deg": { try $0.float().mul(180 / Float.pi) }
        default: TensorObject.mathFunction(name)
        }
    }

    /// The functions of `ElementwiseFunction` by their PyTorch names (numpy's `arcsin`
    /// spellings are PyTorch's aliases too).
    static func mathFunction(_ name: String) -> ((Tensor) throws -> Tensor)? {
        let aliases = ["arcsin": "asin", "arccos": "acos", "arctan": "atan"]
        guard let function = ElementwiseFunction(rawValue: aliases[name] ?? name), function != .softplus else { return nil }
        return { try $0.apply(function) }
    }

    /// The binary methods: `x.add(y)`, `x.eq(y)`, `x.maximum(y)`.
    static func binaryFunction(_ name: String) -> ((Tensor, Tensor) throws -> Tensor)? {
        switch name {
        case "add": { try $0.add($1) }
        case "sub": { try $0.sub($1) }
        case "mul": { try $0.mul($1) }
        case "div": { try $0.div($1) }
        case "pow": { try $0.pow($1) }
        case "matmul": { try NodeNames.matmul($0, $1) }
        case "eq": { try $0.eq($1) }
        case "ne": { try $0.ne($1) }
        case "lt": { try $0.lt($1) }
        case "le": { try $0.le($1) }
        case "gt": { try $0.gt($1) }
        case "ge": { try $0.ge($1) }
        case "maximum": { try $0.maximum($1) }
        case "minimum": { try $0.minimum($1) }
        case "logical_and": { try $0.logicalAnd($1) }
        case "logical_or": { try $0.logicalOr($1) }
        case "atan2", "arctan2": { try $0.atan2($1) }
        default: nil
        }
    }

    /// The elementwise, autograd and in-place methods; nil for a name that is none of them.
    func elementwiseMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = self.context
        if let function = TensorObject.unaryFunction(name) {
            _ = try bind(name, arguments)
            return try context.perform { wrap(try function(tensor)) }
        }
        if name == "pow" {
            // Through the operator, which names the node by the exponent's kind (`PowBackward0` for a number).
            let exponent = try bind(name, arguments, ["exponent"], required: 1).value("exponent")
            // The operator would take an array (numpy computes `t ** a`); PyTorch's method refuses one.
            if exponent.isNumpyArray { throw TorchArgument(function: name, name: "exponent", position: 1).error("numpy.ndarray") }
            guard let result = try binary(.power, exponent, reflected: false) else {
                throw RuntimeError.type("pow(): argument 'exponent' must be a number or a Tensor, not \(exponent.typeName)")
            }
            return result
        }
        if let function = TensorObject.binaryFunction(name) {
            let other = try context.tensor(try bind(name, arguments, ["other"], required: 1), "other")
            return try context.perform { wrap(try function(tensor, other)) }
        }
        switch name {
        case "round":
            let decimals = try bind(name, arguments, ["decimals"]).int("decimals", 0)
            return try context.perform {
                guard decimals != 0 else { return wrap(try tensor.round()) }
                let scale = try Tensor(scalar: Float(pow10(decimals)))
                return wrap(try tensor.mul(scale).round().div(scale).labelled("RoundBackward1", inputs: [tensor]))
            }
        case "clamp", "clip":
            let a = try bind(name, arguments, ["min", "max"])
            let low = try a["min"].flatMap { $0.isNone ? nil : Float(try $0.asDouble("clamp() argument 'min'")) }
            let high = try a["max"].flatMap { $0.isNone ? nil : Float(try $0.asDouble("clamp() argument 'max'")) }
            return try context.perform { wrap(try tensor.clamp(min: low, max: high)) }
        case "softmax", "log_softmax":
            let d = try bind(name, arguments, ["dim"], required: 1).int("dim", -1)
            return try context.perform { wrap(name == "softmax" ? try tensor.softmax(dim: d) : try tensor.logSoftmax(dim: d)) }
        case "masked_fill":
            let a = try bind(name, arguments, ["mask", "value"], required: 2)
            let mask = try context.tensor(a, "mask")
            let value = try context.tensor(a, "value")
            // PyTorch's overloads: a number value is MaskedFillBackward0 (one input), a tensor MaskedFillBackward1.
            let number = a.value("value").tensorObject == nil
            return try context.perform {
                wrap(try Tensor.where(mask.bool(), value, tensor).labelled(number ? "MaskedFillBackward0" : "MaskedFillBackward1",
                                                                          numberOperand: number ? 0 : nil, inputs: [value, tensor]))
            }
        case "backward":
            let a = try bind(name, arguments, ["gradient", "retain_graph"])
            let gradient = try a["gradient"].flatMap { $0.isNone ? nil : try context.tensor($0, "backward() argument 'gradient'") }
            let retain = try a["retain_graph"].map { $0.isNone ? false : try $0.truthy() } ?? false
            try context.withGrad(true) { try context.perform { try tensor.backward(gradient, retainGraph: retain) } }
            return Value.none
        case "requires_grad_":
            let flag = try bind(name, arguments, ["requires_grad"]).bool("requires_grad", true)
            return try context.perform { wrap(try tensor.requiresGrad_(flag)) }
        default:
            return try inPlaceMethod(name, arguments)
        }
    }

    /// `zero_`, `fill_`, `add_`, `sub_`, `mul_`, `div_`, `copy_`, `normal_`, `uniform_`:
    /// write into this tensor and return it (refused on a tensor that requires grad while
    /// recording, as in PyTorch).
    private func inPlaceMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        if ["zero_", "fill_", "add_", "sub_", "mul_", "div_", "copy_", "normal_", "uniform_"].contains(name) {
            try checkWritable()
        }
        switch name {
        case "zero_":
            _ = try bind(name, arguments)
            try context.perform { _ = try tensor.zero_() }
        case "fill_":
            let v = try bind(name, arguments, ["value"], required: 1).double("value", 0)
            try context.perform { _ = try tensor.fill_(Float(v)) }
        case "add_", "sub_":
            let a = try bind(name, arguments, ["other"], required: 1, keywordOnly: ["alpha"])
            let other = try context.tensor(a, "other")
            let alpha = Float(try a.double("alpha", 1)) * (name == "sub_" ? -1 : 1)
            try context.perform { _ = try tensor.add_(other, alpha: alpha) }
        case "mul_", "div_":
            let other = try context.tensor(try bind(name, arguments, ["other"], required: 1), "other")
            try context.perform { _ = try tensor.mul_(name == "mul_" ? other : try Tensor(scalar: 1).div(other)) }
        case "copy_":
            let source = try bind(name, arguments, ["src"], required: 1).value("src")
            // PyTorch's parser names the source `other` in its errors.
            let other = try context.tensor(source, TorchArgument(function: name, name: "other", position: 1))
            try context.perform { _ = try tensor.copy_(other) }
        case "normal_", "uniform_":
            let a = try bind(name, arguments, name == "normal_" ? ["mean", "std"] : ["a", "b"])
            let normal = name == "normal_"
            let p = Float(try a.double(normal ? "mean" : "a", 0))
            let q = Float(try a.double(normal ? "std" : "b", 1))
            try context.perform {
                let sample = normal
                    ? try Tensor.randn(tensor.shape, generator: context.generator).mul(Tensor(scalar: q)).add(Tensor(scalar: p))
                    : try Tensor.rand(tensor.shape, low: p, high: q, generator: context.generator)
                _ = try tensor.copy_(sample)
            }
        default:
            return nil
        }
        return .native(self)
    }
}

/// 10 to an integer power, as a Double.
private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<Swift.min(Swift.abs(n), 30) { result *= 10 }
    return n < 0 ? 1 / result : result
}
