/// The built-in classes user classes derive from: `object`, `nn.Module`,
/// `torch.utils.data.Dataset`, and the exception classes.
enum BuiltinClasses {
    /// `object.__init__(self)` and `nn.Module.__init__(self)`: nothing to do, the object is made.
    nonisolated(unsafe) static let noInit = BuiltinFunction(name: "__init__", isMethod: true) { arguments, _ in
        if arguments.positional.count > 1 || !arguments.keywords.isEmpty {
            throw RuntimeError.type("object.__init__() takes exactly one argument (the instance to initialize)")
        }
        return .none
    }

    nonisolated(unsafe) static let object = ClassObject(
        name: "object", moduleName: "builtins", base: nil, kind: .plain, isBuiltin: true,
        namespace: [("__init__", .builtin(noInit))])

    nonisolated(unsafe) static let module = ClassObject(
        name: "Module", moduleName: "torch.nn.modules.module", base: nil, kind: .module, isBuiltin: true,
        namespace: [("__init__", .builtin(noInit))])

    nonisolated(unsafe) static let dataset = ClassObject(
        name: "Dataset", moduleName: "torch.utils.data.dataset", base: nil, kind: .plain, isBuiltin: true,
        namespace: [("__init__", .builtin(noInit))])
}
