import Tensor

/// PyTorch's creation functions besides LANGUAGE.md's: `torch.empty(*size)` and
/// `torch.empty_like(input)`, whose elements are zeros here (PyTorch leaves them
/// unspecified: whatever the memory held), `torch.full_like(input, fill_value)`,
/// `torch.broadcast_to(input, size)`, and the `size=` keyword of `zeros`, `ones`, `rand`,
/// `randn` and `empty`. They are members of `torch` only, not global names.
extension TensorBuiltins {
    /// The shape of a creation call: its `*size` arguments or its `size=` keyword (a
    /// sequence), not both, with PyTorch's message.
    static func size(_ args: BoundArguments, _ name: String) throws -> [Int] {
        guard let size = args["size"] else { return try TensorValues.shape(args.rest, name) }
        guard args.rest.isEmpty else { throw RuntimeError.type("\(name)() got multiple values for argument 'size'") }
        guard TensorValues.sequence(size) != nil else {
            throw RuntimeError.type("\(name)(): argument 'size' must be tuple of ints, not \(size.typeName)")
        }
        return try TensorValues.shape([size], name)
    }

    /// `empty`, `empty_like`, `full_like` and `broadcast_to`, for the `torch` module.
    static func torchCreationMembers() -> [(String, Value)] {
        [
            ("empty", creation("empty", Signature("empty", keywordOnly: ["size", "dtype", "requires_grad"], variadic: true)) {
                args, context in
                let dtype = try TensorValues.dtype(args["dtype"], "empty() argument 'dtype'") ?? .float32
                let shape = try size(args, "empty")
                return try finish(try context.perform { try Tensor.zeros(shape, dtype: dtype) }, args, context)
            }),
            ("empty_like", creation("empty_like", Signature("empty_like", ["input"], keywordOnly: ["dtype", "requires_grad"])) {
                args, context in
                let x = try context.tensor(args, "input")
                let dtype = try TensorValues.dtype(args["dtype"], "empty_like() argument 'dtype'") ?? x.dtype
                return try finish(try context.perform { try Tensor.zeros(x.shape, dtype: dtype) }, args, context)
            }),
            ("full_like", creation("full_like", Signature("full_like", ["input", "fill_value"], keywordOnly: ["dtype", "requires_grad"])) {
                args, context in
                let x = try context.tensor(args, "input")
                let dtype = try TensorValues.dtype(args["dtype"], "full_like() argument 'dtype'") ?? x.dtype
                let fill = Float(try args.value("fill_value").asDouble("full_like() argument 'fill_value'"))
                return try finish(try context.perform { try Tensor.full(x.shape, fill, dtype: dtype) }, args, context)
            }),
            ("broadcast_to", creation("broadcast_to", Signature("broadcast_to", ["input", "size"])) { args, context in
                let x = try context.tensor(args, "input")
                guard TensorValues.sequence(args.value("size")) != nil else {
                    throw RuntimeError.type("broadcast_to(): argument 'size' (position 2) must be tuple of ints, not \(args.value("size").typeName)")
                }
                let shape = try TensorValues.shape([args.value("size")], "broadcast_to")
                // A view in PyTorch, a copy here: writing into it is refused (`checkWritable`).
                let value = try context.perform { context.wrap(try x.expand(shape)) }
                value.tensorObject?.copiedFrom = x
                return value
            }),
        ]
    }

    /// A `torch` function bound by `signature` that takes `device=` for the CPU, as the
    /// other creation functions do (`DeviceKeyword`).
    private static func creation(_ name: String, _ signature: Signature,
                                 _ body: @escaping (BoundArguments, TensorContext) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name: name) { arguments, interpreter in
            try body(try signature.bind(try DeviceKeyword.strip(arguments, name)), interpreter.tensors)
        })
    }
}
