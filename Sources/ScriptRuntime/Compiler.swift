import Diagnostics
import ScriptSyntax

typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow

/// Where a name lives, decided once at compile time.
enum Resolution {
    case local(Int)
    case cell(Int)
    case global(GlobalSlot)

    /// Whether the name is a global (not a local or a closure variable).
    var isGlobal: Bool {
        if case .global = self { return true }
        return false
    }
}

/// The names of one function (or one block's top level) and the frame layout they get.
final class Scope {
    let parent: Scope?
    let isModule: Bool
    let name: String
    var slots: [String: Int] = [:]
    var cells: [String: Int] = [:]
    /// Comprehension variables at a block's top level, visible only inside their comprehension.
    var overrides: [[String: Resolution]] = []
    var slotCount = 0
    var cellCount = 0
    var freeNames: [String] = []
    var freeBase = 0
    var globalNames = Set<String>()
    var captured = Set<String>()
    var loopDepth = 0
    /// Whether this is a class body: functions defined in it do not see its names.
    var isClass = false
    /// For a class body: where the class will be, for `super()` in its methods.
    var classCell: ClassCell?
    /// For a function: its first parameter (`self` in a method), for `super()`.
    var firstParameter: String?

    init(parent: Scope?, isModule: Bool, name: String) {
        self.parent = parent
        self.isModule = isModule
        self.name = name
    }

    func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    func newCell() -> Int {
        cellCount += 1
        return cellCount - 1
    }
}

/// Turns a block's statements into Swift closures ("closure compilation"): each node is
/// compiled once into a closure that evaluates it, with names resolved to frame slots,
/// cells or global slots, so running code does no name lookups and no AST dispatch.
final class Compiler {
    let interpreter: Interpreter
    let block: BlockInfo
    var scope: Scope
    var issues: [SyntaxIssue] = []
    let meter: Meter
    let counters: UnsafeMutablePointer<Int>

    init(interpreter: Interpreter, block: BlockInfo) {
        self.interpreter = interpreter
        self.block = block
        scope = Scope(parent: nil, isModule: true, name: "<module>")
        meter = interpreter.meter
        counters = interpreter.meter.counters
    }

    /// Compiles a block's top level; `display` makes a last bare expression show its value.
    func compileModule(_ statements: [Stmt], display: Bool) -> Exec {
        var analysis = NameAnalysis()
        analysis.visit(statements)
        scope.captured = analysis.nestedFree.intersection(analysis.comprehensionTargets)
        var compiled = statements.dropLast().map { ExecBox(statement($0)) }
        if let last = statements.last {
            if display, case .expression(let e) = last.kind {
                compiled.append(ExecBox(displayStatement(e, last.range)))
            } else {
                compiled.append(ExecBox(statement(last)))
            }
        }
        return chain(compiled)
    }

    func issue(_ message: String, _ range: SourceRange, id: String = "syntax") {
        issues.append(SyntaxIssue(id: id, message, range: range))
    }

    // MARK: Names

    func resolve(_ name: String) -> Resolution {
        if let found = resolveLocally(name, in: scope) { return found }
        return .global(interpreter.globalSlot(name))
    }

    /// Resolves a name in `scope` and its enclosing functions; nil means global.
    func resolveLocally(_ name: String, in scope: Scope) -> Resolution? {
        for layer in scope.overrides.reversed() {
            if let found = layer[name] { return found }
        }
        if scope.isModule { return nil }
        if scope.globalNames.contains(name) { return nil }
        if let cell = scope.cells[name] { return .cell(cell) }
        if let slot = scope.slots[name] { return .local(slot) }
        if let index = scope.freeNames.firstIndex(of: name) { return .cell(scope.freeBase + index) }
        var enclosing = scope.parent
        while let candidate = enclosing, candidate.isClass { enclosing = candidate.parent }
        guard let parent = enclosing, let outer = resolveLocally(name, in: parent), case .cell = outer else {
            return nil
        }
        scope.freeNames.append(name)
        return .cell(scope.freeBase + scope.freeNames.count - 1)
    }

