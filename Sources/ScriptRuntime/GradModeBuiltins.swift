/// The grad-mode classes of `torch` (`GradModeType`): `no_grad` (also a global built-in),
/// `enable_grad`, `set_grad_enabled` and `inference_mode` (an alias of `no_grad` here: the
/// engine has no separate inference mode, and its results are the same); and the function
/// `is_grad_enabled`.
enum GradModeBuiltins {
    /// `no_grad()`: a context manager; `no_grad(f)` (the bare decorator `@torch.no_grad`)
    /// decorates `f`, as PyTorch's `no_grad(orig_func)`.
    static func noGrad(_ args: BoundArguments) throws -> Value {
        try make("no_grad", .disable, args["orig_func"])
    }

    /// `enable_grad()`, or `enable_grad(f)` as a decorator.
    static func enableGrad(_ args: BoundArguments) throws -> Value {
        try make("enable_grad", .enable, args["orig_func"])
    }

    /// `set_grad_enabled(mode)`: sets the mode at once; its `with` block restores the old one.
    static func setGradEnabled(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        guard case .bool(let enabled) = args.value("mode") else {
            throw RuntimeError.type("set_grad_enabled() argument 'mode' must be a bool, not \(args.value("mode").typeName)")
        }
        let context = interpreter.tensors
        let previous = context.noGradDepth
        let mode: GradModeContext.Mode = enabled ? .enable : .disable
        context.noGradDepth = GradModeContext.depth(mode, over: previous)
        return .native(GradModeContext(name: "set_grad_enabled", mode: mode, restoresTo: previous))
    }

    /// `inference_mode(mode=True)`, or `inference_mode(f)` as a decorator.
    static func inferenceMode(_ args: BoundArguments) throws -> Value {
        switch args.value("mode", .bool(true)) {
        case .bool(let on): return try make("inference_mode", on ? .disable : .keep, nil)
        case let function: return try make("inference_mode", .disable, function)
        }
    }

    /// The context, or the decorated function when one is given.
    static func make(_ name: String, _ mode: GradModeContext.Mode, _ function: Value?) throws -> Value {
        if let function, !function.isNone { return try GradModeContext.decorate(function, mode, name) }
        return .native(GradModeContext(name: name, mode: mode))
    }

    /// Adds the classes and `is_grad_enabled` to the `torch` namespace.
    static func install(into torch: Namespace) {
        for type in GradModeType.all { torch.value(type.name, .native(type)) }
        torch.function("is_grad_enabled", Signature("is_grad_enabled")) { _, interpreter in
            .bool(interpreter.tensors.gradEnabled)
        }
    }
}
