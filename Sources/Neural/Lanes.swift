import CStreamingStores
import Tensor

/// Sixteen floats processed together: the fused kernels' gate math written with explicit
/// vectors, so that it is vectorised whatever the alias analysis makes of a loop body
/// that reads and writes several arrays. AVX-512 does one `Lanes` per instruction, AVX2
/// two, baseline SSE2 four; sixteen rather than eight because two or more independent
/// halves let the CPU overlap the long dependency chains of exp.
typealias Lanes = SIMD16<Float>

/// Integers of `Lanes`' width, for the exponent bits.
typealias IntLanes = SIMD16<Int32>

/// Loads, stores and `FastMath`'s formulas on `Lanes`, lane by lane, so that the fused
/// kernels and the generic autograd path agree to float rounding.
///
/// The math is `@_transparent`: `@inline(__always)` is not enough here, because the
/// optimizer stops inlining into a function once it has many blocks, and each
/// `replace(with:where:)` counts as a loop until LLVM turns it into one blend; a block
/// of the LSTM's gates needs five of these functions, and called rather than inlined
/// they run about twice as slow.
enum LaneMath {
    /// The floats in one `Lanes`.
    static let width = Lanes.scalarCount

    /// Runs `block` on zero-padded copies of the first `count` (< `width`) floats of each
    /// of `rows`, `width` apart in one scratch array, and copies them back after: the
    /// partial last block of a row, for kernels that always read and write whole
    /// `Lanes`. The rows are an `InlineArray`, on the stack: the kernels call this once per batch
    /// row and step, and an `Array` of pointers would cost a heap allocation each time.
    static func partialBlock<let n: Int>(
        _ count: Int, _ rows: InlineArray<n, UnsafeMutablePointer<Float>>, _ block: (UnsafeMutablePointer<Float>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: width * n) { scratch in
            guard let base = scratch.baseAddress else { return }
            base.initialize(repeating: 0, count: width * n)
            for k in 0..<n { (base + width * k).update(from: rows[k], count: count) }
            block(base)
            for k in 0..<n { rows[k].update(from: base + width * k, count: count) }
        }
    }

    /// The `width` floats starting at `p`.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// Writes `v` to the `width` floats starting at `p`.
    @inline(__always)
    static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    /// Writes `v` to the `width` floats starting at `p` (64-byte aligned) with a streaming
    /// store: without reading the cache line first, and without keeping it in the cache.
    /// For what is written once and read back much later; `streamFence()` before another
    /// thread may read it.
    @inline(__always)
    static func streamStore(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        rnnbook_stream_store(p, v)
    }

    /// Orders the streaming stores made so far before the stores that follow.
    @inline(__always)
    static func streamFence() {
        rnnbook_stream_fence()
    }

    /// a · b + c, fused into one instruction where the build targets a CPU that has
    /// FMA (`RNNBOOK_FMA`, set by Package.swift, and every arm64), else two.
    @_transparent
    static func multiplyAdd(_ a: Lanes, _ b: Lanes, _ c: Lanes) -> Lanes {
        #if RNNBOOK_FMA || arch(arm64)
        c.addingProduct(a, b)
        #else
        a * b + c
        #endif
    }

    /// e^x lane by lane for what σ and tanh need: x is clamped to ±87 first, so that 2ⁿ
    /// is one normal float and no overflow or underflow needs fixing after; NaN stays
    /// NaN. `FastMath.exp`'s reduction and polynomial otherwise (relative error ≤ 4e-7).
    @_transparent
    static func expClamped(_ x: Lanes) -> Lanes {
        var v = x
        v.replace(with: -87, where: x .< -87)
        v.replace(with: 87, where: x .> 87)
        // n = round(v / ln 2) by the 1.5·2²³ trick; r = v − n ln 2 in two parts.
        let shifted = multiplyAdd(v, Lanes(repeating: 1.442_695_04), Lanes(repeating: 12_582_912))
        let n = shifted - 12_582_912
        let r = multiplyAdd(n, Lanes(repeating: -1.428_606_8e-6), multiplyAdd(n, Lanes(repeating: -0.693_145_75), v))
        var p = Lanes(repeating: 1.0 / 5040)
        for c: Float in [1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1, 1] {
            p = multiplyAdd(p, r, Lanes(repeating: c))
        }
        let exponent = unsafeBitCast(shifted, to: IntLanes.self) &- 0x4B40_0000
        return p * unsafeBitCast((exponent &+ 127) &<< 23, to: Lanes.self)
    }

    /// σ(x) = 1 / (1 + e^−x) lane by lane; saturates to 1 and to ~1e-38.
    @_transparent
    static func sigmoid(_ x: Lanes) -> Lanes {
        1 / (1 + expClamped(-x))
    }

    /// tanh(x) as 2σ(2x) − 1 lane by lane (absolute error ≤ 2e-7); saturates to ±1.
    @_transparent
    static func tanh(_ x: Lanes) -> Lanes {
        2 / (1 + expClamped(-2 * x)) - 1
    }
}
