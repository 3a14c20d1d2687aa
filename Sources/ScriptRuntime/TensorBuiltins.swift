import Tensor

/// The tensor names of LANGUAGE.md: creation functions (`tensor`, `zeros`, `randn`, …),
/// `manual_seed`, the dtypes `float32`/`long`, and the `no_grad` hooks. The functions on
/// tensors are installed by `TensorFunctions`, the grading helpers by `TensorGrading`.
enum TensorBuiltins {
    /// Adds the tensor names and hooks to a session's registry (listed in `Registry.installers`).
    static func install(_ registry: inout Registry) {
        registry.hooks.noGradEnter = { $0.tensors.noGradDepth += 1 }
        registry.hooks.noGradExit = { interpreter in
            interpreter.tensors.noGradDepth = Swift.max(0, interpreter.tensors.noGradDepth - 1)
        }
        registry.value("float32", .native(DTypeObject(.float32)))
        registry.value("long", .native(DTypeObject(.int64)))
        registry.value("int64", .native(DTypeObject(.int64)))
        registry.value("torch.bool", .native(DTypeObject(.bool)))
        for name in UnsupportedTorchDType.canonical.keys.sorted() {
            registry.value("torch.\(name)", .native(UnsupportedTorchDType(name)))
        }
        installCreation(&registry)
        installRandom(&registry)
        TensorFunctions.install(&registry)
        TensorGrading.install(&registry)
    }

    /// Finishes a new tensor: the `requires_grad=` flag of creation functions.
    static func finish(_ t: Tensor, _ args: BoundArguments, _ context: TensorContext) throws -> Value {
        if try args.bool("requires_grad", false) { try context.perform { _ = try t.requiresGrad_(true) } }
        return context.wrap(t)
    }

    private static func installCreation(_ registry: inout Registry) {
        registry.function("tensor", Signature("tensor", ["data"], keywordOnly: ["dtype", "requires_grad"])) { args, interpreter in
            let context = interpreter.tensors
            let dtype = try TensorValues.dtype(args["dtype"], "tensor() argument 'dtype'")
            var t = try context.perform { try Tensor(data: try TensorValues.data(args.value("data"))) }
            if let dtype, dtype != t.dtype { t = try context.perform { try convert(t, dtype) } }
            return try finish(t, args, context)
        }
        for name in ["zeros", "ones"] {
            registry.function(name, Signature(name, keywordOnly: ["size", "dtype", "requires_grad"], variadic: true)) { args, interpreter in
                let context = interpreter.tensors
                let shape = try size(args, name)
                let dtype = try TensorValues.dtype(args["dtype"], "\(name)() argument 'dtype'") ?? .float32
                let t = try context.perform { name == "zeros" ? try Tensor.zeros(shape, dtype: dtype) : try Tensor.ones(shape, dtype: dtype) }
                return try finish(t, args, context)
            }
        }
        registry.function("full", Signature("full", ["size", "fill_value"], keywordOnly: ["dtype", "requires_grad"])) { args, interpreter in
            let context = interpreter.tensors
            let shape = try TensorValues.shape([args.value("size")], "full")
            let fill = args.value("fill_value")
            let inferred: DType = if case .int = fill { .int64 } else if case .bool = fill { .bool } else { .float32 }
            let dtype = try TensorValues.dtype(args["dtype"], "full() argument 'dtype'") ?? inferred
            let v = Float(try fill.asDouble("full() argument 'fill_value'"))
            return try finish(try context.perform { try Tensor.full(shape, v, dtype: dtype) }, args, context)
        }
        for name in ["zeros_like", "ones_like"] {
            registry.function(name, Signature(name, ["input"], keywordOnly: ["dtype", "requires_grad"])) { args, interpreter in
                let context = interpreter.tensors
                let x = try context.tensor(args, "input")
                // PyTorch's `dtype=` overrides the input's dtype (`ones_like(mask, dtype=torch.float)`).
                let dtype = try TensorValues.dtype(args["dtype"], "\(name)() argument 'dtype'") ?? x.dtype
                let t = try context.perform {
                    name == "zeros_like" ? try Tensor.zeros(x.shape, dtype: dtype) : try Tensor.ones(x.shape, dtype: dtype)
                }
                return try finish(t, args, context)
            }
        }
        registry.function("eye", Signature("eye", ["n", "m"], required: 1, keywordOnly: ["requires_grad"])) { args, interpreter in
            let n = try args.int("n", 0)
            let m: Int? = try args["m"].flatMap { $0.isNone ? nil : try $0.asInt("eye() argument 'm'") }
            return try finish(try interpreter.tensors.perform { try Tensor.eye(n, m) }, args, interpreter.tensors)
        }
        registry.function("arange", Signature("arange", ["start", "end", "step"], required: 1, keywordOnly: ["dtype", "requires_grad"])) {
            args, interpreter in
            let context = interpreter.tensors
            var (start, end) = (0.0, try args.double("start", 0))
            if let stop = args["end"], !stop.isNone { (start, end) = (end, try stop.asDouble("arange() argument 'end'")) }
            let step = try args.double("step", 1)
            let isFloat = [args["start"], args["end"], args["step"]].contains { if case .float? = $0 { true } else { false } }
            // int64 tensors are stored as Float32: whole numbers beyond 2^24 would round.
            let wholeLimit = Double(1 << 24)
            if !isFloat, let far = [start, end].first(where: { abs($0) > wholeLimit }) {
                // The int as written (2^63 - 1 is no Double), else the Double as Python prints it.
                let given = [args["start"], args["end"]].first { (try? $0?.asDouble("")) == far }
                throw RuntimeError.value(
                    "arange(): integer \(given??.repr() ?? CheckedCount.text(far)) is beyond ±16777216 (int64 tensors are stored as Float32); "
                        + "use floats, e.g. arange(\(Value.formatFloat(start)), \(Value.formatFloat(end)))")
            }
            // PyTorch's RangeFactories check: a range that runs against its step is an error
            // (numpy's arange returns an empty array instead).
            guard step == 0 || (step > 0 ? end >= start : end <= start) else {
                throw RuntimeError("upper bound and larger bound inconsistent with step sign")
            }
            var t = try context.perform { try Tensor.arange(Float(start), Float(end), step: Float(step)) }
            let dtype = try TensorValues.dtype(args["dtype"], "arange() argument 'dtype'") ?? (isFloat ? .float32 : t.dtype)
            if dtype != t.dtype { t = try context.perform { try convert(t, dtype) } }
            return try finish(t, args, context)
        }
        registry.function("linspace", Signature("linspace", ["start", "end", "steps"], keywordOnly: ["requires_grad"])) { args, interpreter in
            let (a, b) = (try args.double("start", 0), try args.double("end", 0))
            let n = try args.int("steps", 0)
            return try finish(try interpreter.tensors.perform { try Tensor.linspace(Float(a), Float(b), n) }, args, interpreter.tensors)
        }
    }

