/// Branch-free Float `exp` and `tanh` that the compiler vectorizes (the C library's calls
/// cannot be), accurate to a few units in the last place.
///
/// - `exp`: Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2, a degree-7 Taylor
///   polynomial for e^r (truncation below 1e-8 relative), and 2^n built in the exponent
///   bits. The rounding of x·log2(e) uses the 1.5·2^23 trick, so no float-to-int
///   conversion can trap on NaN; 2^n is applied as two factors so that n = 128 and
///   subnormal results work. Relative error ≤ 4e-7 for normal results (tested); above
///   Float's range +inf, below its subnormals 0; NaN stays NaN.
/// - `tanh`: a degree-13 Taylor polynomial for |x| < 0.5 (relative error ≤ 1e-7) and
///   1 − 2/(e^{2|x|} + 1) above, with the sign restored; absolute error ≤ 2e-7.
public enum FastMath {
    /// e^x, vectorizable (relative error ≤ 4e-7).
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -104), 88.75)
        let shifted = clamped * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        let bits = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let half = bits >> 1
        let scaleA = Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
        let scaleB = Float(bitPattern: UInt32(bitPattern: (bits &- half &+ 127) &<< 23))
        let value = p * scaleA * scaleB
        if x > 88.722_84 { return .infinity }
        if x < -103.97 { return 0 }
        return value
    }

    /// tanh(x), vectorizable (absolute error ≤ 2e-7).
    @inlinable @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let x2 = x * x
        var p: Float = 21844.0 / 6_081_075
        p = p * x2 - 1382.0 / 155_925
        p = p * x2 + 62.0 / 2835
        p = p * x2 - 17.0 / 315
        p = p * x2 + 2.0 / 15
        p = p * x2 - 1.0 / 3
        let small = x + x * x2 * p
        let large = 1 - 2 / (exp(2 * a) + 1)
        let signed = x < 0 ? -large : large
        return a < 0.5 ? small : signed
    }

    /// 1 / (1 + e^−x), through `exp`.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
