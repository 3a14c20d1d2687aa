/// The per-step products of a full-batch recurrence, by register tiles of 8 rows × 32
/// columns (16 `Lanes` of sums), with the weights packed once per call.
///
/// OpenBLAS packs both operands into its own layout on every call; a recurrence makes
/// three calls per block and step with the same weights, and OpenBLAS has no API to keep
/// a packed matrix. Here the weights are packed once per call of the kernel (`Panels`), and
/// the other operand is read in place: a step's rows (a few hundred KB) are in cache. On
/// one core of the reference machine (AMD EPYC, AVX-512) this runs Lab 3's three shapes
/// (400 × 384 × 128, 400 × 128 × 384, 384 × 128 × 400) at 114–116 GFLOP/s where OpenBLAS
/// runs them at 101–103 (measured alone, warm).
///
/// Every sum runs over k in order, one fused multiply-add per term, from zero; the result
/// is then stored, or added to what `c` holds. So a row's results do not depend on how many
/// rows are computed together, and every call gives the same bytes.
@_spi(Benchmarks) public enum PanelProduct {
    /// The columns of a panel: two `Lanes`.
    public static let width = 2 * LaneMath.width
    /// The rows of a register tile.
    static let tileRows = 8

    /// Whether a product with `n` columns can be computed here: whole panels only.
    public static func fits(columns n: Int) -> Bool {
        n > 0 && n % width == 0
    }

    /// A k × n matrix packed by panels of `width` columns, each panel's rows consecutive:
    /// element (k, j) at `(j / width) · k · width + k · width + j % width`.
    public struct Panels {
        let buffer: FloatBuffer
        let (depth, columns): (Int, Int)

        /// Packs the k × n matrix at `b`, rows `ldb` apart (`n` a multiple of `width`).
        init(_ b: UnsafePointer<Float>, depth k: Int, columns n: Int, ldb: Int, pool: BufferPool?) {
            precondition(PanelProduct.fits(columns: n), "PanelProduct.Panels: \(n) columns are not whole panels")
            (depth, columns) = (k, n)
            buffer = FloatBuffer(uninitialized: Swift.max(k * n, 1), pool: pool)
            let w = PanelProduct.width
            for p in 0..<(n / w) {
                let panel = buffer.pointer + p * k * w
                for row in 0..<k {
                    (panel + row * w).update(from: b + row * ldb + p * w, count: w)
                }
            }
        }

        /// Packs the k × n matrix at `b`, rows `ldb` apart (`n` a multiple of `width`).
        public init(_ b: UnsafePointer<Float>, depth k: Int, columns n: Int, ldb: Int) {
            self.init(b, depth: k, columns: n, ldb: ldb, pool: nil)
        }

        /// The operand for `multiply`.
        public var operand: Operand {
            Operand(pointer: buffer.pointer, rowStride: PanelProduct.width, panelStride: depth * PanelProduct.width)
        }
    }

    /// The right operand of `multiply`: element (k, j) at
    /// `pointer + (j / width) · panelStride + k · rowStride + j % width`. A packed matrix
    /// (`Panels.operand`), or a row-major one read in place (`rowStride` its leading
    /// dimension, `panelStride` = `width`).
    public struct Operand {
        let pointer: UnsafePointer<Float>
        let rowStride: Int
        let panelStride: Int

        /// A row-major matrix read in place, rows `rowStride` apart.
        public static func rowMajor(_ pointer: UnsafePointer<Float>, rowStride: Int) -> Operand {
            Operand(pointer: pointer, rowStride: rowStride, panelStride: PanelProduct.width)
        }
    }

    /// c (m × n, rows `ldc` apart) = a · b, or c + a · b where `accumulate`, with a's
    /// element (i, k) at `a + i · rowStride + k · depthStride` (so a transposed `a` is read
    /// in place too) and `n` a multiple of `width`.
    public static func multiply(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
        _ b: Operand, _ c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        let full = m / tileRows * tileRows
        for p in 0..<(n / width) {
            let panel = b.pointer + p * b.panelStride
            let column = c + p * width
            for i in stride(from: 0, to: full, by: tileRows) {
                tile(k, a + i * rowStride, rowStride, depthStride, panel, b.rowStride, column + i * ldc, ldc, accumulate)
            }
            for i in full..<m {
                row(k, a + i * rowStride, depthStride, panel, b.rowStride, column + i * ldc, accumulate)
            }
        }
    }

