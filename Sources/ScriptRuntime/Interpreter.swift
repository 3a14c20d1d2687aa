import Diagnostics
import ScriptSyntax

/// The running state of one session, and the context handed to every built-in: globals,
/// the budget meter, the output sink, and services to call values and iterate.
final class Interpreter {
    let seed: UInt64
    var globals: [String: GlobalSlot] = [:]
    /// The global slots in the order they were made (slots are never removed).
    var slotOrder: [GlobalSlot] = []
    let meter = Meter()
    /// Where outputs of the running block go.
    var sink: (BlockOutput) -> Void = { _ in }
    /// Where live progress (a training bar) goes: a terminal, never the report.
    var progressSink: ((String) -> Void)?
    /// Which files code may read and write (`net.save(path)`, `torch.load(path)`, …): none
    /// until the session's owner allows a folder; none while grading, so that a submission
    /// can neither overwrite the source or the gradebook nor read another student's files.
    var fileAccess = FileAccessPolicy.none
    /// Whether code read or wrote a file (`net.load`, `net.save`, `plt.savefig`): such a run
    /// depends on, or changes, more than its notebook, so its results are never cached.
    var touchedFiles = false
    var hooks = Hooks()
    /// The modules imported from files (`ModuleLoader`): the global-name prefix of the
    /// module being compiled (nil for the notebook), the built-ins a module starts with,
    /// where modules are found when not the notebook's folder (the source's, while grading,
    /// when files are off), module texts given instead of files, and each module or text file read (`open`), by resolved path, with its text.
    var modulePrefix: String?
    var builtinValues: [String: Value] = [:]
    var moduleFolder: FileAccessPolicy?
    /// Module files whose text is given rather than read (a student's answer while grading),
    /// by path relative to the module folder.
    var moduleReplacements: [String: String] = [:]
    var importedFiles: [String: String] = [:]
    /// Every module or text file read, in order (a module run again after a rewind is read again).
    var importReads: [(path: String, text: String)] = []
    /// Every block compiled in this session. Keeping them keeps every `FunctionCode` alive
    /// for the whole session (each is held by the `def` that makes it), which lets calls use
    /// code without reference counting even if the function value itself is dropped mid-call.
    var compiledBlocks: [ExecBox] = []
    /// The exceptions being handled by the `except` clauses running now, innermost last (a
    /// bare `raise` re-raises the last).
    var handling: [RuntimeError] = []
    /// Per-session state of extensions (RNG, current figure, …), keyed by type.
    var extensions: [ObjectIdentifier: AnyObject] = [:]

    init(seed: UInt64, registry: Registry) {
        self.seed = seed
        for (name, value) in registry.globals {
            slot(name).value = value
            builtinValues[name] = value
        }
        hooks = registry.hooks
    }

    /// The global slot for a name, made empty when new.
    func slot(_ name: String) -> GlobalSlot {
        if let existing = globals[name] { return existing }
        let created = GlobalSlot(name: name)
        globals[name] = created
        slotOrder.append(created)
        return created
    }

    /// The names that currently have values, for suggestions.
    var definedNames: [String] {
        // Module globals and the module registry hold a ':' (see `ModuleObject`).
        globals.values.filter { $0.value != nil && !$0.name.contains(":") }.map(\.name)
    }

    /// Sends one output of the running block (a figure, a text, a warning).
    func emit(_ output: BlockOutput) {
        sink(output)
    }

    /// Writes text, as `print` does.
    func write(_ text: String) {
        sink(.text(text))
    }

    /// The state object of type `T` for this session, made by `make` on first use.
    func state<T: AnyObject>(_ type: T.Type, _ make: () -> T) -> T {
        let key = ObjectIdentifier(type)
        if let existing = extensions[key] as? T { return existing }
        let created = make()
        extensions[key] = created
        return created
    }

    // MARK: Calls

