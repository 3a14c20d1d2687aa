import Diagnostics
import ScriptSyntax

/// Compiled statements that the closure running them can run inline: nothing, or a
/// `return` that stores its value straight into the frame; anything else is a closure
/// call. A function's body often ends with `return …`, and its guard clauses are
/// `if …: return …`; running those inline saves a closure call (two calls: the closure and
/// its context forwarder).
enum Step {
    case nothing
    case returning(Operand)
    case exec(Exec)

    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        switch self {
        case .nothing:
            return .normal
        case .returning(let result):
            frame.leaveReturnValue(try result.value(frame))
            return .returned
        case .exec(let exec):
            return try exec(frame)
        }
    }
}

/// A compiled `if` together with the statements after it in its block, in one object so
/// that its closure's context is a single reference (a large context is copied into
/// arguments on every call of the closure).
final class Branch {
    let budget: BudgetSite
    let condition: Condition
    let then: Step
    let otherwise: Step
    let rest: Step

    init(_ budget: BudgetSite, _ condition: Condition, then: Step, otherwise: Step, rest: Step) {
        self.budget = budget
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        self.rest = rest
    }

    /// Counts one operation, runs the branch taken, then the rest unless the branch ended
    /// otherwise than normally.
    @inline(__always) func run(_ frame: Frame) throws -> Flow {
        try budget.count()
        let flow = try condition.test(frame) ? try then.run(frame) : try otherwise.run(frame)
        if flow != .normal { return flow }
        return try rest.run(frame)
    }
}

extension Compiler {
    /// Compiles statements to run in order, stopping at the first that does not finish
    /// normally. Each statement's closure calls the rest of the block; an `if` is compiled
    /// together with the statements after it (see `Branch`).
    func sequence(_ statements: [Stmt]) -> Exec {
        sequence(statements[...])
    }

    func sequence(_ statements: ArraySlice<Stmt>) -> Exec {
        guard let first = statements.first else { return { _ in .normal } }
        let rest = statements.dropFirst()
        if case .if(let condition, let then, let otherwise) = first.kind {
            return ifStatement(condition, then, otherwise, rest: rest, first.range)
        }
        if rest.isEmpty { return statement(first) }
        let head = statement(first)
        let tail = step(rest)
        return { frame in
            let flow = try head(frame)
            if flow != .normal { return flow }
            return try tail.run(frame)
        }
    }

    /// Compiles statements as a `Step`: inline when there are none or they are a single
    /// `return` in a function.
    func step(_ statements: ArraySlice<Stmt>) -> Step {
        guard let first = statements.first else { return .nothing }
        if statements.count == 1, case .return(let value) = first.kind, !scope.isModule, !scope.isClass {
            return .returning(value.map(operand) ?? .constant(.none))
        }
        return .exec(sequence(statements))
    }

    /// Compiles `if condition: then else: otherwise` followed by the statements `rest`.
    func ifStatement(_ condition: Expr, _ then: [Stmt], _ otherwise: [Stmt], rest: ArraySlice<Stmt>,
                     _ range: SourceRange) -> Exec {
        let budget = BudgetSite(meter, range, block)
        let c = test(condition)
        let branch = Branch(budget, c, then: step(then[...]), otherwise: step(otherwise[...]), rest: step(rest))
        return { frame in try branch.run(frame) }
    }
}
