import Diagnostics
import Foundation
import ScriptSyntax

/// The interpreter state of one notebook run: names, models and the seeded RNG persist from
/// block to block, like a kernel. Two sessions never share state.
///
/// Blocks run on a thread of their own with a large stack, so that the recursion limit
/// (1000 nested calls, as Python's) is reached long before the native stack is exhausted,
/// even in debug builds. A session runs one block at a time: call `run` from one thread at
/// a time (different sessions may run in parallel; they share nothing).
///
/// Ints are 64-bit: a result that does not fit is an `integer overflow` error rather than
/// Python's silent switch to big ints, so a mistake never turns into a slow huge number.
public final class ScriptSession {
    /// The seed the session's random generator started from.
    public let seed: UInt64
    let interpreter: Interpreter
    /// The stack size of the thread that runs blocks.
    static let stackSize = 512 << 20
    /// The address space, in bytes, that the threads running blocks reserve for their stacks
    /// (one runs at a time, and is joined before the next starts; twice that, for sessions
    /// that run one after the other on several threads): a process that limits its address
    /// space must leave room for it.
    public static let blockStackReserve = 2 * stackSize

    /// Makes a session with a seed and the notebook's parameters as global names.
    public convenience init(seed: UInt64, parameters: [String: ParameterValue] = [:]) {
        self.init(seed: seed, parameters: parameters, registry: Registry.standard())
    }

    /// Makes a session whose built-ins come from `registry` (tests add their own names).
    init(seed: UInt64, parameters: [String: ParameterValue], registry: Registry) {
        self.seed = seed
        interpreter = Interpreter(seed: seed, registry: registry)
        for (name, parameter) in parameters {
            interpreter.slot(name).value = parameter.value
        }
    }

    /// Empties every global on a large-stack thread: this breaks the reference cycles that
    /// functions form through the globals they use, and releases deeply nested lists
    /// without exhausting a small stack.
    deinit {
        let globals = Array(interpreter.globals.values)
        let interpreter = self.interpreter
        let job = Job { [globals] in
            for slot in globals { slot.value = nil }
            interpreter.compiledBlocks.removeAll()
            return BlockResult()
        }
        // Without a thread (no room for its stack), clear here: only a structure nested
        // thousands deep would need the large stack.
        if !ScriptSession.onLargeStack(job) { job.run() }
    }

