import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles a binary operation with an inline fast path for ints and floats.
    /// The local slot a plain name reads, if it is a local variable.
    func localSlot(_ e: Expr) -> Int? {
        guard case .name(let name) = e.kind, case .local(let slot) = resolve(name) else { return nil }
        return slot
    }

    /// The global slot a plain name reads, if it is a global variable.
    func globalSlot(_ e: Expr) -> GlobalSlot? {
        guard case .name(let name) = e.kind, case .global(let slot) = resolve(name) else { return nil }
        return slot
    }

    /// An int literal's value.
    func intConstant(_ e: Expr) -> Int? {
        if case .int(let k) = e.kind { return k }
        return nil
    }

    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Eval {
        let a = expression(left)
        let b = expression(right)
        // `n - 1`, `i + 1`: a local and an int literal, with no closure calls for the operands.
        if op == .add || op == .subtract, let slot = localSlot(left), let k = intConstant(right) {
            let general = binaryGeneral(op, a, b, range)
            let add = op == .add
            return { frame in
                if case .int(let x)? = frame.load(slot) {
                    let (r, o) = add ? x.addingReportingOverflow(k) : x.subtractingReportingOverflow(k)
                    if !o { return .int(r) }
                }
                return try general(frame)
            }
        }
        if op == .add || op == .subtract, let slot = globalSlot(left), let k = intConstant(right) {
            let general = binaryGeneral(op, a, b, range)
            let add = op == .add
            return { frame in
                if case .int(let x)? = slot.value {
                    let (r, o) = add ? x.addingReportingOverflow(k) : x.subtractingReportingOverflow(k)
                    if !o { return .int(r) }
                }
                return try general(frame)
            }
        }
        return binaryGeneral(op, a, b, range)
    }

    func binaryGeneral(_ op: BinaryOperator, _ a: @escaping Eval, _ b: @escaping Eval, _ range: SourceRange) -> Eval {
        let site = ErrorSite(range, block)
        func fail(_ error: Error) -> Error { site.locate(error) }
        switch op {
        case .add:
            return { frame in
                let x = try a(frame)
                let y = try b(frame)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.addingReportingOverflow(j)
                    if !o { return .int(r) }
                }
                if case .float(let i) = x, case .float(let j) = y { return .float(i + j) }
                do { return try Arithmetic.binary(.add, x, y) } catch { throw fail(error) }
            }
        case .subtract:
            return { frame in
                let x = try a(frame)
                let y = try b(frame)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.subtractingReportingOverflow(j)
                    if !o { return .int(r) }
                }
                if case .float(let i) = x, case .float(let j) = y { return .float(i - j) }
                do { return try Arithmetic.binary(.subtract, x, y) } catch { throw fail(error) }
            }
        case .multiply:
            return { frame in
                let x = try a(frame)
                let y = try b(frame)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.multipliedReportingOverflow(by: j)
                    if !o { return .int(r) }
                }
                if case .float(let i) = x, case .float(let j) = y { return .float(i * j) }
                do { return try Arithmetic.binary(.multiply, x, y) } catch { throw fail(error) }
            }
        case .modulo:
            return { frame in
                let x = try a(frame)
                let y = try b(frame)
                if case .int(let i) = x, case .int(let j) = y, j > 0 {
                    let r = i % j
                    return .int(r < 0 ? r + j : r)
                }
                do { return try Arithmetic.binary(.modulo, x, y) } catch { throw fail(error) }
            }
        default:
            return { frame in
                let x = try a(frame)
                let y = try b(frame)
                do { return try Arithmetic.binary(op, x, y) } catch { throw fail(error) }
            }
        }
    }

    /// Compiles a comparison chain `a < b <= c` (each operand evaluated at most once).
    func comparison(_ first: Expr, _ rest: [(CompareOperator, Expr)], _ range: SourceRange) -> Eval {
        let block = self.block
        let head = expression(first)
        if rest.count == 1 {
            let op = rest[0].0
            let next = expression(rest[0].1)
            return { frame in
                let x = try head(frame)
                let y = try next(frame)
                if case .int(let i) = x, case .int(let j) = y { return .bool(Comparison.ordered(op, i, j)) }
                do {
                    return try Comparison.compare(op, x, y)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        let tail = rest.map { ($0.0, EvalBox(expression($0.1))) }
        return { frame in
            var left = try head(frame)
            var result = Value.bool(true)
            for (op, box) in tail {
                let right = try box.eval(frame)
                do {
                    result = try Comparison.compare(op, left, right)
                    if !(try result.truthy()) { return result }
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
                left = right
            }
            return result
        }
    }
}
