import CBLAS

/// The matrix product on OpenBLAS's `cblas_sgemm`, with PyTorch's `matmul` rules:
/// 1-D operands are treated as a row (left) or column (right) vector and the added
/// dimension removed; leading (batch) dimensions broadcast.
extension Tensor {
    /// `self @ other`.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let (a, b) = (self, other)
        guard a.ndim > 0, b.ndim > 0 else {
            throw TensorError(
                "matmul: \(describeShape(a.shape)) @ \(describeShape(b.shape)): both arguments need to be at least 1-D")
        }
        let k1 = a.shape[a.ndim - 1]
        let k2 = b.shape[Swift.max(b.ndim - 2, 0)]
        guard k1 == k2 else {
            throw TensorError(
                "matmul: \(describeShape(a.shape)) @ \(describeShape(b.shape)): inner dimensions \(k1) and \(k2) differ")
        }
        if a.ndim == 2 && b.ndim == 2 {
            let out = try Tensor.matrixProduct(a, b, k: k1)
            return Tensor.needsGraph(a, b) ? Tensor.attach(out, .matmul, a, b) : out
        }
        _ = try Shape.broadcastBatch(a.shape.dropLast(2), b.shape.dropLast(2), a.shape, b.shape)
        switch (a.ndim, b.ndim) {
        case (1, 1):
            return try a.reshape([1, k1]).matmul(b.reshape([k1, 1])).reshape([])
        case (1, _):
            return try a.unsqueeze(0).matmul(b).squeeze(-2)
        case (_, 1):
            return try a.matmul(b.unsqueeze(-1)).squeeze(-1)
        default:
            let out = try Tensor.gemm(a, transposeA: false, b, transposeB: false)
            return Tensor.needsGraph(a, b) ? Tensor.attach(out, .matmul, a, b) : out
        }
    }

    /// The product of two matrices whose inner dimensions `k` agree: the fast path of
    /// `matmul`, with no batch bookkeeping. Not recorded.
    @inline(__always)
    static func matrixProduct(_ a: Tensor, _ b: Tensor, k: Int) throws -> Tensor {
        let (n, m) = (a.shape[0], b.shape[1])
        let out = try Tensor(uninitialized: [n, m], dtype: DType.promote(a.dtype, b.dtype), op: "matmul")
        guard n > 0, m > 0 else { return out }
        guard k > 0 else {
            out.data.initialize(repeating: 0, count: out.count)
            return out
        }
        let limit = Int(Int32.max)
        guard n <= limit, m <= limit, k <= limit else {
            throw TensorError("matmul: dimensions above \(limit) are beyond BLAS")
        }
        try inRowChunks(rows: n, work: m * k) { first, count in
            sgemm(a.data + first * k, lda: k, transposeA: false, b.data, ldb: m, transposeB: false,
                  out.data + first * m, m: count, n: m, k: k)
        }
        return out
    }

    /// Multiply–adds above which a product under a deadline runs in row chunks (about a
    /// tenth of a second on one core), checking the deadline between them.
    static let chunkedWork = 4_000_000_000

    /// Runs `body(first, count)` over `rows` rows of `work` multiply–adds each: at once, or,
    /// when a deadline is set and the product is large, in chunks of at least 256 rows with
    /// a deadline check before each. Rows are independent, so chunks change no result in
    /// exact arithmetic; BLAS may pick other kernels for a chunk, so the bytes can differ in
    /// the last place from an unchunked product (a render always has a deadline, so its
    /// results repeat).
    static func inRowChunks(rows: Int, work: Int, _ body: (Int, Int) -> Void) throws {
        let total = rows.multipliedReportingOverflow(by: work)
        // The size test first: small products, the hot path, never look up the budget.
        guard total.overflow || total.partialValue > chunkedWork, work > 0, TensorBudget.hasDeadline else {
            body(0, rows)
            return
        }
        let chunk = Swift.max(256, chunkedWork / work)
        var first = 0
        while first < rows {
            try TensorBudget.checkDeadline("matmul")
            let count = Swift.min(chunk, rows - first)
            body(first, count)
            first += count
        }
    }

    /// The batched product of the matrices in the last two dimensions of `a` and `b`, each
    /// read transposed when asked (BLAS transpose flags, no copies), with broadcast batch
    /// dimensions. Shapes must agree (the callers check). Not recorded.
    static func gemm(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) throws -> Tensor {
        let (ra, ca) = (a.shape[a.ndim - 2], a.shape[a.ndim - 1])
        let (rb, cb) = (b.shape[b.ndim - 2], b.shape[b.ndim - 1])
        let (n, k) = transposeA ? (ca, ra) : (ra, ca)
        let m = transposeB ? rb : cb
        let batchA = Array(a.shape.dropLast(2))
        let batchB = Array(b.shape.dropLast(2))
        let batch = try Shape.broadcast(batchA, batchB, op: "matmul", symbol: "@")
        let limit = Int(Int32.max)
        guard Shape.product(batchA) * n <= limit, n <= limit, m <= limit, k <= limit, ra <= limit, rb <= limit else {
            throw TensorError("matmul: dimensions above \(limit) are beyond BLAS")
        }
        let dtype = DType.promote(a.dtype, b.dtype)
        let out = try Tensor(uninitialized: batch + [n, m], dtype: dtype, op: "matmul")
        if out.count == 0 { return out }
        if k == 0 {
            out.data.initialize(repeating: 0, count: out.count)
            return out
        }
        if batchB.isEmpty && !transposeA {
            try inRowChunks(rows: Shape.product(batchA) * n, work: m * k) { first, count in
                sgemm(a.data + first * ca, lda: ca, transposeA: false, b.data, ldb: cb, transposeB: transposeB,
                      out.data + first * m, m: count, n: m, k: k)
            }
            return out
        }
        let layout = BroadcastLayout(shape: batch, a: batchA, b: batchB)
        let (sizeA, sizeB, sizeC) = (ra * ca, rb * cb, n * m)
        let (pa, pb, pc) = (a.data, b.data, out.data)
        let (inner, sa, sb) = (layout.inner, layout.innerStrideA, layout.innerStrideB)
        let checked = n.multipliedReportingOverflow(by: m * k).partialValue > chunkedWork / 16 && TensorBudget.hasDeadline
        var stopped = false
        layout.forEachRow { offA, offB, offC in
            if checked && !stopped { stopped = (try? TensorBudget.checkDeadline("matmul")) == nil }
            if stopped { return }
            for i in 0..<inner {
                sgemm(pa + (offA + i * sa) * sizeA, lda: ca, transposeA: transposeA,
                      pb + (offB + i * sb) * sizeB, ldb: cb, transposeB: transposeB,
                      pc + (offC + i) * sizeC, m: n, n: m, k: k)
            }
        }
        if stopped { throw TensorError.deadline("matmul") }
        return out
    }

    /// `c = op(a) · op(b)` for one row-major (m × k)·(k × n) product.
    @inline(__always)
    static func sgemm(
        _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool, _ b: UnsafePointer<Float>, ldb: Int,
        transposeB: Bool, _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int
    ) {
        BLASCalls.run {
            cblas_sgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k), 1, a, blasint(Swift.max(lda, 1)), b, blasint(Swift.max(ldb, 1)),
                0, c, blasint(Swift.max(n, 1)))
        }
    }
}

/// `a @ b`, PyTorch's `torch.matmul`.
public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a.matmul(b) }

extension Shape {
    /// The broadcast batch dimensions of a matmul, with the error naming both full shapes.
    static func broadcastBatch(
        _ a: ArraySlice<Int>, _ b: ArraySlice<Int>, _ fullA: [Int], _ fullB: [Int]
    ) throws -> [Int] {
        do {
            return try broadcast(Array(a), Array(b), op: "matmul", symbol: "@")
        } catch {
            throw TensorError(
                "matmul: \(describeShape(fullA)) @ \(describeShape(fullB)): batch dimensions "
                    + "\(describeShape(Array(a))) and \(describeShape(Array(b))) cannot be broadcast")
        }
    }
}
