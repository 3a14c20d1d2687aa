import Tensor

/// The tensor state of one session: its random generator (seeded from the notebook's seed),
/// its size budget, and whether `with no_grad():` is in effect.
///
/// Every binding that runs engine code does it through `perform`, which makes the budget
/// and the grad mode current (both are task-local in the engine, so they are set around each
/// operation rather than once per block) and turns `TensorError` into a `RuntimeError` that
/// the interpreter places at the expression being evaluated.
///
/// For a binding of engine objects (a model, an optimizer, a task):
/// - `let context = interpreter.tensors` — one per session, made on first use;
/// - `context.tensor(value, "Linear() argument 'x'")` unwraps an argument (numbers and nested
///   lists are converted, numpy arrays refused as PyTorch refuses them), `context.tensor(args,
///   "input")` a torch function's argument with PyTorch's messages (TorchArgument.swift),
///   `context.arrayOrTensor(value, what)` one where an array is welcome (scikit-learn's
///   objects, rnnbook's tasks), `context.tensors(in: value, what, interpreter)` a list of them
///   (`net.parameters()`), and `value.tensorObject?.tensor` tests for a tensor;
/// - `context.wrap(t)` makes the result a value (`.list(ListObject(params.map(context.wrap)))`
///   for a parameter list: the wrappers share the engine tensors, so `.grad` and in-place
///   updates reach the model);
/// - `try context.perform { … }` around engine calls (a whole forward pass may go in one);
///   `context.withGrad(false) { … }` for updates that must not be recorded (`opt.step()`);
/// - `context.generator` for random initialization, so a notebook's seed fixes it;
/// - user callbacks (`step(x, h, params)`) go through `interpreter.call`; their tensor
///   operations run through this context too, so gradients flow through them.
final class TensorContext {
    /// The session's generator: `randn`, `rand`, `randint`, weight initialization.
    let generator: Generator
    /// The size limits: per tensor and for all live tensors of the session.
    var budget: TensorBudget
    /// How many `with no_grad():` blocks are open.
    var noGradDepth = 0

    /// The default limits of a session: 2^26 elements (256 MiB) per tensor, 2^28 in all.
    static let defaultMaxElements = 1 << 26
    static let defaultMaxTotalElements = 1 << 28

    /// The session this state belongs to, for the tensors it wraps.
    private(set) weak var interpreter: Interpreter?

    init(seed: UInt64, budget: TensorBudget, interpreter: Interpreter?) {
        generator = Generator(seed: seed)
        self.budget = budget
        self.interpreter = interpreter
    }

    /// A context around an existing generator (a snapshot's twin).
    init(generator: Generator, budget: TensorBudget, interpreter: Interpreter?) {
        self.generator = generator
        self.budget = budget
        self.interpreter = interpreter
    }

    /// Whether operations are recorded for autograd (no `no_grad` block is open).
    var gradEnabled: Bool { noGradDepth == 0 }

    /// Runs engine work with the session's budget and grad mode, converting its errors,
    /// then checks the block's wall-clock budget (a loop of large products is only a few
    /// interpreted operations). Nested calls cost little: the budget is made current only once.
    func perform<R>(_ body: () throws -> R) throws -> R {
        let result: R
        budget.deadline = interpreter?.meter.deadline ?? .max
        do {
            if TensorBudget.current === budget && (gradEnabled || !GradMode.isEnabled) {
                result = try body()
            } else {
                result = try budget.run {
                    noGradDepth > 0 ? try GradMode.withNoGrad(body) : try body()
                }
            }
        } catch let error as TensorError {
            // A product stopped at the deadline reports the block's own budget error.
            if error.isDeadline { try interpreter?.meter.checkClock() }
            throw TensorContext.convert(error)
        }
        try interpreter?.meter.checkClock()
        return result
    }

