/// The grad-mode functions of `torch`: `no_grad` (also a global built-in), `enable_grad`,
/// `set_grad_enabled`, `is_grad_enabled` and `inference_mode` (an alias of `no_grad` here:
/// the engine has no separate inference mode, and its results are the same).
enum GradModeBuiltins {
    /// `no_grad()`: a context manager; `no_grad(f)` (the bare decorator `@torch.no_grad`)
    /// decorates `f`, as PyTorch's `no_grad(orig_func)`.
    static func noGrad(_ args: BoundArguments) throws -> Value {
        try make("no_grad", .disable, args["orig_func"])
    }

    /// The context, or the decorated function when one is given.
    static func make(_ name: String, _ mode: GradModeContext.Mode, _ function: Value?) throws -> Value {
        if let function, !function.isNone { return try GradModeContext.decorate(function, mode, name) }
        return .native(GradModeContext(name: name, mode: mode))
    }

    /// Adds the functions to the `torch` namespace.
    static func install(into torch: Namespace) {
        torch.function("enable_grad", Signature("enable_grad", ["orig_func"], required: 0)) { args, _ in
            try make("enable_grad", .enable, args["orig_func"])
        }
        torch.function("set_grad_enabled", Signature("set_grad_enabled", ["mode"])) { args, interpreter in
            guard case .bool(let enabled) = args.value("mode") else {
                throw RuntimeError.type("set_grad_enabled() argument 'mode' must be a bool, not \(args.value("mode").typeName)")
            }
            let context = interpreter.tensors
            let previous = context.noGradDepth
            let mode: GradModeContext.Mode = enabled ? .enable : .disable
            context.noGradDepth = GradModeContext.depth(mode, over: previous)
            return .native(GradModeContext(name: "set_grad_enabled", mode: mode, restoresTo: previous))
        }
        torch.function("is_grad_enabled", Signature("is_grad_enabled")) { _, interpreter in
            .bool(interpreter.tensors.gradEnabled)
        }
        torch.function("inference_mode", Signature("inference_mode", ["mode"], required: 0)) { args, _ in
            switch args.value("mode", .bool(true)) {
            case .bool(let on): return try make("inference_mode", on ? .disable : .keep, nil)
            case let function: return try make("inference_mode", .disable, function)
            }
        }
    }
}
