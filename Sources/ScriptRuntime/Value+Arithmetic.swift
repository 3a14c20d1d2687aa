import Foundation
import ScriptSyntax

/// Python's arithmetic on values. Ints never trap: an overflowing result is an error that
/// says so (Python would switch to big ints; we keep 64-bit ints and say so clearly).
enum Arithmetic {
    @inline(__always)
    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return try integers(op, a, b)
        case (.float(let a), .float(let b)): return try floats(op, a, b)
        case (.int(let a), .float(let b)) where !op.isBitwise: return try floats(op, Double(a), b)
        case (.float(let a), .int(let b)) where !op.isBitwise: return try floats(op, a, Double(b))
        default: return try slowBinary(op, left, right)
        }
    }

    static func integers(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            if o { throw RuntimeError.overflow("+") }
            return .int(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { throw RuntimeError.overflow("-") }
            return .int(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { throw RuntimeError.overflow("*") }
            return .int(r)
        case .divide:
            if b == 0 { throw RuntimeError.zeroDivision("division by zero") }
            return .float(Double(a) / Double(b))
        case .floorDivide:
            if b == 0 { throw RuntimeError.zeroDivision("integer division by zero") }
            if a == Int.min && b == -1 { throw RuntimeError.overflow("//") }
            let q = a / b
            return .int((a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q)
        case .modulo:
            if b == 0 { throw RuntimeError.zeroDivision("integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int(r != 0 && ((r < 0) != (b < 0)) ? r + b : r)
        case .power:
            if b < 0 {
                if a == 0 { throw RuntimeError.zeroDivision("0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(a), Double(b)))
            }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw RuntimeError.overflow("**") }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (s, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw RuntimeError.overflow("**") }
                    base = s
                }
            }
            return .int(result)
        case .matmul:
            throw unsupported(op, .int(a), .int(b))
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .leftShift: return .int(try shiftedLeft(a, b))
        case .rightShift:
            if b < 0 { throw RuntimeError.value("negative shift count") }
            return .int(b >= Int.bitWidth ? (a < 0 ? -1 : 0) : a >> b)
        }
    }

    /// `a << b` as Python computes it, or an overflow error when the result needs more
    /// than 64 bits (Python would make a big int).
    static func shiftedLeft(_ a: Int, _ b: Int) throws -> Int {
        if b < 0 { throw RuntimeError.value("negative shift count") }
        if a == 0 { return 0 }
        guard b < Int.bitWidth else { throw RuntimeError.overflow("<<", hint: nil) }
        let r = a << b
        if r >> b != a { throw RuntimeError.overflow("<<", hint: nil) }
        return r
    }

    static func floats(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Value {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .divide:
            if b == 0 { throw RuntimeError.zeroDivision("float division by zero") }
            return .float(a / b)
        case .floorDivide:
            if b == 0 { throw RuntimeError.zeroDivision("float floor division by zero") }
            return .float((a / b).rounded(.down))
        case .modulo:
            if b == 0 { throw RuntimeError.zeroDivision("float modulo by zero") }
            var r = fmod(a, b)
            if r != 0 && ((r < 0) != (b < 0)) { r += b }
            if r == 0 { r = (b < 0 ? -0.0 : 0.0) }
            return .float(r)
        case .power:
            if a == 0 && b < 0 { throw RuntimeError.zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() {
                throw RuntimeError.value("a negative number cannot be raised to a fractional power")
            }
            return .float(Foundation.pow(a, b))
        case .matmul, .bitAnd, .bitOr, .bitXor, .leftShift, .rightShift:
            throw unsupported(op, .float(a), .float(b))
        }
    }

    static func unsupported(_ op: BinaryOperator, _ left: Value, _ right: Value) -> RuntimeError {
        RuntimeError.type("unsupported operand types for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
    }

    static func slowBinary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        if case .native(let object) = left, let result = try object.binary(op, right, reflected: false) {
            return result
        }
        if case .native(let object) = right, let result = try object.binary(op, left, reflected: true) {
            return result
        }
        switch (op, left, right) {
        case (.bitAnd, .bool(let a), .bool(let b)): return .bool(a && b)
        case (.bitOr, .bool(let a), .bool(let b)): return .bool(a || b)
        case (.bitXor, .bool(let a), .bool(let b)): return .bool(a != b)
        case (_, .bool(let a), _): return try binary(op, .int(a ? 1 : 0), right)
        case (_, _, .bool(let b)): return try binary(op, left, .int(b ? 1 : 0))
        case (.add, .str(let a), .str(let b)):
            try SizeLimit.check(a.utf8.count, plus: b.utf8.count, "the joined string")
            return .str(a + b)
        case (.add, .list(let a), .list(let b)):
            try SizeLimit.check(a.items.count, plus: b.items.count, "the joined list")
            return .list(try ListObject.charged(a.items + b.items, "the joined list"))
        case (.add, .tuple(let a), .tuple(let b)):
            try SizeLimit.check(a.count, plus: b.count, "the joined tuple")
            return .tuple(a + b)
        case (.multiply, .str(let s), .int(let n)), (.multiply, .int(let n), .str(let s)):
            return .str(try repeated(n, s.utf8.count) { String(repeating: s, count: $0) })
        case (.multiply, .list(let l), .int(let n)), (.multiply, .int(let n), .list(let l)):
            // Checked (and charged against the session's memory) before the items are made.
            let times = try repeated(n, l.items.count) { $0 }
            let charge = try MemoryCharge.list(times * l.items.count, "the repeated list")
            let list = ListObject(Array(repeatElement(l.items, count: times).joined()))
            list.charge = charge
            return .list(list)
        case (.multiply, .tuple(let t), .int(let n)), (.multiply, .int(let n), .tuple(let t)):
            return .tuple(try repeated(n, t.count) { Array(repeatElement(t, count: $0).joined()) })
        case (_, .dict(let a), .dict(let b)) where a.flavor.isCounter && b.flavor.isCounter
                && [.add, .subtract, .bitOr, .bitAnd].contains(op):
            return .dict(try CollectionsMethods.combine(op, a, b))
        case (.bitOr, .dict(let a), .dict(let b)):
            let union = DictObject()
            // The result has the left operand's kind, or the right's when only it is a
            // defaultdict or an OrderedDict (their `__ror__`), as in Python.
            union.flavor = a.flavor.isPlain ? b.flavor : a.flavor
            try union.update(from: a)
            try union.update(from: b)
            return .dict(union)
        case (.modulo, .str(let template), _):
            return .str(try StringFormatting.percent(template, right))
        default:
            throw unsupported(op, left, right)
        }
    }

    static func repeated<T>(_ count: Int, _ size: Int, _ make: (Int) -> T) throws -> T {
        let n = Swift.max(0, count)
        if size > 0, n > SizeLimit.maximumItems / size { throw SizeLimit.tooLarge(n.multipliedReportingOverflow(by: size).overflow ? Int.max : n * size, "the repeated sequence") }
        return make(n)
    }

    static func unary(_ op: UnaryOperator, _ value: Value) throws -> Value {
        switch (op, value) {
        case (.not, _): return .bool(!(try value.truthy()))
        case (.negate, .int(let i)):
            if i == Int.min { throw RuntimeError.overflow("-") }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return value
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (_, .native(let object)):
            if let result = try object.unary(op) { return result }
        default: break
        }
        throw RuntimeError.type("bad operand type for unary \(op.rawValue): '\(value.typeName)'")
    }
}