    /// Runs engine work that allocates nothing worth budgeting (one-element operands),
    /// converting its errors.
    func converting<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch let error as TensorError { throw TensorContext.convert(error) }
    }

    /// Runs `body` with recording switched on or off, whatever the open `no_grad` blocks say.
    func withGrad<R>(_ enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let saved = noGradDepth
        noGradDepth = enabled ? 0 : saved + 1
        defer { noGradDepth = saved }
        return try body()
    }

    /// The runtime error for an engine error: size limits are `memory` errors, the rest
    /// `tensor-error`s; the message (which names the operation and the shapes) is kept, and
    /// a refusal by the session's running total says where that limit is set.
    static func convert(_ error: TensorError) -> RuntimeError {
        let id = error.message.contains("more than the limit") ? "memory" : "tensor-error"
        guard error.message.contains("would bring the live tensors") else { return RuntimeError(error.message, id: id) }
        return RuntimeError(error.message + " (the session's memory budget: raise `memory:`, in MB, in the front matter)", id: id)
    }

    /// Wraps a tensor as a language value.
    func wrap(_ tensor: Tensor) -> Value {
        .native(TensorObject(tensor, interpreter))
    }

    /// The tensor a value stands for when it is an operand: a tensor, a number (ints give
    /// int64, floats float32, bools bool, as Python scalars do in PyTorch), or nil.
    func operand(_ value: Value) throws -> Tensor? {
        switch value {
        case .native(let object as TensorObject): return object.tensor
        case .int(let i): return try converting { try Tensor(scalar: Float(i), dtype: .int64) }
        case .float(let d): return try converting { try Tensor(scalar: Float(d)) }
        case .bool(let b): return try converting { try Tensor(scalar: b ? 1 : 0, dtype: .bool) }
        default: return nil
        }
    }

    /// The tensor for a value that must be a tensor (numbers and nested lists are converted),
    /// or a type error naming `what`. A numpy array is refused, as PyTorch refuses one where
    /// it takes a tensor (TorchArgument.swift); `arrayOrTensor` takes one where the API does.
    func tensor(_ value: Value, _ what: String) throws -> Tensor {
        if value.isNumpyArray {
            throw RuntimeError.type("\(what) must be Tensor, not numpy.ndarray" + TorchArgument.hint)
        }
        if let t = try operand(value) { return t }
        switch value {
        case .list, .tuple: return try perform { try Tensor(data: try TensorValues.data(value, what)) }
        default: throw RuntimeError.type("\(what) must be Tensor, not \(value.typeName)")
        }
    }

    /// The tensors of an iterable value (a list of tensors, `net.parameters()`).
    func tensors(in value: Value, _ what: String, _ interpreter: Interpreter) throws -> [Tensor] {
        if case .native(let object as TensorObject) = value { return [try tensor(.native(object), what)] }
        return try interpreter.collect(value).map { try tensor($0, what) }
    }
}

extension Interpreter {
    /// The session's tensor state, made on first use from the session's seed.
    var tensors: TensorContext {
        state(TensorContext.self) {
            TensorContext(seed: seed, budget: TensorBudget(maxElements: TensorContext.defaultMaxElements,
                                                           maxTotalElements: TensorContext.defaultMaxTotalElements),
                          interpreter: self)
        }
    }
}

extension ScriptSession {
    /// Sets the session's tensor size limits (in elements): the most one tensor may have,
    /// and the most all its live tensors may have together. Tensors made before keep
    /// counting against the limits they were made under.
    public func setTensorLimits(maxElements: Int, maxTotalElements: Int) {
        interpreter.tensors.budget = TensorBudget(maxElements: maxElements, maxTotalElements: maxTotalElements)
    }

    /// The default of `memory:` in the front matter: the megabytes all of a session's
    /// tensors and large lists may hold together.
    public static let defaultMemoryMegabytes = TensorContext.defaultMaxTotalElements / (1 << 18)

    /// Sets the session's memory budget (`memory:` in the front matter): the megabytes its
    /// live tensors and large lists may hold together (one tensor stays within the
    /// per-tensor limit, or the whole budget if it is smaller).
    public func setMemoryLimit(megabytes: Int) {
        let total = Swift.max(1, Swift.min(megabytes, 1 << 40 / (1 << 20))) * (1 << 18)
        setTensorLimits(maxElements: Swift.min(TensorContext.defaultMaxElements, total), maxTotalElements: total)
    }
}

extension Value {
    /// The tensor object this value holds, if it is one.
    var tensorObject: TensorObject? {
        if case .native(let object as TensorObject) = self { return object }
        return nil
    }
}
