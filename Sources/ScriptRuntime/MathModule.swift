import Foundation

/// Python's `math` module: the constants, the float functions with Python's domain and range
/// errors (`math domain error`, `math range error`), `floor`/`ceil`/`trunc` giving ints, and
/// the integer functions (`factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt`) on 64-bit ints.
/// A one-element tensor counts as a number, as Python's `float(t)` does.
enum MathModule {
    static func build(_ math: Namespace) {
        for (name, value) in [("pi", Double.pi), ("e", M_E), ("tau", 2 * Double.pi), ("inf", .infinity), ("nan", .nan)] {
            math.value(name, .float(value))
        }
        let unary: [(String, (Double) -> Double, (Double) -> Bool)] = [
            ("sqrt", { $0.squareRoot() }, { $0 >= 0 }), ("exp", Foundation.exp, { _ in true }),
            ("log2", Foundation.log2, { $0 > 0 }), ("log10", Foundation.log10, { $0 > 0 }),
            ("sin", Foundation.sin, { !$0.isInfinite }), ("cos", Foundation.cos, { !$0.isInfinite }),
            ("tan", Foundation.tan, { !$0.isInfinite }), ("asin", Foundation.asin, { abs($0) <= 1 }),
            ("acos", Foundation.acos, { abs($0) <= 1 }), ("atan", Foundation.atan, { _ in true }),
            ("sinh", Foundation.sinh, { _ in true }), ("cosh", Foundation.cosh, { _ in true }),
            ("tanh", Foundation.tanh, { _ in true }), ("asinh", Foundation.asinh, { _ in true }),
            ("acosh", Foundation.acosh, { $0 >= 1 }), ("atanh", Foundation.atanh, { abs($0) < 1 }),
            ("fabs", { abs($0) }, { _ in true }), ("degrees", { $0 * 180 / .pi }, { _ in true }),
            ("radians", { $0 * .pi / 180 }, { _ in true }), ("expm1", Foundation.expm1, { _ in true }),
            ("log1p", Foundation.log1p, { $0 > -1 }),
        ]
        for (name, function, domain) in unary {
            math.function(name, Signature(name, ["x"])) { args, interpreter in
                let x = try number(args.value("x"), interpreter)
                return .float(try checked(function(x), x, domain(x) || x.isNaN))
            }
        }
        math.function("log", Signature("log", ["x", "base"], required: 1)) { args, interpreter in
            let x = try number(args.value("x"), interpreter)
            let value = try checked(Foundation.log(x), x, x > 0 || x.isNaN)
            guard let base = args["base"] else { return .float(value) }
            let b = try number(base, interpreter)
            let divisor = try checked(Foundation.log(b), b, b > 0 || b.isNaN)
            if divisor == 0 { throw RuntimeError.zeroDivision("float division by zero") }
            return .float(value / divisor)
        }
        let binary: [(String, (Double, Double) -> Double)] = [
            ("atan2", Foundation.atan2), ("copysign", Foundation.copysign), ("fmod", Foundation.fmod), ("pow", Foundation.pow),
        ]
        for (name, function) in binary {
            math.function(name, Signature(name, ["x", "y"])) { args, interpreter in
                let x = try number(args.value("x"), interpreter)
                let y = try number(args.value("y"), interpreter)
                let result = function(x, y)
                if result.isNaN && !x.isNaN && !y.isNaN { throw RuntimeError.value("math domain error") }
                if name == "pow" && x == 0 && y < 0 { throw RuntimeError.value("math domain error") }
                if name == "fmod" && x.isInfinite && !y.isNaN { throw RuntimeError.value("math domain error") }
                if result.isInfinite && x.isFinite && y.isFinite && name != "fmod" {
                    throw RuntimeError("math range error", id: "overflow")
                }
                return .float(result)
            }
        }
        for name in ["floor", "ceil", "trunc"] {
            math.function(name, Signature(name, ["x"])) { args, interpreter in
                let value = args.value("x")
                if case .int = value.intLike { return value.intLike }
                let x = try number(value, interpreter)
                let rounded = name == "floor" ? x.rounded(.down) : name == "ceil" ? x.rounded(.up) : x.rounded(.towardZero)
                return try integral(rounded)
            }
        }
        for name in ["isnan", "isinf", "isfinite"] {
            math.function(name, Signature(name, ["x"])) { args, interpreter in
                let x = try number(args.value("x"), interpreter)
                return .bool(name == "isnan" ? x.isNaN : name == "isinf" ? x.isInfinite : x.isFinite)
            }
        }
        math.function("hypot", Signature("hypot", variadic: true)) { args, interpreter in
            .float(try args.rest.map { try number($0, interpreter) }.reduce(0) { Foundation.hypot($0, $1) })
        }
        math.function("dist", Signature("dist", ["p", "q"])) { args, interpreter in
            let p = try interpreter.collect(args.value("p")).map { try number($0, interpreter) }
            let q = try interpreter.collect(args.value("q")).map { try number($0, interpreter) }
            guard p.count == q.count else { throw RuntimeError.value("both points must have the same number of dimensions") }
            return .float(zip(p, q).reduce(0) { Foundation.hypot($0, $1.0 - $1.1) })
        }
        math.function("isclose", Signature("isclose", ["a", "b"], keywordOnly: ["rel_tol", "abs_tol"])) { args, interpreter in
            let a = try number(args.value("a"), interpreter)
            let b = try number(args.value("b"), interpreter)
            let relative = try args.double("rel_tol", 1e-9)
            let absolute = try args.double("abs_tol", 0)
            if relative < 0 || absolute < 0 { throw RuntimeError.value("tolerances must be non-negative") }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let difference = abs(b - a)
            return .bool(difference <= abs(relative * b) || difference <= abs(relative * a) || difference <= absolute)
        }
        math.function("fsum", Signature("fsum", ["seq"])) { args, interpreter in
            .float(try exactSum(try interpreter.collect(args.value("seq")).map { try number($0, interpreter) }))
        }
        math.function("prod", Signature("prod", ["iterable"], keywordOnly: ["start"])) { args, interpreter in
            var product = args.value("start", .int(1))
            try interpreter.forEach(args.value("iterable")) { item in
                product = try Arithmetic.binary(.multiply, product, item)
                return true
            }
            return product
        }
        MathIntegers.build(math)
    }

