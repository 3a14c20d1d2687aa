/// A class of PyTorch or numpy that an engine object stands for, as Python shows it:
/// `nn.Linear` prints `<class 'torch.nn.modules.linear.Linear'>`, `type(layer) is nn.Linear`,
/// `isinstance(a, np.ndarray)`, `type(layer).__name__` is `Linear`, and calling the class
/// makes an instance (`nn.Linear(2, 3)`, `type(layer)(2, 3)`).
///
/// The instances are the engine's own objects (a `ModelObject`, a `TensorObject`, …), told
/// apart by `hasInstance`; user classes cannot derive from these classes (only from
/// `nn.Module`, which is a `ClassObject`).
final class EngineType: NativeObject, Callable {
    /// `__name__`: `Linear`.
    let name: String
    /// `__module__`: `torch.nn.modules.linear`.
    let module: String
    /// What calling the class does (the built-in constructor), or nil when PyTorch's or
    /// numpy's constructor is not offered (then `refusal` says what to write instead).
    let constructor: Value?
    let refusal: String
    /// Whether the class derives from `nn.Module` (`issubclass(nn.Linear, nn.Module)`).
    let isModule: Bool
    /// Whether a value is an instance.
    let hasInstance: (Value) -> Bool

    init(_ name: String, module: String, constructor: Value?, refusal: String = "", isModule: Bool = false,
         hasInstance: @escaping (Value) -> Bool) {
        self.name = name
        self.module = module
        self.constructor = constructor
        self.refusal = refusal
        self.isModule = isModule
        self.hasInstance = hasInstance
    }

    var typeName: String { "type" }
    func repr() -> String { "<class '\(module).\(name)'>" }
    var attributeNames: [String] { ["__name__", "__module__", "__qualname__"] }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "__name__", "__qualname__": .str(name)
        case "__module__": .str(module)
        default: nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard let constructor else { throw RuntimeError.type(refusal) }
        return try interpreter.call(constructor, arguments)
    }

    /// `issubclass(self, classinfo)`: itself, `object`, and `nn.Module` for the modules.
    func isSubclass(of classinfo: Value) -> Bool? {
        switch classinfo {
        case .native(let type as EngineType): type === self || (type.name == "Tensor" && name == "Parameter")
        case .native(let cls as ClassObject): cls === BuiltinClasses.object || (isModule && cls === BuiltinClasses.module)
        case .builtin(let f) where Value.typeConstructors.contains(f.name): false  // `int`, `list`, …
        default: nil
        }
    }
}
