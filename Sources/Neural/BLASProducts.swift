import CBLAS
import Tensor

/// Row-major single-precision GEMM on raw pointers:
/// `c = alpha · op(a) · op(b) + beta · c`, with `op(a)` m×k and `op(b)` k×n; leading
/// dimensions default to dense storage.
@inline(__always)
func sgemm(
    _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, alpha: Float = 1,
    _ a: UnsafePointer<Float>, lda: Int? = nil, _ b: UnsafePointer<Float>, ldb: Int? = nil, beta: Float,
    _ c: UnsafeMutablePointer<Float>, ldc: Int? = nil
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        // An empty product: c = beta · c, and exactly 0 for beta 0 (c may be uninitialized).
        for i in 0..<m { for j in 0..<n { c[i * (ldc ?? n) + j] = beta == 0 ? 0 : beta * c[i * (ldc ?? n) + j] } }
        return
    }
    BLASCalls.run {
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda ?? (transA ? m : k)),
            b, blasint(ldb ?? (transB ? k : n)), beta, c, blasint(ldc ?? n))
    }
}

/// `c (m×n) = a (m×k) · b (k×n) + beta · c`, row-major and untransposed (`a`'s rows `lda`
/// apart, default k; b and c dense), cut
/// into equal column blocks (of c and b) or depth blocks (of a and b) so that every BLAS
/// call has m·n·k ≤ 10⁶: OpenBLAS then takes its small-matrix kernels, which skip packing
/// the operands, much faster for the thin per-step products of a recurrence (m = batch).
/// Blocks are multiples of 16 wide (halves, for an LSTM-128 at batch 16). When the
/// rounded blocks would still be over the limit (a block of 400 rows of a GRU-128: 400 ×
/// 32 × 128), the product is one call: the pieces would take the packing kernels anyway,
/// and 12 of them ran 10 % slower than one (93.6 against 103.8 GFLOP/s, measured).
func recurrentProduct(
    _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, lda: Int? = nil, _ b: UnsafePointer<Float>, beta: Float,
    _ c: UnsafeMutablePointer<Float>
) {
    let lda = lda ?? k
    let limit = 1_000_000
    let pieces = (m * n * k + limit - 1) / limit
    let width = ((n + pieces - 1) / pieces + 15) / 16 * 16
    let depth = ((k + pieces - 1) / pieces + 15) / 16 * 16
    if pieces <= 1 || n >= k && m * width * k > limit || n < k && m * n * depth > limit {
        sgemm(false, false, m, n, k, a, lda: lda, b, beta: beta, c)
    } else if n >= k {
        for start in stride(from: 0, to: n, by: width) {
            let w = Swift.min(width, n - start)
            sgemm(false, false, m, w, k, a, lda: lda, b + start, ldb: n, beta: beta, c + start, ldc: n)
        }
    } else {
        for start in stride(from: 0, to: k, by: depth) {
            let d = Swift.min(depth, k - start)
            sgemm(false, false, m, n, d, a + start, lda: lda, b + start * n, ldb: n, beta: start == 0 ? beta : 1, c, ldc: n)
        }
    }
}