    /// A number argument as a Double (ints, bools, floats, one-element tensors).
    static func number(_ value: Value, _ interpreter: Interpreter) throws -> Double {
        switch value {
        case .int, .float, .bool: return try value.asDouble("math argument")
        case .native: return try Conversions.toFloat(value, interpreter).asDouble("math argument")
        default: throw RuntimeError.type("must be real number, not \(value.typeName)")
        }
    }

    /// `result`, or Python's domain error (outside the function's domain) or range error
    /// (an infinite result from a finite argument).
    static func checked(_ result: Double, _ x: Double, _ inDomain: Bool) throws -> Double {
        if !inDomain { throw RuntimeError.value("math domain error") }
        if result.isInfinite && x.isFinite { throw RuntimeError("math range error", id: "overflow") }
        return result
    }

    /// A float known to be integral, as an int.
    static func integral(_ x: Double) throws -> Value {
        if x.isNaN { throw RuntimeError.value("cannot convert float NaN to integer") }
        if x.isInfinite { throw RuntimeError("cannot convert float infinity to integer", id: "overflow") }
        guard abs(x) < 9.2e18 else { throw RuntimeError.overflow("math", hint: nil) }
        return .int(Int(x))
    }

    /// The correctly rounded sum of floats (Shewchuk's exact partial sums, as `math.fsum`).
    static func exactSum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var special = 0.0
        for var x in values {
            if !x.isFinite {
                special += x
                continue
            }
            var kept = 0
            for var y in partials {
                if abs(x) < abs(y) { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        if special != 0 || special.isNaN {
            if special.isNaN && !values.contains(where: \.isNaN) { throw RuntimeError.value("-inf + inf in fsum") }
            return special
        }
        var total = partials.popLast() ?? 0
        while let y = partials.popLast() {
            let x = total
            total = x + y
            let low = y - (total - x)
            if low != 0 {
                if let next = partials.last, (low < 0) == (next < 0), next != 0 {
                    let doubled = low * 2
                    let candidate = total + doubled
                    if doubled == candidate - total { total = candidate }
                }
                break
            }
        }
        if total.isInfinite { throw RuntimeError("intermediate overflow in fsum", id: "overflow") }
        return total
    }
}
