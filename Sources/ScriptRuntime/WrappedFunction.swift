/// What `functools.wraps(wrapped)(wrapper)` gives: `wrapper`, called as it is, but showing
/// the wrapped function's `__name__` and `__doc__` and keeping it as `__wrapped__`, as
/// Python's `update_wrapper` does. In a class it binds to the instance like a function.
final class WrappedFunction: NativeObject, Callable {
    let wrapper: Value
    let wrapped: Value

    init(wrapper: Value, wrapped: Value) {
        self.wrapper = wrapper
        self.wrapped = wrapped
    }

    var typeName: String { "function" }
    var attributeNames: [String] { ["__name__", "__qualname__", "__doc__", "__wrapped__"] }

    func repr() -> String {
        guard case .str(let name) = (try? name()) ?? .none else { return wrapper.repr() }
        return "<function \(name)>"
    }

    func name() throws -> Value {
        switch wrapped {
        case .function(let function): return .str(function.code.name)
        case .builtin(let function): return .str(function.name)
        case .native(let object as WrappedFunction): return try object.name()
        default: return .str(wrapped.typeName)
        }
    }

    func attribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case "__name__", "__qualname__": return try name()
        case "__doc__": return (try? interpreter.attribute(wrapped, "__doc__")) ?? Value.none
        case "__wrapped__": return wrapped
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try interpreter.call(wrapper, arguments)
    }
}

extension WrappedFunction: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        WrappedFunction(wrapper: try copier.copy(wrapper), wrapped: try copier.copy(wrapped))
    }
}
