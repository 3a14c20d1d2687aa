import Diagnostics
import ScriptSyntax

extension Compiler {
    func loopBody(_ body: [Stmt]) -> Exec {
        scope.loopDepth += 1
        defer { scope.loopDepth -= 1 }
        return sequence(body)
    }

    /// Compiles `for target in iterable: body [else: otherwise]`, with a fast path for `range`.
    func forLoop(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ otherwise: [Stmt], _ range: SourceRange) -> Exec {
        let source = expression(iterable)
        let assign = assigner(target)
        let run = loopBody(body)
        let after = sequence(otherwise)
        let hasElse = !otherwise.isEmpty
        let interpreter = self.interpreter
        let block = self.block
        let meter = self.meter
        // A plain name target over a range takes the fast path (no optional closure: an
        // optional stores its closure at maximal abstraction, behind thunks).
        var isName = false
        var nameStore: (Frame, Value) -> Void = { _, _ in }
        if case .name(let name) = target.kind {
            isName = true
            nameStore = store(name)
        }
        let fastStore = nameStore  // a `let`: a captured `var` would be boxed and retained per call
        return { frame in
            try meter.tick(at: range, in: block)
            let sequence = try source(frame)
            var result = Flow.normal
            var broke = false
            if isName, case .native(let object) = sequence, let numbers = object as? RangeObject {
                var i = numbers.start
                let stop = numbers.stop
                let step = numbers.step
                while step > 0 ? i < stop : i > stop {
                    fastStore(frame, .int(i))
                    let flow = try run(frame)
                    if flow == .breakLoop { broke = true; break }
                    if flow == .returned { return .returned }
                    let (next, overflow) = i.addingReportingOverflow(step)
                    if overflow { break }
                    i = next
                }
            } else {
                do {
                    try interpreter.forEach(sequence) { value in
                        try assign(frame, value)
                        let flow = try run(frame)
                        if flow == .breakLoop {
                            broke = true
                            return false
                        }
                        if flow == .returned {
                            result = .returned
                            return false
                        }
                        return true
                    }
                } catch var error as RuntimeError {
                    error.locate(iterable.range, in: block)
                    throw error
                }
                if result == .returned { return .returned }
            }
            if hasElse && !broke { return try after(frame) }
            return .normal
        }
    }

    func whileLoop(_ test: Expr, _ body: [Stmt], _ otherwise: [Stmt], _ range: SourceRange) -> Exec {
        let c = self.test(test)
        let run = loopBody(body)
        let after = sequence(otherwise)
        let counters = self.counters
        return { frame in
            while true {
                counters[0] &+= 1
                if counters[0] >= counters[1] { try self.checkBudget(range) }
                if !(try c.test(frame)) { break }
                let flow = try run(frame)
                if flow == .breakLoop { return .normal }
                if flow == .returned { return .returned }
            }
            return try after(frame)
        }
    }

    /// Compiles `with context [as name]: body`; the context's `exit` runs even on errors.
    func withStatement(_ context: Expr, _ name: Expr?, _ body: [Stmt], _ range: SourceRange) -> Exec {
        let eval = expression(context)
        let assign = name.map(assigner)
        let run = sequence(body)
        let interpreter = self.interpreter
        let block = self.block
        return { frame in
            let manager = try eval(frame)
            let entered: Value
            do {
                entered = try interpreter.enter(manager)
            } catch var error as RuntimeError {
                error.locate(context.range, in: block)
                throw error
            }
            do {
                try assign?(frame, entered)
                let flow = try run(frame)
                try interpreter.exit(manager)
                return flow
            } catch {
                try? interpreter.exit(manager)
                throw error
            }
        }
    }
}
