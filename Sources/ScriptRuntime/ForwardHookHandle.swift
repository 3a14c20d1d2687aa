/// The handle `register_forward_hook` returns; `handle.remove()` unregisters the hook.
final class ForwardHookHandle: NativeObject {
    let module: any TorchModule
    let hook: Value
    private var removed = false

    init(module: any TorchModule, hook: Value) {
        self.module = module
        self.hook = hook
    }

    var typeName: String { "RemovableHandle" }
    var attributeNames: [String] { ["remove"] }
    func repr() -> String { "<torch.utils.hooks.RemovableHandle object>" }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name == "remove" else { return nil }
        _ = try Signature("remove").bind(arguments)
        guard !removed else { return Value.none }
        removed = true
        let key = try? HashKey(hook)
        if let index = module.forwardHooks.firstIndex(where: { (try? HashKey($0)) == key }) {
            module.forwardHooks.remove(at: index)
        }
        return Value.none
    }
}

extension ForwardHookHandle: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let copiedModule as any TorchModule) = try copier.copy(.native(module)) else {
            throw SnapshotError(message: "cannot snapshot a hook handle")
        }
        let copied = ForwardHookHandle(module: copiedModule, hook: try copier.copy(hook))
        copied.removed = removed
        return copied
    }
}