    /// `t` as `dtype` (bool: nonzero is true).
    static func convert(_ t: Tensor, _ dtype: DType) throws -> Tensor {
        switch dtype {
        case .float32: try t.float()
        case .int64: try t.long()
        case .bool: try t.bool()
        }
    }

    private static func installRandom(_ registry: inout Registry) {
        registry.function("manual_seed", Signature("manual_seed", ["seed"])) { args, interpreter in
            interpreter.tensors.generator.manualSeed(UInt64(bitPattern: Int64(try args.int("seed", 0))))
            return .none
        }
        for name in ["randn", "rand"] {
            registry.function(name, Signature(name, keywordOnly: ["size", "requires_grad"], variadic: true)) { args, interpreter in
                let context = interpreter.tensors
                let shape = try size(args, name)
                let t = try context.perform {
                    name == "randn" ? try Tensor.randn(shape, generator: context.generator)
                        : try Tensor.rand(shape, generator: context.generator)
                }
                return try finish(t, args, context)
            }
        }
        registry.function("randn_like", Signature("randn_like", ["input"])) { args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensor(args, "input")
            return try context.perform { context.wrap(try Tensor.randn(x.shape, generator: context.generator)) }
        }
        // PyTorch's `randint(high, size)`, `randint(low, high, size)`, and `randint(high, size=…)`.
        registry.function("randint", Signature("randint", ["low", "high", "size"], required: 1)) { args, interpreter in
            let context = interpreter.tensors
            var (low, high) = (0, try args.int("low", 0))
            let size: Value
            switch (args["high"], args["size"]) {
            case (let second?, let third?):
                (low, high) = (high, try second.asInt("randint() argument 'high'"))
                size = third
            case (let second?, nil): size = second
            case (nil, let third?): size = third
            case (nil, nil): throw RuntimeError.type("randint() missing required argument 'size'")
            }
            let shape = try TensorValues.shape([size], "randint")
            return try context.perform { context.wrap(try Tensor.randint(low, high, shape, generator: context.generator)) }
        }
        registry.function("randperm", Signature("randperm", ["n"])) { args, interpreter in
            let context = interpreter.tensors
            let n = try args.int("n", 0)
            return try context.perform { context.wrap(try Tensor.randperm(n, generator: context.generator)) }
        }
    }
}
