/// The grad-mode classes of `torch`: `no_grad`, `enable_grad`, `set_grad_enabled` and
/// `inference_mode` (PyTorch's `torch.autograd.grad_mode` classes). Calling one makes its
/// context manager (or decorates a function, see `GradModeBuiltins`); it prints as PyTorch
/// prints the class (`<class 'torch.autograd.grad_mode.no_grad'>`), is what `type()` of its
/// context gives, and is a type for `isinstance`.
final class GradModeType: NativeObject, Sendable {
    /// The class's name (`no_grad`).
    let name: String
    /// Makes an instance (or a decorated function) from the call's arguments.
    private let make: @Sendable (Arguments, Interpreter) throws -> Value

    private init(_ name: String, _ make: @escaping @Sendable (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.make = make
    }

    /// The four classes, made once (so that `type(torch.no_grad()) is torch.no_grad`).
    static let all: [GradModeType] = [
        GradModeType("no_grad") { arguments, _ in
            try GradModeBuiltins.noGrad(try Signature("no_grad", ["orig_func"], required: 0).bind(arguments))
        },
        GradModeType("enable_grad") { arguments, _ in
            try GradModeBuiltins.enableGrad(try Signature("enable_grad", ["orig_func"], required: 0).bind(arguments))
        },
        GradModeType("set_grad_enabled") { arguments, interpreter in
            try GradModeBuiltins.setGradEnabled(try Signature("set_grad_enabled", ["mode"]).bind(arguments), interpreter)
        },
        GradModeType("inference_mode") { arguments, _ in
            try GradModeBuiltins.inferenceMode(try Signature("inference_mode", ["mode"], required: 0).bind(arguments))
        },
    ]

    /// The class named `name`, when it is one of the four.
    static func named(_ name: String) -> GradModeType? {
        all.first { $0.name == name }
    }

    var typeName: String { "type" }
    func repr() -> String { "<class 'torch.autograd.grad_mode.\(name)'>" }
    var attributeNames: [String] { ["__name__", "__qualname__", "__module__"] }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "__name__", "__qualname__": .str(name)
        case "__module__": .str("torch.autograd.grad_mode")
        default: nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try make(arguments, interpreter)
    }
}
