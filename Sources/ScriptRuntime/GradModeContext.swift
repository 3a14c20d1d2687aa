/// PyTorch's grad-mode switches: `no_grad()`, `enable_grad()`, `set_grad_enabled(mode)` and
/// `inference_mode(mode=True)`, as context managers (`with torch.no_grad():`) and as
/// decorators (`@torch.no_grad()` or `torch.no_grad()(f)`: the function runs in that mode).
///
/// Grad mode is the session's `TensorContext.noGradDepth` (0: recording). `no_grad` enters
/// and exits through the session's no-grad hooks (one level deeper, then back); `enable_grad`
/// saves the depth, sets 0 and restores it on exit, as PyTorch saves and restores its
/// thread-local flag, so the switches nest in any order. `set_grad_enabled(mode)` sets the mode as soon as it is
/// called (a plain call switches recording off for the rest of the session, as in PyTorch);
/// used in `with`, its exit restores the mode it found.
final class GradModeContext: NativeObject {
    /// What the switch does while it is in effect.
    enum Mode {
        /// `no_grad()` and `inference_mode()`: recording off.
        case disable
        /// `enable_grad()`: recording on.
        case enable
        /// `inference_mode(False)`: the mode is left as it is.
        case keep
    }

    let name: String
    let mode: Mode
    /// For `set_grad_enabled`: the depth found when it was called, restored on exit.
    let restoresTo: Int?
    /// The depths saved by the `with` blocks that entered this object and have not exited.
    private var saved: [Int] = []

    init(name: String, mode: Mode, restoresTo: Int? = nil) {
        self.name = name
        self.mode = mode
        self.restoresTo = restoresTo
    }

    var typeName: String { name }
    func repr() -> String { "<torch.autograd.grad_mode.\(name) object>" }

    /// The depth that puts `mode` in effect over `depth`.
    static func depth(_ mode: Mode, over depth: Int) -> Int {
        switch mode {
        case .disable: depth + 1
        case .enable: 0
        case .keep: depth
        }
    }

    /// Puts `mode` in effect; returns the depth to restore for `.enable`. Switching recording
    /// off goes through the session's no-grad hooks (`Registry.hooks`), as `with no_grad():`
    /// always has; switching it on sets the tensor state's depth directly.
    static func begin(_ mode: Mode, _ interpreter: Interpreter) -> Int? {
        switch mode {
        case .disable:
            interpreter.hooks.noGradEnter(interpreter)
            return nil
        case .enable:
            let context = interpreter.tensors
            defer { context.noGradDepth = 0 }
            return context.noGradDepth
        case .keep:
            return nil
        }
    }

    /// Undoes `begin`.
    static func end(_ mode: Mode, _ saved: Int?, _ interpreter: Interpreter) {
        switch mode {
        case .disable: interpreter.hooks.noGradExit(interpreter)
        case .enable: interpreter.tensors.noGradDepth = saved ?? 0
        case .keep: break
        }
    }

    func enter(_ interpreter: Interpreter) throws -> Value? {
        if let restoresTo {
            saved.append(restoresTo)
        } else {
            saved.append(Self.begin(mode, interpreter) ?? 0)
        }
        return Value.none
    }

    func exit(_ interpreter: Interpreter) throws {
        guard let depth = saved.popLast() else { return }
        if restoresTo != nil {
            interpreter.tensors.noGradDepth = depth
        } else {
            Self.end(mode, depth, interpreter)
        }
    }

    /// As a decorator: `no_grad()(f)` is a function that runs `f` in this mode.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let bound = try Signature(name, ["orig_func"]).bind(arguments)
        if let restoresTo { interpreter.tensors.noGradDepth = restoresTo }
        return try Self.decorate(bound.value("orig_func"), mode, name)
    }

    /// `function` wrapped so that each call runs in `mode` and restores the mode after.
    static func decorate(_ function: Value, _ mode: Mode, _ name: String) throws -> Value {
        let functionName: String
        switch function {
        case .function(let f): functionName = f.code.name
        case .builtin(let f): functionName = f.name
        case .native(let object) where !(object is GradModeContext): functionName = object.typeName
        default:
            throw RuntimeError.type("\(name)() decorates a function, not \(function.typeName); "
                                    + "write @torch.\(name)() above a def, or use 'with torch.\(name)():'")
        }
        // A method like the function it wraps (PyTorch's wrapper is a Python function): in a class
        // body it binds to the instance.
        return .builtin(BuiltinFunction(name: functionName, isMethod: true) { arguments, interpreter in
            let saved = begin(mode, interpreter)
            defer { end(mode, saved, interpreter) }
            return try interpreter.call(function, arguments)
        })
    }
}

extension GradModeContext: SnapshotCopyable {
    /// A copy with the same mode and no `with` block open (snapshots are taken between blocks).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        GradModeContext(name: name, mode: mode, restoresTo: restoresTo)
    }
}
