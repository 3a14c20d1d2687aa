import Diagnostics
import ScriptSyntax

/// A compiled expression that is read inline when it is a variable or a literal, and is a
/// closure otherwise. Operators, tests and `return` switch on it rather than always calling
/// a closure: the switch costs a predictable branch, a closure call two calls (the closure
/// and its context forwarder), and most operands are plain names and literals.
enum Operand {
    case local(Int, UnboundName)
    case global(GlobalSlot, UnboundName)
    case constant(Value)
    /// `local + k` (or `local - k`, with `-k`): inline when the local holds an int and the
    /// sum does not overflow, else the expression's closure (which says what is wrong).
    case offset(Int, Int, Eval)
    case computed(Eval)

    @inline(__always) func value(_ frame: Frame) throws -> Value {
        switch self {
        case .local(let slot, let failure):
            // An int is rebuilt rather than copied (see `int`).
            if let i = frame.int(slot) { return .int(i) }
            if let value = frame.load(slot) { return value }
            throw failure.error()
        case .global(let slot, let failure):
            if let value = slot.value { return value }
            throw failure.error()
        case .constant(let value):
            return value
        case .offset(let slot, let k, let general):
            if let i = frame.int(slot) {
                let (sum, overflow) = i.addingReportingOverflow(k)
                if !overflow { return .int(sum) }
            }
            return try general(frame)
        case .computed(let eval):
            return try eval(frame)
        }
    }

    /// Whether the operand is read by running its closure (then `int` does not read it).
    var isComputed: Bool {
        if case .computed = self { return true }
        return false
    }

    /// The int a variable, literal or offset holds, read in place: nil for anything else
    /// and for a computed operand, which is not evaluated. Copying a `Value` of unknown case is an
    /// out-of-line call (it may have to retain); looking at an int in place is two loads.
    @inline(__always) func int(_ frame: Frame) -> Int? {
        switch self {
        case .local(let slot, _):
            return frame.int(slot)
        case .global(let slot, _):
            if case .int(let i)? = slot.value { return i }
        case .constant(let value):
            if case .int(let i) = value { return i }
        case .offset(let slot, let k, _):
            if let i = frame.int(slot) {
                let (sum, overflow) = i.addingReportingOverflow(k)
                if !overflow { return sum }
            }
        case .computed:
            break
        }
        return nil
    }
}

/// A compiled test: a comparison of two operands is made inline (see `Operand`), anything
/// else is a closure.
enum Condition {
    /// `left op right` for an ordering or equality operator (not `in`, `is`).
    case compare(Operand, CompareOperator, Operand, ErrorSite)
    case computed((Frame) throws -> Bool)

    @inline(__always) func test(_ frame: Frame) throws -> Bool {
        switch self {
        case .compare(let left, let op, let right, let site):
            if let x = left.int(frame), let y = right.int(frame) { return Comparison.ordered(op, x, y) }
            return try Condition.compareGenerally(left, op, right, frame, site)
        case .computed(let test):
            return try test(frame)
        }
    }

    /// The truth of `left op right` when the operands are not two ints held in place. Out
    /// of line, or the optimizer would merge the reads in place with these copies.
    @inline(never)
    static func compareGenerally(_ left: Operand, _ op: CompareOperator, _ right: Operand, _ frame: Frame,
                                 _ site: ErrorSite) throws -> Bool {
        let a = try left.value(frame)
        let b = try right.value(frame)
        if case .int(let x) = a, case .int(let y) = b { return Comparison.ordered(op, x, y) }
        do {
            return try Comparison.compare(op, a, b).truthy()
        } catch {
            throw site.locate(error)
        }
    }
}

extension Compiler {
    /// Compiles an expression into an operand (a closure only when it is no name or literal).
    func operand(_ e: Expr) -> Operand {
        switch e.kind {
        case .name(let name):
            switch resolve(name) {
            case .local(let slot): return .local(slot, unboundName(name, e.range, local: true))
            case .global(let slot): return .global(slot, unboundName(name, e.range, local: false))
            case .cell: return .computed(load(name, e.range))
            }
        case .int(let i): return .constant(.int(i))
        case .float(let d): return .constant(.float(d))
        case .string(let s): return .constant(.str(s))
        case .bool(let b): return .constant(.bool(b))
        case .none: return .constant(.none)
        case .binary(let op, let left, let right) where op == .add || op == .subtract:
            guard let slot = localSlot(left), let k = intConstant(right), k != .min else { break }
            return .offset(slot, op == .add ? k : -k, expression(e))
        default: break
        }
        return .computed(expression(e))
    }

    /// What to say when the local or global variable `name` has no value.
    func unboundName(_ name: String, _ range: SourceRange, local: Bool) -> UnboundName {
        if local {
            return UnboundName(name, range, block, message: "local variable '\(name)' referenced before assignment")
        }
        return UnboundName(name, range, block, message: nil, known: candidates(), interpreter: interpreter)
    }

    /// Compiles an expression used for its truth value; a single comparison of ints is
    /// made inline by whoever tests it.
    func test(_ e: Expr) -> Condition {
        if case .compare(let first, let rest) = e.kind, rest.count == 1, rest[0].0.isOrdering {
            return .compare(operand(first), rest[0].0, operand(rest[0].1), ErrorSite(e.range, block))
        }
        return .computed(condition(e))
    }
}

extension CompareOperator {
    /// Whether two ints compare with this operator by their order (`==` … `>=`, not `in`, `is`).
    var isOrdering: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        case .contains, .notContains, .identical, .notIdentical: return false
        }
    }
}
