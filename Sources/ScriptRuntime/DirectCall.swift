import Diagnostics

/// The plain positional arguments of a call site. One type per small arity (see
/// `OneMoreArgument`), so that a call site compiled generically over it (see
/// `Compiler.directCall`) reads its arguments inline (see `Operand`) and needs no array.
protocol PositionalArguments {
    var count: Int { get }
    /// Evaluates the arguments in `caller` and stores them in slots `0..<count` of `callee`,
    /// which must be empty there (a fresh or cleared frame).
    func bind(_ caller: Frame, into callee: Frame) throws
    /// Evaluates the arguments in `caller`, for callees that bind their own arguments.
    func values(_ caller: Frame) throws -> [Value]
}

struct NoArguments: PositionalArguments {
    var count: Int { 0 }
    @inline(__always) func bind(_ caller: Frame, into callee: Frame) throws {}
    func values(_ caller: Frame) throws -> [Value] { [] }
}

/// The arguments `head` and one more: `OneMoreArgument<OneMoreArgument<NoArguments>>` is
/// two arguments. Specialized, each arity is straight-line code.
struct OneMoreArgument<Head: PositionalArguments>: PositionalArguments {
    let head: Head
    let last: Operand

    var count: Int { head.count + 1 }

    @inline(__always) func bind(_ caller: Frame, into callee: Frame) throws {
        try head.bind(caller, into: callee)
        callee.fill(head.count, try last.value(caller))
    }

    func values(_ caller: Frame) throws -> [Value] {
        var values = try head.values(caller)
        values.append(try last.value(caller))
        return values
    }
}

struct ManyArguments: PositionalArguments {
    let evals: [EvalBox]

    var count: Int { evals.count }

    func bind(_ caller: Frame, into callee: Frame) throws {
        for (i, box) in evals.enumerated() { callee.fill(i, try box.eval(caller)) }
    }

    func values(_ caller: Frame) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(evals.count)
        for box in evals { values.append(try box.eval(caller)) }
        return values
    }
}

/// A compiled call with plain positional arguments (see `Compiler.directCall`): what it
/// calls, its arguments and its position, in one object so that the call's closure captures
/// a single reference (a large closure context is copied into arguments on every call).
final class DirectCall<A: PositionalArguments> {
    /// The global the callee is read from, when it is a global name.
    let slot: GlobalSlot?
    /// Evaluates the callee (for a global: when it holds no user function).
    let callee: Eval
    let arguments: A
    let interpreter: Interpreter
    let counters: UnsafeMutablePointer<Int>
    let site: ErrorSite

    init(slot: GlobalSlot?, callee: @escaping Eval, _ arguments: A, _ interpreter: Interpreter, _ site: ErrorSite) {
        self.slot = slot
        self.callee = callee
        self.arguments = arguments
        self.interpreter = interpreter
        counters = interpreter.meter.counters
        self.site = site
    }

    /// Calls the function in the global slot. It is read without being retained: nothing
    /// touches it once the arguments are being evaluated (they may rebind the global and
    /// free it), and its code lives as long as the session (see `Interpreter.compiledBlocks`).
    @inline(__always) func callGlobal(_ frame: Frame) throws -> Value {
        if let user = slot?.function { return try call(user, frame) }
        return try call(try callee(frame), frame)
    }

    /// Calls the value of the callee expression.
    @inline(__always) func call(_ frame: Frame) throws -> Value {
        try call(try callee(frame), frame)
    }

    /// Calls any callable value.
    @inline(__always) func call(_ value: Value, _ frame: Frame) throws -> Value {
        if case .function(let user) = value {
            return try withExtendedLifetime(user) { try call(Unmanaged.passUnretained(user), frame) }
        }
        return try callGenerally(value, arguments.values(frame))
    }

    /// Calls a user function, which the caller keeps alive until the arguments are evaluated.
    /// When it takes exactly these positional arguments (perhaps with defaults after them),
    /// they are evaluated straight into the slots of a frame taken from the function's pool;
    /// otherwise the general binding of `Interpreter.call` runs.
    ///
    /// The function and its code are used through `Unmanaged`, without reference counting,
    /// each use in a closure small enough to be inlined, so that the whole call is compiled
    /// into the call's closure.
    @inline(__always) func call(_ user: Unmanaged<UserFunction>, _ caller: Frame) throws -> Value {
        let code = user._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
        let count = arguments.count
        let (direct, positionalCount) = code._withUnsafeGuaranteedRef { ($0.simple, $0.positionalCount) }
        guard direct && count <= positionalCount else {
            return try callGenerally(user._withUnsafeGuaranteedRef { .function($0) }, arguments.values(caller))
        }
        let (pool, poolable) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable) }
        let callee = pool.take() ?? user._withUnsafeGuaranteedRef { interpreter.makeFrame($0) }
        if count < positionalCount {
            do {
                try user._withUnsafeGuaranteedRef { try $0.fillDefaults(callee, from: count) }
            } catch {
                throw site.locate(error)
            }
        }
        try arguments.bind(caller, into: callee)
        do {
            let result = try interpreter.invoke(code, callee, counters)
            // Frames never escape a call (closures capture cells, not frames).
            if poolable { pool.put(callee) }
            return result
        } catch {
            throw site.locate(error)
        }
    }

    /// A call of anything but a user function taking plain positional arguments.
    @inline(never)
    func callGenerally(_ value: Value, _ values: [Value]) throws -> Value {
        do {
            return try interpreter.call(value, Arguments(values))
        } catch {
            throw site.locate(error)
        }
    }
}