    /// Runs `job` on a new thread with a stack of `stackSize` bytes and waits for it to end.
    /// Returns false, without running it, when the thread cannot be made (no room for its
    /// stack under a memory limit, too many threads).
    @discardableResult
    static func onLargeStack(_ job: Job, stackSize: Int = ScriptSession.stackSize) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
        let context = Unmanaged.passRetained(job)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context.toOpaque())
        guard status == 0 else {
            context.release()
            return false
        }
        pthread_join(thread, nil)
        return true
    }

    /// Runs `job` as `onLargeStack` does; when no thread can be made, a block result with an
    /// error saying so (the block did not run).
    static func runOnLargeStack(_ job: Job, origin: BlockOrigin, stackSize: Int = ScriptSession.stackSize) -> BlockResult {
        guard onLargeStack(job, stackSize: stackSize) else {
            let message = "the block could not run: no thread with a \(stackSize >> 20) MB stack could be started "
                + "(the process is out of memory or threads)"
            return BlockResult(outputs: [.error(Diagnostic(
                .error, id: "memory", message, file: origin.file, range: SourceRange(line: origin.line, column: origin.column)))])
        }
        return job.result ?? BlockResult()
    }

    /// Which files code in this session may read and write (`net.save(path)`,
    /// `torch.load(path)`, `plt.savefig(path)`): none by default; a notebook run allows its
    /// folder, graders keep `.none`.
    public var fileAccess: FileAccessPolicy {
        get { interpreter.fileAccess }
        set { interpreter.fileAccess = newValue }
    }

    /// Whether code in this session read or wrote a file (`net.load`, `net.save`,
    /// `plt.savefig`); a results cache must not keep such a run.
    public var touchedFiles: Bool { interpreter.touchedFiles }
    /// The text recorded in `importedFiles` for a file `open()` looked for and did not find
    /// (a caught `FileNotFoundError`): the run is stale once the file appears.
    public static let missingFileText = "\u{0}no such file\u{0}"
    /// The module files imported so far (`import models.rnn`) and text files read (`open`), by resolved path, with the
    /// text that ran: a cached run is stale once one of them changes.
    public var importedFiles: [String: String] { interpreter.importedFiles }
    /// How many module or text files have been read so far (see `moduleReads(since:)`).
    public var moduleReadCount: Int { interpreter.importReads.count }
    /// The module or text files read since the count was `start`, by resolved path, with their text.
    public func moduleReads(since start: Int) -> [String: String] {
        Dictionary(interpreter.importReads.dropFirst(start).map { ($0.path, $0.text) }, uniquingKeysWith: { _, last in last })
    }
    /// The text of the module file a block shows (`file=models/rnn.py`), read as `import`
    /// reads it (from the notebook's folder, recorded in `importedFiles`); or why it cannot be.
    public func shownModuleText(_ relative: String) -> Result<String, ModuleFileProblem> {
        do {
            return .success(try interpreter.shownModuleText(relative))
        } catch let error as RuntimeError {
            return .failure(ModuleFileProblem(message: error.message))
        } catch {
            return .failure(ModuleFileProblem(message: "file=\(relative): the file cannot be read"))
        }
    }

    /// Whether module `name` (dotted) has been imported in this session (`sys.modules`).
    public func hasImported(_ name: String) -> Bool {
        if case .native(_ as ModuleObject)? = interpreter.globals[ModuleObject.registryName(name)]?.value { return true }
        return false
    }

    /// Module files whose text is given instead of read from the module folder, by path
    /// relative to it (`models/rnn.py`): while grading, the student's answer to an exercise
    /// written in a module, with every other module the instructor's.
    public var moduleReplacements: [String: String] {
        get { interpreter.moduleReplacements }
        set { interpreter.moduleReplacements = newValue }
    }
    /// Where modules are imported from instead of the file policy's folder (the source's
    /// folder while grading, when files are otherwise off).
    public var moduleFolder: FileAccessPolicy? {
        get { interpreter.moduleFolder }
        set { interpreter.moduleFolder = newValue }
    }

    /// Receives live progress lines (e.g. `train`'s bar, redrawn every tenth of a second)
    /// that are for a terminal only: they are not outputs and never reach a report.
    public var onProgress: ((String) -> Void)? {
        get { interpreter.progressSink }
        set { interpreter.progressSink = newValue }
    }

    /// Runs one block's code and returns what it produced. Outputs are also handed to
    /// `onOutput` as they happen, for live terminal display (from the interpreter's thread,
    /// while the caller waits). In the result, consecutive texts are merged into one.
    ///
    /// Syntax errors are all reported (one `.error` each) and nothing runs; a runtime error
    /// stops the block and is its last output. The block's last bare expression, unless it
    /// is `None` or the code ends with `;`, becomes a `.value` with its Python `repr`. The
    /// operation budget counts statements, loop iterations and calls.
    public func run(
        _ code: String, origin: BlockOrigin, budget: Budget = Budget(),
        onOutput: ((BlockOutput) -> Void)? = nil
    ) -> BlockResult {
        let job = Job { [self] in self.runHere(code, origin: origin, budget: budget, onOutput: onOutput) }
        return ScriptSession.runOnLargeStack(job, origin: origin)
    }

    /// Runs one block as `run` does, except that the names it binds stay its own (as a
    /// function's locals; the globals never see them), and each other name it reads, unless
    /// in `live`, is a local copy of the global taken as the block starts. Graders run checks
    /// so; with `pinning: false` every name it reads is read live.
    public func runIsolated(
        _ code: String, origin: BlockOrigin, budget: Budget = Budget(), pinning: Bool = true, live: Set<String> = []
    ) -> BlockResult {
        let isolation = Isolation(pinning: pinning, live: live)
        let job = Job { [self] in self.runHere(code, origin: origin, budget: budget, onOutput: nil, isolation: isolation) }
        return ScriptSession.runOnLargeStack(job, origin: origin)
    }

    /// Runs a block on the calling thread.
    func runHere(_ code: String, origin: BlockOrigin, budget: Budget, onOutput: ((BlockOutput) -> Void)?,
                 isolation: Isolation? = nil) -> BlockResult {
        let start = DispatchTime.now().uptimeNanoseconds
        var gathered = GatheredOutputs()
        let block = BlockInfo(origin: origin)
        interpreter.sink = { output in
            if let kept = gathered.add(output) { onOutput?(kept) }
        }
        defer { interpreter.sink = { _ in } }
        func finish() -> BlockResult {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return BlockResult(outputs: gathered.outputs, seconds: seconds)
        }
        let parsed = Parser.parse(code)
        var issues = parsed.issues
        var body: Exec = { _ in .normal }
        var slots = 0
        var cells = 0
        var pins: [(cell: Int, slot: GlobalSlot)] = []
        if issues.isEmpty {
            let compiler = Compiler(interpreter: interpreter, block: block)
            if let isolation { pins = compiler.isolate(parsed.statements, isolation) }
            body = compiler.compileModule(parsed.statements, display: !parsed.hidesLastValue)
            interpreter.compiledBlocks.append(ExecBox(body))
            issues = compiler.issues
            slots = compiler.scope.slotCount
            cells = compiler.scope.cellCount
        }
        if !issues.isEmpty {
            for issue in issues.map({ $0.mapped(block.map) }) {
                interpreter.emit(.error(Diagnostic(.error, id: issue.id, issue.message, file: origin.file,
                                                   range: issue.range)))
            }
            return finish()
        }
        interpreter.meter.start(budget)
        let frame = Frame.make(slots: slots, cells: (0..<cells).map { _ in Cell() })
        for (cell, slot) in pins { frame.cell(cell).value = slot.value }
        var failure: Diagnostic?
        do {
            // The session's budget is current for the whole block: large lists count
            // against it too (see `MemoryCharge`), and engine calls find it already set.
            _ = try interpreter.tensors.budget.run { try body(frame) }
        } catch let error as RuntimeError {
            failure = error.diagnostic(fallback: block)
        } catch {
            failure = Diagnostic(.error, id: "internal", "\(error)", file: origin.file,
                                 range: SourceRange(line: origin.line, column: origin.column))
        }
        for hook in interpreter.hooks.blockEnd { hook(interpreter) }
        if let failure { interpreter.emit(.error(failure)) }
        return finish()
    }
}

/// Carries a block's work and result across to the interpreter thread and back; the caller
/// waits on a semaphore, so the two threads never touch it at the same time.
final class Job: @unchecked Sendable {
    private var work: (() -> BlockResult)?
    var result: BlockResult?

    init(_ work: @escaping () -> BlockResult) {
        self.work = work
    }

    /// Runs the work once and drops it, so that nothing it captured outlives the run (the
    /// thread object may linger a little after it signals).
    func run() {
        result = work?()
        work = nil
    }
}
