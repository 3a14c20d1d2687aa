import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles one statement. Each counts one operation against the budget.
    func statement(_ s: Stmt) -> Exec {
        let range = s.range
        let block = self.block
        let meter = self.meter
        let counters = self.counters
        switch s.kind {
        case .expression(let e):
            let eval = expression(e)
            return { frame in
                counters[0] &+= 1
                if counters[0] >= counters[1] { try self.checkBudget(range) }
                _ = try eval(frame)
                return .normal
            }
        case .assign(let targets, let value):
            let eval = expression(value)
            if targets.count == 1, case .name(let name) = targets[0].kind {
                let store = self.store(name)
                return { frame in
                    counters[0] &+= 1
                    if counters[0] >= counters[1] { try self.checkBudget(range) }
                    store(frame, try eval(frame))
                    return .normal
                }
            }
            let assigners = targets.map(assigner)
            return { frame in
                counters[0] &+= 1
                if counters[0] >= counters[1] { try self.checkBudget(range) }
                let result = try eval(frame)
                for assign in assigners { try assign(frame, result) }
                return .normal
            }
        case .augmented(let target, let op, let value):
            return augmented(target, op, value, range)
        case .function(let name, let parameters, let body):
            let make = function(name: name, parameters, body, range)
            let store = self.store(name)
            return { frame in
                try meter.tick(at: range, in: block)
                store(frame, try make(frame))
                return .normal
            }
        case .return(let value):
            if scope.isModule || scope.isClass { issue("'return' outside function", range) }
            let step = Step.returning(value.map(operand) ?? .constant(.none))
            return { frame in try step.run(frame) }
        case .if(let condition, let then, let otherwise):
            return ifStatement(condition, then, otherwise, rest: [], range)
        case .for(let target, let iterable, let body, let otherwise):
            return forLoop(target, iterable, body, otherwise, range)
        case .while(let test, let body, let otherwise):
            return whileLoop(test, body, otherwise, range)
        case .break, .continue:
            let isBreak: Bool
            if case .break = s.kind { isBreak = true } else { isBreak = false }
            if scope.loopDepth == 0 { issue("'\(isBreak ? "break" : "continue")' outside loop", range) }
            let flow: Flow = isBreak ? .breakLoop : .continueLoop
            return { _ in flow }
        case .pass, .global, .nonlocal:
            return { _ in
                try meter.tick(at: range, in: block)
                return .normal
            }
        case .assert(let test, let message):
            let interpreter = self.interpreter
            let c = condition(test)
            let text = message.map(expression)
            return { frame in
                try meter.tick(at: range, in: block)
                if try c(frame) { return .normal }
                var error = RuntimeError("assertion failed", id: "assertion")
                let detail = try text?(frame)
                if let detail { error.message += ": " + detail.str() }
                error.exception = PythonExceptions.payload("AssertionError", arguments: detail.map { [$0] } ?? [], interpreter)
                error.locate(test.range, in: block)
                throw error
            }
        case .with(let context, let name, let body):
            return withStatement(context, name, body, range)
        case .delete(let targets):
            let deleters = targets.map(deleter)
            return { frame in
                try meter.tick(at: range, in: block)
                for delete in deleters { try delete(frame) }
                return .normal
            }
        case .classDef(let name, let bases, let body, let fields):
            let make = classValue(name: name, bases: bases, body: body, fields: fields, range)
            let store = self.store(name)
            return { frame in
                try meter.tick(at: range, in: block)
                store(frame, try make(frame))
                return .normal
            }
        case .decorated(let decorators, let definition):
            return decorated(decorators, definition, range)
        case .try(let body, let handlers, let otherwise, let final):
            return tryStatement(body, handlers, otherwise, final, range)
        case .raise(let exception, let cause):
            return raiseStatement(exception, cause, range)
        case .annotated(let target, _, let value):
            return annotated(target, value, range)
        }
    }

    func checkBudget(_ range: SourceRange) throws {
        do {
            try meter.check()
        } catch var error as RuntimeError {
            error.locate(range, in: block)
            throw error
        }
    }

    /// Shows the value of a block's last bare expression (not `None`).
    func displayStatement(_ e: Expr, _ range: SourceRange) -> Exec {
        let eval = expression(e)
        let interpreter = self.interpreter
        return { frame in
            try self.checkBudget(range)
            let value = try eval(frame)
            if case .native(let object) = value, let output = object.display(interpreter) {
                interpreter.emit(output)
            } else if !value.isNone {
                interpreter.emit(.value(interpreter.display(value)))
            }
            return .normal
        }
    }

    func deleter(_ target: Expr) -> (Frame) throws -> Void {
        let block = self.block
        let interpreter = self.interpreter
        switch target.kind {
        case .name(let name):
            let read = load(name, target.range)
            switch resolve(name) {
            case .local(let slot): return { frame in _ = try read(frame); frame.withUnsafeMutablePointerToElements { $0[slot] = nil } }
            case .cell(let index): return { frame in _ = try read(frame); frame.cell(index).value = nil }
            case .global(let slot): return { frame in _ = try read(frame); slot.value = nil }
            }
        case .subscript(let object, let index):
            let owner = expression(object)
            let key = expression(index)
            return { frame in
                let container = try owner(frame)
                let k = try key(frame)
                do {
                    try interpreter.deleteItem(container, k)
                } catch var error as RuntimeError {
                    error.locate(target.range, in: block)
                    throw error
                }
            }
        case .attribute(let object, let name, let nameRange):
            // `del obj.x`: an instance's own attribute (or a class's, on the class itself).
            let owner = expression(object)
            return { frame in
                let value = try owner(frame)
                do {
                    switch value {
                    case .native(let target as InstanceObject): try target.deleteAttribute(name)
                    case .native(let target as ClassObject) where !target.isBuiltin:
                        if !target.undefine(name) {
                            throw RuntimeError("type object '\(target.name)' has no attribute '\(name)'", id: "attribute-error")
                        }
                    default:
                        throw RuntimeError("cannot delete attribute '\(name)' of a '\(value.typeName)' object",
                                           id: "attribute-error")
                    }
                } catch var error as RuntimeError {
                    error.locate(nameRange, in: block)
                    throw error
                }
            }
        case .tuple(let items), .list(let items):
            let parts = items.map(deleter)
            return { frame in for part in parts { try part(frame) } }
        default:
            issue("cannot delete this expression", target.range, id: "bad-target")
            return { _ in }
        }
    }
}