    /// 8 rows × 32 columns: the sums of 16 `Lanes` kept in registers over the whole depth.
    @inline(__always)
    private static func tile(
        _ k: Int, _ a: UnsafePointer<Float>, _ rowStride: Int, _ depthStride: Int, _ b: UnsafePointer<Float>,
        _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ accumulate: Bool
    ) {
        typealias M = LaneMath
        var (c00, c01, c10, c11, c20, c21, c30, c31) = (Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero,
                                                        Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero)
        var (c40, c41, c50, c51, c60, c61, c70, c71) = (Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero,
                                                        Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero)
        let (a0, a1, a2, a3) = (a, a + rowStride, a + 2 * rowStride, a + 3 * rowStride)
        let (a4, a5, a6, a7) = (a + 4 * rowStride, a + 5 * rowStride, a + 6 * rowStride, a + 7 * rowStride)
        var q = b
        for step in 0..<k {
            let d = step * depthStride
            let (b0, b1) = (M.load(q), M.load(q + LaneMath.width))
            q += ldb
            var s = Lanes(repeating: a0[d]); c00 = M.multiplyAdd(s, b0, c00); c01 = M.multiplyAdd(s, b1, c01)
            s = Lanes(repeating: a1[d]); c10 = M.multiplyAdd(s, b0, c10); c11 = M.multiplyAdd(s, b1, c11)
            s = Lanes(repeating: a2[d]); c20 = M.multiplyAdd(s, b0, c20); c21 = M.multiplyAdd(s, b1, c21)
            s = Lanes(repeating: a3[d]); c30 = M.multiplyAdd(s, b0, c30); c31 = M.multiplyAdd(s, b1, c31)
            s = Lanes(repeating: a4[d]); c40 = M.multiplyAdd(s, b0, c40); c41 = M.multiplyAdd(s, b1, c41)
            s = Lanes(repeating: a5[d]); c50 = M.multiplyAdd(s, b0, c50); c51 = M.multiplyAdd(s, b1, c51)
            s = Lanes(repeating: a6[d]); c60 = M.multiplyAdd(s, b0, c60); c61 = M.multiplyAdd(s, b1, c61)
            s = Lanes(repeating: a7[d]); c70 = M.multiplyAdd(s, b0, c70); c71 = M.multiplyAdd(s, b1, c71)
        }
        let w = LaneMath.width
        @inline(__always) func put(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
            M.store(accumulate ? M.load(p) + v : v, p)
        }
        put(c00, c); put(c01, c + w)
        put(c10, c + ldc); put(c11, c + ldc + w)
        put(c20, c + 2 * ldc); put(c21, c + 2 * ldc + w)
        put(c30, c + 3 * ldc); put(c31, c + 3 * ldc + w)
        put(c40, c + 4 * ldc); put(c41, c + 4 * ldc + w)
        put(c50, c + 5 * ldc); put(c51, c + 5 * ldc + w)
        put(c60, c + 6 * ldc); put(c61, c + 6 * ldc + w)
        put(c70, c + 7 * ldc); put(c71, c + 7 * ldc + w)
    }

    /// One row × 32 columns (the rows after the last whole tile), summed as `tile` sums.
    @inline(__always)
    private static func row(
        _ k: Int, _ a: UnsafePointer<Float>, _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ accumulate: Bool
    ) {
        typealias M = LaneMath
        var (c0, c1) = (Lanes.zero, Lanes.zero)
        var q = b
        for step in 0..<k {
            let s = Lanes(repeating: a[step * depthStride])
            c0 = M.multiplyAdd(s, M.load(q), c0)
            c1 = M.multiplyAdd(s, M.load(q + LaneMath.width), c1)
            q += ldb
        }
        let w = LaneMath.width
        M.store(accumulate ? M.load(c) + c0 : c0, c)
        M.store(accumulate ? M.load(c + w) + c1 : c1, c + w)
    }
}
