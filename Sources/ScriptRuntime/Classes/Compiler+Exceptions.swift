import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles `try` / `except` / `else` / `finally` with Python's order: a handler catches
    /// errors of the body only; `else` runs when the body raised nothing; `finally` always
    /// runs, and a `return`, `break` or `continue` in it replaces what was pending.
    func tryStatement(_ body: [Stmt], _ handlers: [ExceptHandler], _ otherwise: [Stmt], _ final: [Stmt],
                      _ range: SourceRange) -> Exec {
        let interpreter = self.interpreter
        let block = self.block
        let bodyExec = sequence(body)
        let compiledHandlers = handlers.map { handler in
            CompiledHandler(type: handler.type.map(expression), typeRange: handler.type?.range ?? handler.range,
                            bind: handler.name.map(store), body: sequence(handler.body))
        }
        let elseExec = otherwise.isEmpty ? nil : sequence(otherwise)
        let finallyExec = final.isEmpty ? nil : sequence(final)
        return { frame in
            var outcome: Result<Flow, Error>
            do {
                outcome = .success(try bodyExec(frame))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let flow):
                if flow == .normal, let elseExec { outcome = Result { try elseExec(frame) } }
            case .failure(let error):
                if let caught = error as? RuntimeError, PythonExceptions.isCatchable(caught) {
                    outcome = Result {
                        try Self.handle(caught, compiledHandlers, frame, interpreter, block)
                    }
                }
            }
            guard let finallyExec else { return try outcome.get() }
            var pendingReturn: Value?
            if case .success(.returned) = outcome { pendingReturn = frame.takeReturnValue() }
            let finalFlow = try finallyExec(frame)
            if finalFlow != .normal { return finalFlow }
            if let pendingReturn { frame.leaveReturnValue(pendingReturn) }
            return try outcome.get()
        }
    }

    /// Runs the first handler matching `error`, or rethrows it.
    static func handle(_ error: RuntimeError, _ handlers: [CompiledHandler], _ frame: Frame, _ interpreter: Interpreter,
                       _ block: BlockInfo) throws -> Flow {
        var error = error
        for handler in handlers {
            if let type = handler.type {
                let expected = try type(frame)
                let matched: Bool
                do {
                    matched = try PythonExceptions.matches(&error, expected, interpreter)
                } catch var failure as RuntimeError {
                    failure.locate(handler.typeRange, in: block)
                    throw failure
                }
                if !matched { continue }
            }
            if let bind = handler.bind { bind(frame, .native(PythonExceptions.instance(&error, interpreter))) }
            interpreter.handling.append(error)
            defer { interpreter.handling.removeLast() }
            return try handler.body(frame)
        }
        throw error
    }

    /// Compiles `raise`, `raise E`, `raise E("message")`, `raise E from cause`.
    func raiseStatement(_ exception: Expr?, _ cause: Expr?, _ range: SourceRange) -> Exec {
        let interpreter = self.interpreter
        let block = self.block
        let meter = self.meter
        let eval = exception.map(expression)
        let causeEval = cause.map(expression)
        return { frame in
            try meter.tick(at: range, in: block)
            guard let eval else {
                guard let current = interpreter.handling.last else {
                    throw RuntimeError("no active exception to re-raise", id: "runtime-error").located(range, in: block)
                }
                throw current
            }
            let value = try eval(frame)
            _ = try causeEval?(frame)
            do {
                throw try PythonExceptions.raising(value, interpreter)
            } catch var error as RuntimeError {
                error.locate(range, in: block)
                throw error
            }
        }
    }

    /// Compiles `target: annotation = value` (an assignment) or `target: annotation` (nothing).
    func annotated(_ target: Expr, _ value: Expr?, _ range: SourceRange) -> Exec {
        guard let value else {
            let meter = self.meter
            let block = self.block
            return { _ in
                try meter.tick(at: range, in: block)
                return .normal
            }
        }
        return statement(Stmt(.assign(targets: [target], value: value), range))
    }
}

/// A compiled `except` clause.
struct CompiledHandler {
    let type: Eval?
    let typeRange: SourceRange
    let bind: ((Frame, Value) -> Void)?
    let body: Exec
}
