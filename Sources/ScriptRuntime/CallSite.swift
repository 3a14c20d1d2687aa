import Diagnostics

/// The plain positional arguments of a call site. One type per small arity, so that a call
/// site compiled generically over it (see `Compiler.directCall`) reads its arguments inline
/// (see `Operand`) and needs no array.
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

struct OneArgument: PositionalArguments {
    let first: Operand

    init(_ first: Operand) {
        self.first = first
    }

    var count: Int { 1 }

    @inline(__always) func bind(_ caller: Frame, into callee: Frame) throws {
        callee.fill(0, try first.value(caller))
    }

    func values(_ caller: Frame) throws -> [Value] { [try first.value(caller)] }
}

struct TwoArguments: PositionalArguments {
    let first: Operand
    let second: Operand

    init(_ first: Operand, _ second: Operand) {
        self.first = first
        self.second = second
    }

    var count: Int { 2 }

    @inline(__always) func bind(_ caller: Frame, into callee: Frame) throws {
        callee.fill(0, try first.value(caller))
        callee.fill(1, try second.value(caller))
    }

    func values(_ caller: Frame) throws -> [Value] {
        let a = try first.value(caller)
        return [a, try second.value(caller)]
    }
}

struct ThreeArguments: PositionalArguments {
    let first: Operand
    let second: Operand
    let third: Operand

    init(_ first: Operand, _ second: Operand, _ third: Operand) {
        self.first = first
        self.second = second
        self.third = third
    }

    var count: Int { 3 }

    @inline(__always) func bind(_ caller: Frame, into callee: Frame) throws {
        callee.fill(0, try first.value(caller))
        callee.fill(1, try second.value(caller))
        callee.fill(2, try third.value(caller))
    }

    func values(_ caller: Frame) throws -> [Value] {
        let a = try first.value(caller)
        let b = try second.value(caller)
        return [a, b, try third.value(caller)]
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

/// What a compiled call needs at run time besides its arguments: the interpreter and the
/// call's position, in one object so the call's closure captures a single reference.
final class CallSite {
    let interpreter: Interpreter
    let counters: UnsafeMutablePointer<Int>
    let site: ErrorSite

    init(_ interpreter: Interpreter, _ range: SourceRange, _ block: BlockInfo) {
        self.interpreter = interpreter
        counters = interpreter.meter.counters
        site = ErrorSite(range, block)
    }

    /// Calls any callable value with positional arguments.
    @inline(__always)
    func call<A: PositionalArguments>(_ value: Value, _ arguments: A, _ caller: Frame) throws -> Value {
        if case .function(let user) = value { return try call(user, arguments, caller) }
        return try callGenerally(value, arguments.values(caller))
    }

    /// Calls a user function. When it takes exactly these positional arguments (perhaps
    /// with defaults after them), they are evaluated straight into the slots of a frame
    /// taken from the function's pool; otherwise the general binding of `Interpreter.call`
    /// runs. Everything needed from `user` is read before the arguments are evaluated, as
    /// `user` may be unretained (see `Compiler.directCall`).
    @inline(__always)
    func call<A: PositionalArguments>(_ user: UserFunction, _ arguments: A, _ caller: Frame) throws -> Value {
        let code = Unmanaged.passUnretained(user.code)
        let direct = code._withUnsafeGuaranteedRef { $0.simple && arguments.count <= $0.positionalCount }
        guard direct else { return try callGenerally(.function(user), arguments.values(caller)) }
        let (pool, poolable, positionalCount) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable, $0.positionalCount) }
        let callee = pool.take() ?? interpreter.makeFrame(user)
        if arguments.count < positionalCount {
            do { try user.fillDefaults(callee, from: arguments.count) } catch { throw site.locate(error) }
        }
        try arguments.bind(caller, into: callee)
        do {
            let result = try code._withUnsafeGuaranteedRef { try interpreter.invoke($0, callee, counters) }
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
