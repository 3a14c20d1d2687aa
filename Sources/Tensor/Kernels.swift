import Foundation

/// An elementwise function of two Floats, specialized into the loops at compile time so
/// the inner loops have no dynamic dispatch.
protocol BinaryKernel {
    static func apply(_ a: Float, _ b: Float) -> Float
}

/// An elementwise function of one Float, specialized like `BinaryKernel`.
protocol UnaryKernel {
    static func apply(_ x: Float) -> Float
}

enum AddKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b } }
enum SubKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b } }
enum MulKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b } }
enum DivKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b } }
enum PowKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float {
        b == 2 ? a * a : Foundation.pow(a, b)
    }
}
enum FloorDivKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { (a / b).rounded(.down) }
}
enum RemainderKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b * (a / b).rounded(.down) }
}
/// `maximum`/`minimum` propagate NaN, as PyTorch's do.
enum MaximumKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
}
enum MinimumKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
}
enum EqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a == b ? 1 : 0 } }
enum NotEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != b ? 1 : 0 } }
enum LessKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b ? 1 : 0 } }
enum LessEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? 1 : 0 } }
enum GreaterKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b ? 1 : 0 } }
enum GreaterEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? 1 : 0 } }
enum AndKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != 0 && b != 0 ? 1 : 0 } }
enum OrKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != 0 || b != 0 ? 1 : 0 } }

/// Bitwise kernels read their operands as the whole numbers they store (int64 or bool).
enum BitAndKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Float(DType.integer(a) & DType.integer(b)) }
}
enum BitOrKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Float(DType.integer(a) | DType.integer(b)) }
}
enum BitXorKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Float(DType.integer(a) ^ DType.integer(b)) }
}
enum LeftShiftKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float {
        let count = DType.integer(b)
        guard count >= 0, count < Int.bitWidth else { return 0 }
        return Float(DType.integer(a) &<< count)
    }
}
enum RightShiftKernel: BinaryKernel {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float {
        let count = DType.integer(b)
        return Float(DType.integer(a) >> (count >= 0 && count < Int.bitWidth ? count : Int.bitWidth - 1))
    }
}

enum NegKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { -x } }
enum AbsKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { Swift.abs(x) } }
enum ReluKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x > 0 ? x : 0 } }
enum ExpKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { FastMath.exp(x) } }
enum LogKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { Foundation.log(x) } }
enum SqrtKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.squareRoot() } }
enum TanhKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { FastMath.tanh(x) } }
enum SigmoidKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { FastMath.sigmoid(x) } }
enum SignKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) } }
enum BitNotKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { Float(~DType.integer(x)) } }
enum NotKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x == 0 ? 1 : 0 } }
enum StepKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x > 0 ? 1 : 0 } }
enum FloorKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.rounded(.down) } }
enum TruncKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.rounded(.towardZero) } }
enum RoundKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.rounded(.toNearestOrEven) } }

/// The loops that apply kernels to raw buffers.
enum Loops {
    /// `out[i] = K(x[i])` for `n` elements.
    @inline(__always)
    static func unary<K: UnaryKernel>(_: K.Type, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { out[i] = K.apply(x[i]) }
    }

    /// `out[i] = K(a[i * sa], b[i * sb])` for `n` elements, with fast paths for the
    /// contiguous and scalar-operand cases (strides 0 or 1), which vectorize.
    @inline(__always)
    static func binary<K: BinaryKernel>(
        _: K.Type, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int,
        _ out: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        if sa == 1 && sb == 1 {
            for i in 0..<n { out[i] = K.apply(a[i], b[i]) }
        } else if sa == 1 && sb == 0 {
            let y = b[0]
            for i in 0..<n { out[i] = K.apply(a[i], y) }
        } else if sa == 0 && sb == 1 {
            let x = a[0]
            for i in 0..<n { out[i] = K.apply(x, b[i]) }
        } else {
            for i in 0..<n { out[i] = K.apply(a[i &* sa], b[i &* sb]) }
        }
    }

    /// The sum of `n` contiguous elements, in eight interleaved partial sums (vectorizable,
    /// and more accurate than one running sum).
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            acc += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = acc.sum()
        while i < n {
            total += p[i]
            i += 1
        }
        return total
    }

    /// The largest of `n` contiguous elements (`-inf` when empty; NaN if any is NaN).
    @inline(__always)
    static func max(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var best = -Float.infinity
        for i in 0..<n {
            let v = p[i]
            if v.isNaN { return v }
            best = v > best ? v : best
        }
        return best
    }
}
