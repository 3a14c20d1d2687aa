import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles the arguments of a call into a closure that builds `Arguments`.
    func argumentBuilder(_ arguments: [Argument]) -> (Frame) throws -> Arguments {
        let positional = arguments.filter { $0.name == nil }
        let build = sequenceBuilder(positional.map { $0.star ? Expr(.starred($0.value), $0.value.range) : $0.value })
        let keywords = arguments.compactMap { argument in argument.name.map { ($0, EvalBox(expression(argument.value))) } }
        if keywords.isEmpty {
            return { frame in Arguments(try build(frame)) }
        }
        return { frame in
            let values = try build(frame)
            var named: [(name: String, value: Value)] = []
            named.reserveCapacity(keywords.count)
            for (name, box) in keywords { named.append((name, try box.eval(frame))) }
            return Arguments(values, keywords: named)
        }
    }

    /// Compiles a call; `obj.name(…)` becomes a method call without a bound-method object,
    /// and a call of a user function with plain positional arguments binds them straight
    /// into the new frame's slots.
    func call(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange) -> Eval {
        let block = self.block
        let interpreter = self.interpreter
        let build = argumentBuilder(arguments)
        if case .attribute(let object, let name, _) = callee.kind {
            let target = expression(object)
            return { frame in
                let receiver = try target(frame)
                let args = try build(frame)
                do {
                    return try interpreter.callMethod(receiver, name, args)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        let function = expression(callee)
        let simple = arguments.allSatisfy { $0.name == nil && !$0.star }
        guard simple else {
            return { frame in
                let value = try function(frame)
                let args = try build(frame)
                do {
                    return try interpreter.call(value, args)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        let evals = arguments.map { EvalBox(expression($0.value)) }
        let count = evals.count
        // Parameters of a simple function occupy slots 0..<n, so arguments go straight there.
        let bind: (Frame, Frame) throws -> Void
        switch count {
        case 0: bind = { _, _ in }
        case 1:
            let a = evals[0].eval
            bind = { caller, callee in callee.store(0, try a(caller)) }
        case 2:
            let a = evals[0].eval
            let b = evals[1].eval
            bind = { caller, callee in
                callee.store(0, try a(caller))
                callee.store(1, try b(caller))
            }
        case 3:
            let a = evals[0].eval
            let b = evals[1].eval
            let c = evals[2].eval
            bind = { caller, callee in
                callee.store(0, try a(caller))
                callee.store(1, try b(caller))
                callee.store(2, try c(caller))
            }
        default:
            bind = { caller, callee in
                for i in 0..<count { callee.store(i, try evals[i].eval(caller)) }
            }
        }
        @inline(__always) func perform(_ value: Value, _ frame: Frame) throws -> Value {
            if case .function(let user) = value, user.code.simple, count <= user.code.positionalCount {
                // `user` is held for the whole call and never changes its code, so the code is
                // used without reference counting.
                let code = Unmanaged.passUnretained(user.code)
                let (pool, poolable) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable) }
                let callee = pool.take() ?? interpreter.makeFrame(user)
                do {
                    if count < user.code.positionalCount { try user.fillDefaults(callee, from: count) }
                } catch let error as RuntimeError {
                    throw error.located(range, in: block)
                }
                try bind(frame, callee)
                do {
                    let result = try code._withUnsafeGuaranteedRef { try interpreter.invoke($0, callee) }
                    // Frames never escape a call (closures capture cells, not frames).
                    if poolable { pool.put(callee) }
                    return result
                } catch let error as RuntimeError {
                    throw error.located(range, in: block)
                }
            }
            return try Compiler.callGenerally(value, evals, frame, interpreter, range, block)
        }
        // A call of a global user function reads it from its slot without retaining it.
        // Nothing below touches `user` after the call starts running the body (which may
        // rebind the global and free the function); the code itself lives as long as the
        // session (see `Interpreter.compiledBlocks`).
        @inline(__always) func performUser(_ user: UserFunction, _ frame: Frame) throws -> Value {
            guard user.code.simple, count <= user.code.positionalCount else {
                return try perform(.function(user), frame)
            }
            // Everything taken from `user` is taken before the arguments are evaluated: they
            // may rebind the global and free the function value.
            let code = Unmanaged.passUnretained(user.code)
            let (pool, poolable) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable) }
            let callee = pool.take() ?? interpreter.makeFrame(user)
            do {
                if count < user.code.positionalCount { try user.fillDefaults(callee, from: count) }
            } catch let error as RuntimeError {
                throw error.located(range, in: block)
            }
            try bind(frame, callee)
            do {
                let result = try code._withUnsafeGuaranteedRef { try interpreter.invoke($0, callee) }
                if poolable { pool.put(callee) }
                return result
            } catch let error as RuntimeError {
                throw error.located(range, in: block)
            }
        }
        if case .name(let name) = callee.kind, case .global(let slot) = resolve(name) {
            return { frame in
                if let user = slot.function {
                    return try user._withUnsafeGuaranteedRef { try performUser($0, frame) }
                }
                guard let value = slot.value else { return try function(frame) }
                return try perform(value, frame)
            }
        }
        return { frame in try perform(try function(frame), frame) }
    }

    /// A call of anything but a simple user function: collects the arguments and dispatches.
    @inline(never)
    static func callGenerally(_ value: Value, _ evals: [EvalBox], _ frame: Frame, _ interpreter: Interpreter,
                              _ range: SourceRange, _ block: BlockInfo) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(evals.count)
        for box in evals { values.append(try box.eval(frame)) }
        do {
            return try interpreter.call(value, Arguments(values))
        } catch let error as RuntimeError {
            throw error.located(range, in: block)
        }
    }
}