    func candidates() -> [String] {
        var names = interpreter.definedNames
        var current: Scope? = scope
        while let s = current {
            names += Array(s.slots.keys) + Array(s.cells.keys) + s.freeNames
            for layer in s.overrides { names += Array(layer.keys) }
            current = s.parent
        }
        return names
    }

    /// Compiles reading a name. The closures capture only what the fast path needs; the
    /// error's details sit in one `UnboundName` object.
    func load(_ name: String, _ range: SourceRange) -> Eval {
        switch resolve(name) {
        case .local(let slot):
            let failure = unboundName(name, range, local: true)
            return { frame in
                if let value = frame.load(slot) { return value }
                throw failure.error()
            }
        case .cell(let index):
            let failure = UnboundName(name, range, block, message: "variable '\(name)' referenced before assignment")
            return { frame in
                if let value = frame.cell(index).value { return value }
                throw failure.error()
            }
        case .global(let slot):
            let failure = unboundName(name, range, local: false)
            return { _ in
                if let value = slot.value { return value }
                throw failure.error()
            }
        }
    }

    func store(_ name: String) -> (Frame, Value) -> Void {
        switch resolve(name) {
        case .local(let slot): return { frame, value in frame.store(slot, value) }
        case .cell(let index): return { frame, value in frame.cell(index).value = value }
        case .global(let slot): return { _, value in slot.value = value }
        }
    }

    // MARK: Helpers

    /// Chains compiled statements pairwise. Closures are kept in `ExecBox`es rather than in
    /// an array of closures, because an array stores closures at maximal abstraction and
    /// every call through it would go through reabstraction thunks.
    func chain(_ boxes: [ExecBox]) -> Exec {
        guard let last = boxes.last else { return { _ in .normal } }
        var chained = last.exec
        for box in boxes.dropLast().reversed() {
            let head = box.exec
            let tail = chained
            chained = { frame in
                let flow = try head(frame)
                if flow != .normal { return flow }
                return try tail(frame)
            }
        }
        return chained
    }

    /// Wraps an evaluation so that an error without a position gets `range`.
    func located(_ range: SourceRange, _ body: @escaping Eval) -> Eval {
        let block = self.block
        return { frame in
            do {
                return try body(frame)
            } catch var error as RuntimeError {
                error.locate(range, in: block)
                throw error
            }
        }
    }
}

/// Holds a compiled statement at its natural abstraction (see `Compiler.sequence`).
final class ExecBox {
    let exec: Exec

    init(_ exec: @escaping Exec) {
        self.exec = exec
    }
}

/// Holds a compiled expression at its natural abstraction.
final class EvalBox {
    let eval: Eval

    init(_ eval: @escaping Eval) {
        self.eval = eval
    }
}

/// What to say when a name has no value: kept out of the load closures so they stay small.
final class UnboundName {
    let name: String
    let range: SourceRange
    let block: BlockInfo
    /// The fixed message, or nil for an undefined global (then a suggestion is computed).
    let message: String?
    let known: [String]
    weak var interpreter: Interpreter?

    init(_ name: String, _ range: SourceRange, _ block: BlockInfo, message: String?, known: [String] = [],
         interpreter: Interpreter? = nil) {
        self.name = name
        self.range = range
        self.block = block
        self.message = message
        self.known = known
        self.interpreter = interpreter
    }

    @inline(never)
    func error() -> RuntimeError {
        let text = message ?? {
            let modules = ["torch": "import torch", "nn": "import torch.nn as nn", "F": "import torch.nn.functional as F",
                           "optim": "import torch.optim as optim", "ngym": "import neurogym as ngym"]
            if let statement = modules[name] {
                return "undefined name '\(name)' (write `\(statement)` first, as in Python; the names are also built in without it)"
            }
            let hint = Suggestion.didYouMean(name, in: Set(known + (interpreter?.definedNames ?? [])))
            return "undefined name '\(name)'\(hint)"
        }()
        var error = RuntimeError(text, id: "name-error")
        error.locate(range, in: block)
        return error
    }
}
