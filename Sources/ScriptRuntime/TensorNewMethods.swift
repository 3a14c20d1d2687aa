import Tensor

/// PyTorch's `Tensor.new_*` methods, which make a new tensor of this tensor's dtype unless
/// `dtype=` says otherwise: `new_zeros(*size)`, `new_ones(*size)`, `new_empty(*size)`
/// (zeros here; PyTorch leaves the values unspecified), `new_full(size, fill_value)` and
/// `new_tensor(data)` (the data converted to that dtype: `long_x.new_tensor([1.5])` is
/// `tensor([1])`); and the views `broadcast_to(size)` and `expand_as(other)` (copies here
/// that refuse writes, like `expand`).
extension TensorObject {
    /// The method names of this file.
    static let newMethodNames = ["new_zeros", "new_ones", "new_empty", "new_full", "new_tensor", "broadcast_to", "expand_as"]

    /// The methods above; nil for any other name.
    func newMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "new_zeros", "new_ones", "new_empty":
            let args = try bind(name, arguments, keywordOnly: ["size", "dtype", "requires_grad"], variadic: true)
            let shape = try TensorBuiltins.size(args, name)
            let dtype = try newDType(args, name)
            let t = try context.perform { name == "new_ones" ? try Tensor.ones(shape, dtype: dtype) : try Tensor.zeros(shape, dtype: dtype) }
            return try newTensor(t, args)
        case "new_full":
            let args = try bind(name, arguments, ["size", "fill_value"], required: 2, keywordOnly: ["dtype", "requires_grad"])
            guard TensorValues.sequence(args.value("size")) != nil else {
                throw RuntimeError.type("new_full(): argument 'size' (position 1) must be tuple of ints, not \(args.value("size").typeName)")
            }
            let shape = try TensorValues.shape([args.value("size")], name)
            let fill = Float(try args.value("fill_value").asDouble("new_full() argument 'fill_value'"))
            let dtype = try newDType(args, name)
            return try newTensor(try context.perform { try Tensor.full(shape, fill, dtype: dtype) }, args)
        case "new_tensor":
            let args = try bind(name, arguments, ["data"], required: 1, keywordOnly: ["dtype", "requires_grad"])
            let dtype = try newDType(args, name)
            let t = try context.perform {
                let made = try Tensor(data: try TensorValues.data(args.value("data"), "new_tensor()"))
                return made.dtype == dtype ? made : try TensorBuiltins.convert(made, dtype)
            }
            return try newTensor(t, args)
        case "broadcast_to":
            // Like `expand`: the sizes as arguments or one sequence.
            let shape = try TensorValues.shape(try bind(name, arguments, variadic: true).rest, name)
            return try context.perform { wrapViewCopy(try tensor.expand(shape)) }
        case "expand_as":
            let args = try bind(name, arguments, ["other"], required: 1)
            let other = try context.tensor(args, "other")
            return try context.perform { wrapViewCopy(try tensor.expand(other.shape)) }
        default:
            return nil
        }
    }

    /// The `dtype=` of a `new_*` call, else this tensor's.
    private func newDType(_ args: BoundArguments, _ name: String) throws -> DType {
        try TensorValues.dtype(args["dtype"], "\(name)() argument 'dtype'") ?? tensor.dtype
    }

    /// A new tensor of this session with the call's `requires_grad=`.
    private func newTensor(_ t: Tensor, _ args: BoundArguments) throws -> Value {
        if try args.bool("requires_grad", false) { try context.perform { _ = try t.requiresGrad_(true) } }
        return wrap(t)
    }
}
