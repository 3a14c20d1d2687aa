/// The integer functions of `math`: `factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt`.
/// Results that need more than 64 bits are an overflow error (Python would give a big int).
enum MathIntegers {
    static func build(_ math: Namespace) {
        math.function("factorial", Signature("factorial", ["n"])) { args, _ in
            let n = try integer(args.value("n"))
            if n < 0 { throw RuntimeError.value("factorial() not defined for negative values") }
            return .int(try product(1, n, "factorial"))
        }
        math.function("comb", Signature("comb", ["n", "k"])) { args, _ in
            let n = try integer(args.value("n"))
            let k = try integer(args.value("k"))
            try nonNegative(n, k)
            if k > n { return .int(0) }
            let small = Swift.min(k, n - k)
            var result = 1
            for i in 0..<small {
                // result * (n - i) / (i + 1) stays an integer at every step.
                let (wide, overflow) = result.multipliedReportingOverflow(by: n - i)
                if overflow { throw RuntimeError.overflow("comb", hint: nil) }
                result = wide / (i + 1)
            }
            return .int(result)
        }
        math.function("perm", Signature("perm", ["n", "k"], required: 1)) { args, _ in
            let n = try integer(args.value("n"))
            var k = n
            if let given = args["k"], !given.isNone { k = try integer(given) }
            try nonNegative(n, k)
            if k > n { return .int(0) }
            return .int(try product(n - k + 1, n, "perm"))
        }
        for name in ["gcd", "lcm"] {
            math.function(name, Signature(name, variadic: true)) { args, _ in
                var result = name == "gcd" ? 0 : 1
                for value in args.rest {
                    let n = try integer(value)
                    if name == "gcd" {
                        result = try greatestCommonDivisor(result, n)
                    } else if n == 0 || result == 0 {
                        result = 0
                    } else {
                        let (wide, overflow) = (result / (try greatestCommonDivisor(result, n))).multipliedReportingOverflow(by: n)
                        if overflow || wide == Int.min { throw RuntimeError.overflow("lcm", hint: nil) }
                        result = Swift.abs(wide)
                    }
                }
                return .int(result)
            }
        }
        math.function("isqrt", Signature("isqrt", ["n"])) { args, _ in
            let n = try integer(args.value("n"))
            if n < 0 { throw RuntimeError.value("isqrt() argument must be nonnegative") }
            var root = Int(Double(n).squareRoot())
            while root > 0 && root.multipliedReportingOverflow(by: root).overflow || root * root > n { root -= 1 }
            while !(root + 1).multipliedReportingOverflow(by: root + 1).overflow && (root + 1) * (root + 1) <= n { root += 1 }
            return .int(root)
        }
    }

    /// An integer argument; floats are refused as in Python.
    static func integer(_ value: Value) throws -> Int {
        guard case .int(let n) = value.intLike else {
            throw RuntimeError.type("'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return n
    }

    static func nonNegative(_ n: Int, _ k: Int) throws {
        if n < 0 { throw RuntimeError.value("n must be a non-negative integer") }
        if k < 0 { throw RuntimeError.value("k must be a non-negative integer") }
    }

    /// `low * (low + 1) * … * high` (1 when empty), or an overflow error.
    static func product(_ low: Int, _ high: Int, _ name: String) throws -> Int {
        var result = 1
        var i = Swift.max(low, 1)
        while i <= high {
            let (wide, overflow) = result.multipliedReportingOverflow(by: i)
            if overflow { throw RuntimeError.overflow(name, hint: nil) }
            result = wide
            i += 1
        }
        return result
    }

    /// The non-negative gcd (0 when both are 0).
    static func greatestCommonDivisor(_ a: Int, _ b: Int) throws -> Int {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        guard x <= UInt(Int.max) else { throw RuntimeError.overflow("gcd", hint: nil) }
        return Int(x)
    }
}
