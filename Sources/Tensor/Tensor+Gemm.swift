import CBLAS
import Foundation

/// Direct matrix products for fused kernels (layers that compute their own forward and
/// backward passes): BLAS transpose flags, scaling and accumulation into an existing
/// output, never recorded.
extension Tensor {
    /// `c = alpha · op(a) · op(b) + beta · c` for matrices, where `op` transposes when asked
    /// (by BLAS flags, no copy). With `beta: 1` it accumulates, e.g. weight gradients
    /// summed over the time steps of a recurrence. Not recorded.
    public static func gemm(
        _ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 0, into c: Tensor
    ) throws {
        guard a.ndim == 2, b.ndim == 2, c.ndim == 2 else {
            throw TensorError(
                "gemm: expected matrices, got \(describeShape(a.shape)), \(describeShape(b.shape)) "
                    + "and \(describeShape(c.shape))")
        }
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        let symbolA = describeShape([m, k]) + (transposeA ? " (transposed)" : "")
        let symbolB = describeShape([k2, n]) + (transposeB ? " (transposed)" : "")
        guard k == k2 else {
            throw TensorError("gemm: \(symbolA) @ \(symbolB): inner dimensions \(k) and \(k2) differ")
        }
        guard c.shape == [m, n] else {
            throw TensorError("gemm: \(symbolA) @ \(symbolB) gives (\(m), \(n)), not the output's \(describeShape(c.shape))")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<c.count { c.data[i] *= beta }
            return
        }
        BLASCalls.run {
            cblas_sgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k), alpha, a.data, blasint(Swift.max(a.shape[1], 1)),
                b.data, blasint(Swift.max(b.shape[1], 1)), beta, c.data, blasint(Swift.max(n, 1)))
        }
    }

    /// `op(a) · op(b)` for matrices or batches of them as a new tensor, with BLAS transpose
    /// flags instead of copies and broadcast batch dimensions. Not recorded.
    public static func product(_ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false) throws -> Tensor {
        guard a.ndim >= 2, b.ndim >= 2 else {
            throw TensorError("product: expected matrices, got \(describeShape(a.shape)) and \(describeShape(b.shape))")
        }
        let k = transposeA ? a.shape[a.ndim - 2] : a.shape[a.ndim - 1]
        let k2 = transposeB ? b.shape[b.ndim - 1] : b.shape[b.ndim - 2]
        guard k == k2 else {
            throw TensorError(
                "product: \(describeShape(a.shape)) @ \(describeShape(b.shape)): inner dimensions \(k) and \(k2) differ")
        }
        _ = try Shape.broadcastBatch(a.shape.dropLast(2), b.shape.dropLast(2), a.shape, b.shape)
        return try gemm(a, transposeA: transposeA, b, transposeB: transposeB)
    }
}

/// Settings of the OpenBLAS library behind `matmul`.
public enum BLAS {
    /// The number of threads OpenBLAS uses for one product.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses (1 when many sessions run in parallel), once
    /// no BLAS call of another thread runs (`BLASCalls`).
    public static func setThreadCount(_ count: Int) {
        let wanted = Int32(clamping: Swift.max(count, 1))
        BLASCalls.exclusive {
            if openblas_get_num_threads() != wanted { openblas_set_num_threads(wanted) }
        }
    }

    /// The name of the kernel set OpenBLAS chose for this CPU (e.g. `Haswell`, `SkylakeX`;
    /// `Prescott` means it did not recognize the CPU: set `OPENBLAS_CORETYPE`).
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// The `OPENBLAS_CORETYPE` to set before the process starts when OpenBLAS did not
    /// recognize this CPU and fell back to its slow generic (`Prescott`) kernels, judged
    /// from the CPU flags in `/proc/cpuinfo`: `SkylakeX` with AVX-512, `Haswell` with AVX2
    /// and FMA; nil when OpenBLAS chose well or nothing better is known. OpenBLAS reads
    /// the variable only when it loads, so a program must re-execute itself to apply it.
    public static var suggestedCoreType: String? {
        guard coreName.lowercased() == "prescott",
            let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }
}
