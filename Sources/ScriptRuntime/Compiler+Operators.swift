import Diagnostics
import ScriptSyntax

extension Compiler {
    /// The local slot a plain name reads, if it is a local variable.
    func localSlot(_ e: Expr) -> Int? {
        guard case .name(let name) = e.kind, case .local(let slot) = resolve(name) else { return nil }
        return slot
    }

    /// An int literal's value.
    func intConstant(_ e: Expr) -> Int? {
        if case .int(let k) = e.kind { return k }
        return nil
    }

    /// Compiles a binary operation, with its operands read inline (see `Operand`) and the
    /// arithmetic of two ints or two floats done inline.
    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ range: SourceRange) -> Eval {
        let a = operand(left)
        let b = operand(right)
        let site = ErrorSite(range, block)
        switch op {
        case .add: return arithmetic(Add.self, a, b, site)
        case .subtract: return arithmetic(Subtract.self, a, b, site)
        case .multiply: return arithmetic(Multiply.self, a, b, site)
        case .modulo: return arithmetic(Modulo.self, a, b, site)
        default:
            return { frame in
                let x = try a.value(frame)
                let y = try b.value(frame)
                do { return try Arithmetic.binary(op, x, y) } catch { throw site.locate(error) }
            }
        }
    }

    /// Compiles `a op b` for an operator with inline int and float cases.
    ///
    /// When neither operand is computed, their ints are read in place (see `Operand.int`)
    /// and anything else goes out of line: were the general case inline, the optimizer
    /// would merge the two reads of each operand into one copy of the value.
    func arithmetic<Op: InlineArithmetic>(_: Op.Type, _ a: Operand, _ b: Operand, _ site: ErrorSite) -> Eval {
        if a.isComputed || b.isComputed {
            return { frame in try Compiler.arithmetic(Op.self, try a.value(frame), try b.value(frame), site) }
        }
        return { frame in
            if let i = a.int(frame), let j = b.int(frame), let r = Op.ints(i, j) { return .int(r) }
            return try Compiler.arithmeticGenerally(Op.self, a, b, frame, site)
        }
    }

    @inline(never)
    static func arithmeticGenerally<Op: InlineArithmetic>(_: Op.Type, _ a: Operand, _ b: Operand, _ frame: Frame,
                                                          _ site: ErrorSite) throws -> Value {
        try arithmetic(Op.self, try a.value(frame), try b.value(frame), site)
    }

    @inline(__always)
    static func arithmetic<Op: InlineArithmetic>(_: Op.Type, _ x: Value, _ y: Value, _ site: ErrorSite) throws -> Value {
        if case .int(let i) = x, case .int(let j) = y, let r = Op.ints(i, j) { return .int(r) }
        if case .float(let i) = x, case .float(let j) = y, let r = Op.floats(i, j) { return .float(r) }
        do { return try Arithmetic.binary(Op.operator, x, y) } catch { throw site.locate(error) }
    }

    /// Compiles a comparison chain `a < b <= c` (each operand evaluated at most once).
    func comparison(_ first: Expr, _ rest: [(CompareOperator, Expr)], _ range: SourceRange) -> Eval {
        let block = self.block
        let head = expression(first)
        if rest.count == 1, rest[0].0.isOrdering {
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

/// An operator whose common cases are computed inline; nil sends the operands to
/// `Arithmetic.binary` (overflow, division by zero, mixed types, …).
protocol InlineArithmetic {
    static var `operator`: BinaryOperator { get }
    static func ints(_ a: Int, _ b: Int) -> Int?
    static func floats(_ a: Double, _ b: Double) -> Double?
}

enum Add: InlineArithmetic {
    static var `operator`: BinaryOperator { .add }

    @inline(__always) static func ints(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    @inline(__always) static func floats(_ a: Double, _ b: Double) -> Double? { a + b }
}

enum Subtract: InlineArithmetic {
    static var `operator`: BinaryOperator { .subtract }

    @inline(__always) static func ints(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }

    @inline(__always) static func floats(_ a: Double, _ b: Double) -> Double? { a - b }
}

enum Multiply: InlineArithmetic {
    static var `operator`: BinaryOperator { .multiply }

    @inline(__always) static func ints(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    @inline(__always) static func floats(_ a: Double, _ b: Double) -> Double? { a * b }
}

/// Python's `%` takes the sign of the divisor; only a positive divisor is done inline.
enum Modulo: InlineArithmetic {
    static var `operator`: BinaryOperator { .modulo }

    @inline(__always) static func ints(_ a: Int, _ b: Int) -> Int? {
        guard b > 0 else { return nil }
        let r = a % b
        return r < 0 ? r + b : r
    }

    @inline(__always) static func floats(_ a: Double, _ b: Double) -> Double? { nil }
}