    /// Calls any callable value with arguments: user functions, built-ins, callable objects.
    func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        switch callee {
        case .function(let function):
            return try callUser(function, arguments)
        case .builtin(let function):
            try meter.tick()
            return try function.body(arguments, self)
        case .native(let object):
            if let result = try object.call(arguments, self) { return result }
        default: break
        }
        throw RuntimeError.type("'\(callee.typeName)' object is not callable")
    }

    /// Binds arguments to a user function's parameters in a new frame and runs it.
    func callUser(_ function: UserFunction, _ arguments: Arguments) throws -> Value {
        let code = function.code
        let frame = makeFrame(function)
        let positional = arguments.positional
        let bound = min(positional.count, code.positionalCount)
        var given = [Bool](repeating: false, count: code.parameterNames.count)
        for i in 0..<bound {
            frame.store(code.parameterSlots[i], positional[i])
            given[i] = true
        }
        if positional.count > code.positionalCount {
            guard let varargs = code.varargsSlot else {
                let (takes, count) = (code.positionalCount, positional.count)
                throw RuntimeError.type("\(code.name)() takes \(takes) positional argument\(takes == 1 ? "" : "s") "
                                        + "but \(count) \(count == 1 ? "was" : "were") given")
            }
            frame.store(varargs, .tuple(Array(positional[code.positionalCount...])))
        } else if let varargs = code.varargsSlot {
            frame.store(varargs, .tuple([]))
        }
        let extra = DictObject()
        for (name, value) in arguments.keywords {
            guard let i = code.parameterNames.firstIndex(of: name) else {
                if code.kwargsSlot != nil {
                    extra.set(.str(name), .str(name), value)
                    continue
                }
                let hint = Suggestion.didYouMean(name, in: code.parameterNames)
                throw RuntimeError.type("\(code.name)() got an unexpected keyword argument '\(name)'\(hint)")
            }
            if given[i] { throw RuntimeError.type("\(code.name)() got multiple values for argument '\(name)'") }
            frame.store(code.parameterSlots[i], value)
            given[i] = true
        }
        if let kwargs = code.kwargsSlot { frame.store(kwargs, .dict(extra)) }
        for i in 0..<given.count where !given[i] {
            guard let value = function.defaults[i] else {
                let kind = i < code.positionalCount ? "" : " keyword-only"
                throw RuntimeError.type("\(code.name)() missing required\(kind) argument '\(code.parameterNames[i])'")
            }
            frame.store(code.parameterSlots[i], value)
        }
        for (parameter, cell) in code.cellParameters {
            frame.cell(cell).value = frame.load(code.parameterSlots[parameter])
        }
        return try invoke(function.code, frame)
    }

    /// Calls a user function as a method of `receiver` (passed first). When the function
    /// takes exactly these positional arguments (perhaps with defaults after them), they go
    /// straight into the slots of a pooled frame, as `DirectCall` does, with no argument
    /// array built; otherwise the general binding runs.
    func callMethod(_ function: UserFunction, receiver: Value, _ arguments: Arguments) throws -> Value {
        let code = function.code
        let count = arguments.positional.count + 1
        guard code.simple, arguments.keywords.isEmpty, count <= code.positionalCount else {
            var positional = arguments.positional
            positional.insert(receiver, at: 0)
            return try callUser(function, Arguments(positional, keywords: arguments.keywords))
        }
        let frame = code.pool.take() ?? makeFrame(function)
        frame.fill(0, receiver)
        for (i, value) in arguments.positional.enumerated() { frame.fill(i + 1, value) }
        if count < code.positionalCount { try function.fillDefaults(frame, from: count) }
        let result = try invoke(code, frame)
        if code.poolable { code.pool.put(frame) }
        return result
    }

    /// A new frame for a call of `function`, with its cells.
    @inline(never)
    func makeFrame(_ function: UserFunction) -> Frame {
        let code = function.code
        if code.cellCount == 0 && function.freeCells.isEmpty {
            return Frame.make(slots: code.slotCount, cells: [])
        }
        var cells: [Cell] = []
        cells.reserveCapacity(code.cellCount + function.freeCells.count)
        for _ in 0..<code.cellCount { cells.append(Cell()) }
        cells.append(contentsOf: function.freeCells)
        return Frame.make(slots: code.slotCount, cells: cells)
    }

    /// Runs a user function's body in a bound frame, adding the function to an error's trace.
    func invoke(_ function: FunctionCode, _ frame: Frame) throws -> Value {
        try invoke(Unmanaged.passUnretained(function), frame, meter.counters)
    }

    /// Runs a user function's body in a bound frame, counting the call against the budget
    /// and the recursion limit (`counters` are the meter's, which compiled calls hold).
    /// Takes the code, unretained, not the function value: a call may drop the last
    /// reference to the function while it runs (the code lives as long as the session).
    @inline(__always)
    func invoke(_ code: Unmanaged<FunctionCode>, _ frame: Frame, _ counters: UnsafeMutablePointer<Int>) throws -> Value {
        counters[2] &+= 1
        defer { counters[2] &-= 1 }
        // Raised before the call is entered: the trace starts at the caller's call site.
        if counters[2] > Meter.maximumDepth { throw Meter.recursionError() }
        do {
            counters[0] &+= 1
            if counters[0] >= counters[1] { try meter.check() }
            let flow = try code._withUnsafeGuaranteedRef { try $0.body(frame) }
            return flow == .returned ? frame.takeReturnValue() : .none
        } catch {
            throw code._withUnsafeGuaranteedRef { $0.leaving(error) }
        }
    }
}

extension FunctionCode {
    /// An error leaving a call of this code, with the call added to its trace (when it is
    /// a `RuntimeError`); kept out of line so that calls stay small.
    @inline(never)
    func leaving(_ error: Error) -> Error {
        guard var error = error as? RuntimeError else { return error }
        error.addFrame(function: name, range: error.current ?? range, block: error.currentBlock ?? block)
        error.current = nil
        error.currentBlock = nil
        return error
    }
}

/// Hooks that engine issues replace: `with no_grad():` enters and exits grad-free mode.
struct Hooks {
    var noGradEnter: (Interpreter) -> Void = { _ in }
    var noGradExit: (Interpreter) -> Void = { _ in }
    /// Run after every block, e.g. to emit the figures a block drew.
    var blockEnd: [(Interpreter) -> Void] = []
}
