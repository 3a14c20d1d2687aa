/// Until the nn.Module tree lands: instances of `nn.Module` subclasses are plain instances.
extension Instantiation {
    static func makeModule(_ cls: ClassObject, _ interpreter: Interpreter) -> InstanceObject {
        InstanceObject(cls: cls, interpreter: interpreter)
    }
}

extension ClassBuiltins {
    static func isBuiltinModule(_ object: any NativeObject) -> Bool {
        object is ModelObject
    }
}

extension InstanceObject {
    /// What a built-in base class provides natively for `super().name` (none for plain classes).
    func builtinBaseAttribute(_ key: String, _ interpreter: Interpreter) throws -> Value? { nil }
}
