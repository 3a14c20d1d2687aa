import CLAPACK
import Tensor

/// The LAPACK routines of the analysis target, wrapped so that no pointer escapes: each
/// copies its operands into column-major buffers, queries the workspace size, and turns a
/// nonzero `info` into an `AnalysisError`.
enum LAPACK {
    /// The eigenvalues of a symmetric `n×n` matrix in ascending order, and the matching
    /// orthonormal eigenvectors as the rows of a matrix (row i goes with value i) (`dsyevd`).
    static func symmetricEigen(_ a: Matrix) throws -> (values: [Double], vectors: Matrix) {
        precondition(a.rows == a.columns)
        var n = Int32(a.rows)
        guard n > 0 else { return ([], Matrix(rows: 0, columns: 0, values: [])) }
        // A symmetric matrix is its own transpose: row-major entries are column-major too.
        var storage = a.values
        var w = [Double](repeating: 0, count: a.rows)
        var lda = n
        var info: Int32 = 0
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workSize = [Double](repeating: 0, count: 1)
        var iworkSize = [Int32](repeating: 0, count: 1)
        let jobz: CChar = 86 /* V */, uplo: CChar = 85 /* U */
        withUnsafePointer(to: jobz) { jobz in
            withUnsafePointer(to: uplo) { uplo in
                dsyevd_(jobz, uplo, &n, &storage, &lda, &w, &workSize, &lwork, &iworkSize, &liwork, &info, 1, 1)
            }
        }
        guard info == 0 else { throw AnalysisError("eigendecomposition: dsyevd workspace query failed (info \(info))") }
        lwork = Int32(workSize[0])
        liwork = iworkSize[0]
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        var iwork = [Int32](repeating: 0, count: max(1, Int(liwork)))
        withUnsafePointer(to: jobz) { jobz in
            withUnsafePointer(to: uplo) { uplo in
                BLASCalls.run {
                    dsyevd_(jobz, uplo, &n, &storage, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
                }
            }
        }
        guard info == 0 else { throw AnalysisError("eigendecomposition: dsyevd did not converge (info \(info))") }
        // Column j of the column-major result is eigenvector j: row j of a row-major matrix.
        return (w, Matrix(rows: a.rows, columns: a.rows, values: storage))
    }

    /// The eigenvalues of a general square matrix as (real, imaginary) pairs, in LAPACK's
    /// order (complex conjugate pairs adjacent, positive imaginary part first) (`dgeev`).
    static func eigenvalues(_ a: Matrix) throws -> [(re: Double, im: Double)] {
        precondition(a.rows == a.columns)
        var n = Int32(a.rows)
        guard n > 0 else { return [] }
        guard a.values.allSatisfy(\.isFinite) else {
            throw AnalysisError("eigenvalues: the matrix has non-finite entries")
        }
        var storage = a.columnMajor
        var wr = [Double](repeating: 0, count: a.rows), wi = [Double](repeating: 0, count: a.rows)
        var lda = n, ldv: Int32 = 1
        var vl = [Double](repeating: 0, count: 1), vr = [Double](repeating: 0, count: 1)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var workSize = [Double](repeating: 0, count: 1)
        let none: CChar = 78 /* N */
        withUnsafePointer(to: none) { job in
            dgeev_(job, job, &n, &storage, &lda, &wr, &wi, &vl, &ldv, &vr, &ldv, &workSize, &lwork, &info, 1, 1)
        }
        guard info == 0 else { throw AnalysisError("eigenvalues: dgeev workspace query failed (info \(info))") }
        lwork = Int32(workSize[0])
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        withUnsafePointer(to: none) { job in
            BLASCalls.run {
                dgeev_(job, job, &n, &storage, &lda, &wr, &wi, &vl, &ldv, &vr, &ldv, &work, &lwork, &info, 1, 1)
            }
        }
        guard info == 0 else { throw AnalysisError("eigenvalues: dgeev did not converge (info \(info))") }
        return zip(wr, wi).map { ($0, $1) }
    }

    /// The minimum-norm least-squares solution X (n×k) of A X ≈ B for A (m×n), B (m×k),
    /// by the SVD with singular values below `rcond · σ_max` treated as zero (`dgelsd`,
    /// as `scipy.linalg.lstsq`), and the effective rank of A.
    static func leastSquares(_ a: Matrix, _ b: Matrix, rcond: Double = Double.ulpOfOne) throws -> (solution: Matrix, rank: Int) {
        precondition(a.rows == b.rows)
        let m = a.rows, n = a.columns, k = b.columns
        if m == 0 || n == 0 || k == 0 {
            return (Matrix(rows: n, columns: k, values: [Double](repeating: 0, count: n * k)), 0)
        }
        guard a.values.allSatisfy(\.isFinite), b.values.allSatisfy(\.isFinite) else {
            throw AnalysisError("least squares: the data has non-finite entries (nan or inf)")
        }
        var am = Int32(m), an = Int32(n), nrhs = Int32(k)
        var aStorage = a.columnMajor
        var lda = Int32(max(1, m)), ldb = Int32(max(1, max(m, n)))
        // B is (max(m, n) × k), column-major; the solution comes back in its first n rows.
        var bStorage = [Double](repeating: 0, count: Int(ldb) * k)
        for j in 0..<k {
            for i in 0..<m { bStorage[j * Int(ldb) + i] = b[i, j] }
        }
        var s = [Double](repeating: 0, count: min(m, n))
        var rcondValue = rcond
        var rank: Int32 = 0, info: Int32 = 0, lwork: Int32 = -1
        var workSize = [Double](repeating: 0, count: 1)
        var iworkSize = [Int32](repeating: 0, count: 1)
        dgelsd_(&am, &an, &nrhs, &aStorage, &lda, &bStorage, &ldb, &s, &rcondValue, &rank, &workSize, &lwork, &iworkSize, &info)
        guard info == 0 else { throw AnalysisError("least squares: dgelsd workspace query failed (info \(info))") }
        lwork = Int32(workSize[0])
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        var iwork = [Int32](repeating: 0, count: max(1, Int(iworkSize[0])))
        dgelsd_(&am, &an, &nrhs, &aStorage, &lda, &bStorage, &ldb, &s, &rcondValue, &rank, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw AnalysisError("least squares: the SVD did not converge (dgelsd info \(info))") }
        var x = [Double](repeating: 0, count: n * k)
        for i in 0..<n {
            for j in 0..<k { x[i * k + j] = bStorage[j * Int(ldb) + i] }
        }
        return (Matrix(rows: n, columns: k, values: x), Int(rank))
    }
}
