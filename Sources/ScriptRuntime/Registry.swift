import Diagnostics

/// The built-in names of the `rnn` language and how engine issues add theirs.
///
/// Extension points (none of them touches the interpreter core):
///
/// - **A global function**: in an installer, `registry.function("relu", Signature("relu", ["x"]))
///   { args, interpreter in … }`. `Signature` checks arity and keywords with Python's messages
///   (`plot() got an unexpected keyword argument 'colour' (did you mean 'color'?)`);
///   `BoundArguments` gives typed access (`args.int("n", 1)`, `args.value("x")`).
/// - **A native type** (Tensor, a model, a task): a final class conforming to `NativeObject`.
///   Implement only what it supports: `attribute`/`setAttribute`/`attributeNames` for
///   `x.shape`, `callMethod` for `x.sum(dim=0)`, `binary` for `+ - * / // % ** @` (called
///   with `reflected: true` when the object is on the right), `unary`, `compare`, `getItem`/
///   `setItem` (indices arrive as `.int`, `.native(SliceObject)`, `.tuple([...])`, …),
///   `length`, `makeIterator`, `truth`, `call` (for `net(x)`), `format` (for `{loss:.4f}`),
///   `repr`/`str`, `display` (how it shows as a block's last expression, e.g. a figure),
///   `enter`/`exit` (for `with`). Wrap it as `Value.native(object)`; throw `RuntimeError`
///   (`.type`, `.value`, `.index`, …) without a position: the interpreter attaches the
///   position of the expression and the call trace.
/// - **A module** like `plt`: `registry.module("plt") { ns in ns.function("plot", …) { … } }`
///   makes a `Namespace` object whose members are reached as `plt.plot(...)`.
/// - **`with no_grad():`** calls `registry.hooks.noGradEnter` / `noGradExit`; the Tensor
///   binding sets them to switch gradient recording off and on.
/// - **Per-session state** (the RNG, the current figure): `interpreter.state(MyState.self) {
///   MyState() }` gives one instance per session.
/// - **Figures**: a plot binding keeps the figures a block draws in its session state and
///   emits them at the end of the block from a `registry.hooks.blockEnd` hook, as
///   `interpreter.emit(.figure(svg: svgText, title: title))`. Text goes through
///   `interpreter.write(_:)`, warnings as `.warning(Diagnostic)`.
/// - **Calling back into user code** (a student's `step` function, a `key=`):
///   `interpreter.call(value, Arguments([x, h]))`.
///
/// Installers are listed once in `Registry.installers`; each session runs them on a fresh
/// registry, so no state is shared between sessions.
struct Registry {
    /// The global names and their values, in installation order.
    private(set) var globals: [(name: String, value: Value)] = []
    /// Hooks the interpreter calls (no-grad mode, end of block).
    var hooks = Hooks()

    /// Every installer, lowest layer first. Engine issues append theirs here.
    static let installers: [@Sendable (inout Registry) -> Void] = [
        CoreBuiltins.install,
        ClassBuiltins.install,
        Dataclasses.install,
        ConversionBuiltins.install,
        SequenceBuiltins.install,
        TensorBuiltins.install,
        DeviceKeyword.install,
        ModelBuiltins.install,
        OptimizerBuiltins.install,
        TrainingBuiltins.install,
        TaskBuiltins.install,
        MotorBuiltins.install,
        AnalysisBuiltins.install,
        PlotBuiltins.install,
        ImportBuiltins.install,  // last: its modules are made of the others' names
    ]

    /// A registry with every installer applied.
    static func standard() -> Registry {
        var registry = Registry()
        for install in installers { install(&registry) }
        return registry
    }

    /// Adds (or replaces) a global value.
    mutating func value(_ name: String, _ value: Value) {
        globals.removeAll { $0.name == name }
        globals.append((name, value))
    }

    /// Adds a global function whose arguments are bound by `signature`.
    mutating func function(_ name: String, _ signature: Signature,
                           _ body: @escaping (BoundArguments, Interpreter) throws -> Value) {
        value(name, .builtin(BuiltinFunction(name: name) { arguments, interpreter in
            try body(try signature.bind(arguments), interpreter)
        }))
    }

    /// Adds a global function that takes its arguments unbound.
    mutating func rawFunction(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        value(name, .builtin(BuiltinFunction(name: name, body: body)))
    }

    /// Adds a module object, filled in by `build`.
    mutating func module(_ name: String, _ build: (Namespace) -> Void) {
        let namespace = Namespace(name: name)
        build(namespace)
        value(name, .native(namespace))
    }
}

/// A module-like object (`plt`): named members reached as attributes.
final class Namespace: NativeObject {
    let name: String
    private(set) var members: [String: Value] = [:]
    private var order: [String] = []
    /// What a missing member is called in the error (`numpy function`): such a module says
    /// the name is not available in rnnbook rather than that the attribute does not exist.
    var unavailable: String?

    init(name: String) {
        self.name = name
    }

    var typeName: String { "module" }
    func repr() -> String { "<module '\(name)'>" }
    var attributeNames: [String] { order }

    /// Adds a member value.
    func value(_ member: String, _ value: Value) {
        if members[member] == nil { order.append(member) }
        members[member] = value
    }

    /// Adds a member function whose arguments are bound by `signature`.
    func function(_ member: String, _ signature: Signature,
                  _ body: @escaping (BoundArguments, Interpreter) throws -> Value) {
        value(member, .builtin(BuiltinFunction(name: "\(name).\(member)") { arguments, interpreter in
            try body(try signature.bind(arguments), interpreter)
        }))
    }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        if let value = members[member] { return value }
        guard let unavailable else { return nil }
        throw RuntimeError("\(unavailable) '\(member)' is not available in rnnbook"
                           + Suggestion.didYouMean(member, in: order), id: "attribute-error")
    }
}
