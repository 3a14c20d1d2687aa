/// `hash`, `iter`, `next`, `chr`, `ord`, `callable`, and three-argument `pow`.
enum ObjectBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("hash", Signature("hash", ["obj"])) { args, _ in
            .int(try PythonHash.hash(args.value("obj")))
        }
        registry.function("iter", Signature("iter", ["object"])) { args, interpreter in
            .native(try IteratorObject.make(args.value("object"), interpreter))
        }
        registry.function("next", Signature("next", ["iterator", "default"], required: 1)) { args, _ in
            let value = args.value("iterator")
            guard case .native(let iterator as IteratorObject) = value else {
                throw RuntimeError.type("'\(value.typeName)' object is not an iterator")
            }
            if let item = try iterator.next() { return item }
            if let fallback = args["default"] { return fallback }
            throw RuntimeError("StopIteration: the iterator is exhausted (give next() a default to get instead)",
                               id: "stop-iteration")
        }
        registry.function("chr", Signature("chr", ["i"])) { args, _ in
            let code = try args.int("i", 0)
            guard code >= 0, code < 0x110000 else { throw RuntimeError.value("chr() arg not in range(0x110000)") }
            guard let scalar = Unicode.Scalar(UInt32(code)) else {
                throw RuntimeError.value("chr() arg is a surrogate code point, which a str cannot hold here")
            }
            return .str(String(Character(scalar)))
        }
        registry.function("ord", Signature("ord", ["c"])) { args, _ in
            let value = args.value("c")
            guard case .str(let text) = value else {
                throw RuntimeError.type("ord() expected string of length 1, but \(value.typeName) found")
            }
            let scalars = text.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                throw RuntimeError.type("ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalar.value))
        }
        registry.function("callable", Signature("callable", ["obj"])) { args, _ in
            switch args.value("obj") {
            case .function, .builtin: return .bool(true)
            case .native(let object as InstanceObject):
                return .bool(object.defines("__call__") || object.cls.kind == .module)
            case .native(let object): return .bool(object is Callable || object is ClassObject || object is BoundMethod)
            default: return .bool(false)
            }
        }
        registry.function("pow", Signature("pow", ["base", "exp", "mod"], required: 2)) { args, _ in
            guard let modulus = args["mod"], !modulus.isNone else {
                return try Arithmetic.binary(.power, args.value("base"), args.value("exp"))
            }
            guard case .int(let m) = modulus.intLike, case .int(let base) = args.value("base").intLike,
                  case .int(let exponent) = args.value("exp").intLike else {
                throw RuntimeError.type("pow() 3rd argument not allowed unless all arguments are integers")
            }
            return .int(try modularPower(base, exponent, m))
        }
    }

    /// `pow(base, exponent, m)` as Python: a negative exponent takes the modular inverse;
    /// the result has the sign of `m`.
    static func modularPower(_ base: Int, _ exponent: Int, _ m: Int) throws -> Int {
        if m == 0 { throw RuntimeError.value("pow() 3rd argument cannot be 0") }
        if m == Int.min { throw RuntimeError.overflow("pow", hint: nil) }
        let modulus = m.magnitude
        func reduce(_ x: Int) -> UInt { x >= 0 ? x.magnitude % modulus : (modulus - x.magnitude % modulus) % modulus }
        func multiply(_ a: UInt, _ b: UInt) -> UInt { modulus.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder }
        var b = reduce(base)
        if exponent < 0 {
            guard let inverse = inverse(b, modulus) else { throw RuntimeError.value("base is not invertible for the given modulus") }
            b = inverse
        }
        var result: UInt = 1 % modulus
        var e = exponent.magnitude
        while e > 0 {
            if e & 1 == 1 { result = multiply(result, b) }
            b = multiply(b, b)
            e >>= 1
        }
        if m < 0 && result != 0 { return -Int(modulus - result) }
        return Int(result)
    }

    /// The inverse of `a` modulo `m`, if they are coprime (extended Euclid).
    static func inverse(_ a: UInt, _ m: UInt) -> UInt? {
        var (oldR, r) = (Int(a), Int(m))
        var (oldS, s) = (1, 0)
        while r != 0 {
            let q = oldR / r
            (oldR, r) = (r, oldR - q * r)
            (oldS, s) = (s, oldS - q * s)
        }
        guard oldR == 1 else { return nil }
        let reduced = oldS % Int(m)
        return UInt(reduced < 0 ? reduced + Int(m) : reduced)
    }
}

/// A native object that `callable()` reports as callable (a model, a loss, a class, a partial).
protocol Callable: NativeObject {}

extension ModelObject: Callable {}
extension LossObject: Callable {}
extension DatasetObject: Callable {}

extension Value {
    /// Bools as ints (for integer-only arguments); other values unchanged.
    var intLike: Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}
