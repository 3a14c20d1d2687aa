import CLAPACK
import Tensor

/// A real type LAPACK factors in: Float (`sgetrf`, what PyTorch calls for float32 tensors)
/// or Double (`dgetrf`, what numpy calls for its float64 arrays).
public protocol LAPACKScalar: BinaryFloatingPoint {
    /// `getrf(m, n, a, lda, ipiv, info)` of this precision.
    static var getrf: (UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Self>?, UnsafePointer<Int32>?,
                       UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Void { get }
    /// `getrs(trans, n, nrhs, a, lda, ipiv, b, ldb, info, trans_len)` of this precision.
    static var getrs: (UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Self>?,
                       UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Self>?, UnsafePointer<Int32>?,
                       UnsafeMutablePointer<Int32>?, Int) -> Void { get }
}

extension Float: LAPACKScalar {
    public static var getrf: (UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafePointer<Int32>?,
                              UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Void { sgetrf_ }
    public static var getrs: (UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Float>?,
                              UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafePointer<Int32>?,
                              UnsafeMutablePointer<Int32>?, Int) -> Void { sgetrs_ }
}

extension Double: LAPACKScalar {
    public static var getrf: (UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
                              UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Void { dgetrf_ }
    public static var getrs: (UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Double>?,
                              UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
                              UnsafeMutablePointer<Int32>?, Int) -> Void { dgetrs_ }
}

extension LAPACKScalar {
    /// `getrf` on the column-major `n×n` matrix `a`: its LU factors in place, the pivots,
    /// and LAPACK's `info` (k > 0: U[k−1, k−1] is exactly zero).
    static func factor(_ n: Int32, _ a: inout [Self], _ pivots: inout [Int32]) -> Int32 {
        var (m, columns, lda, info) = (n, n, Swift.max(n, 1), Int32(0))
        BLASCalls.run { getrf(&m, &columns, &a, &lda, &pivots, &info) }
        return info
    }

    /// `getrs`: solves A X = B (or Aᵀ X = B) for the column-major `n×k` `b`, in place.
    static func solve(transposed: Bool, _ n: Int32, _ k: Int32, _ lu: [Self], _ pivots: [Int32], _ b: inout [Self]) {
        var (order, rhs, lda, ldb, info) = (n, k, Swift.max(n, 1), Swift.max(n, 1), Int32(0))
        let trans: CChar = transposed ? 84 /* T */ : 78 /* N */
        withUnsafePointer(to: trans) { trans in
            BLASCalls.run { getrs(trans, &order, &rhs, lu, &lda, pivots, &b, &ldb, &info, 1) }
        }
    }
}

/// The LU factorisation P A = L U of one square matrix with partial pivoting, by LAPACK's
/// `getrf` as PyTorch and numpy compute it, and what follows from it: the determinant, the
/// inverse, and solves with A or Aᵀ.
public struct LUFactorization<Scalar: LAPACKScalar> {
    /// The order n of the matrix.
    public let n: Int
    /// L (unit diagonal, below) and U (on and above the diagonal), column-major.
    let factors: [Scalar]
    /// LAPACK's pivots: row i was swapped with row `pivots[i] − 1`.
    let pivots: [Int32]
    /// The first zero on U's diagonal, 1-based as LAPACK's `info` (0: none): A is singular.
    public let zeroPivot: Int

    /// Factors the `n×n` matrix whose entries are `rowMajor` (as numpy does).
    public init(rowMajor: [Scalar], n: Int) {
        var a = [Scalar](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { a[j * n + i] = rowMajor[i * n + j] } }
        self.init(columnMajor: a, n: n)
    }

    /// Factors the transpose of the `n×n` matrix whose entries are `rowMajor`: its entries
    /// read as column-major, with no copy. PyTorch factors a row-major matrix this way
    /// (det Aᵀ = det A, and A X = B is Aᵀ's transposed solve), which decides its rounding
    /// and which pivot its singular-matrix error names.
    public init(transposeOf rowMajor: [Scalar], n: Int) {
        self.init(columnMajor: rowMajor, n: n)
    }

    private init(columnMajor: [Scalar], n: Int) {
        self.n = n
        var a = columnMajor
        var pivots = [Int32](repeating: 0, count: Swift.max(n, 1))
        let info = n == 0 ? 0 : Scalar.factor(Int32(n), &a, &pivots)
        factors = a
        self.pivots = pivots
        zeroPivot = Int(Swift.max(info, 0))
    }

    /// ±1: the sign of the permutation P (each pivot that moved a row flips it).
    public var permutationSign: Scalar {
        (0..<n).reduce(1) { sign, i in pivots[i] == Int32(i + 1) ? sign : -sign }
    }

    /// U's diagonal, in order.
    public var diagonal: [Scalar] { (0..<n).map { factors[$0 * n + $0] } }

    /// det A as PyTorch computes it: the product of U's diagonal, in order, times the sign.
    public var determinant: Scalar {
        diagonal.reduce(1, *) * permutationSign
    }

    /// X with A X = B (or Aᵀ X = B) for the row-major `n×k` `b`, row-major.
    public func solve(_ b: [Scalar], columns k: Int, transposed: Bool = false) -> [Scalar] {
        guard n > 0, k > 0 else { return b }
        var x = [Scalar](repeating: 0, count: n * k)
        for i in 0..<n { for j in 0..<k { x[j * n + i] = b[i * k + j] } }
        Scalar.solve(transposed: transposed, Int32(n), Int32(k), factors, pivots, &x)
        var out = [Scalar](repeating: 0, count: n * k)
        for i in 0..<n { for j in 0..<k { out[i * k + j] = x[j * n + i] } }
        return out
    }

    /// The inverse of the factored matrix (or of its transpose, `transposed`), row-major, by
    /// solving with the identity as `torch.linalg.inv` and `numpy.linalg.inv` do; meaningful
    /// only when `zeroPivot` is 0.
    public func inverse(transposed: Bool = false) -> [Scalar] {
        var identity = [Scalar](repeating: 0, count: n * n)
        for i in 0..<n { identity[i * n + i] = 1 }
        return solve(identity, columns: n, transposed: transposed)
    }

    /// The rows of the `n×n` row-major `b` permuted as `getrs` permutes the right-hand side
    /// of a solve with the factored matrix (its pivots applied first to last): what that
    /// solve returns for a `b` whose entries are all zero (signed zeros), since LAPACK's
    /// triangular solves then leave every entry as it is, as PyTorch's gradient of det at a
    /// singular matrix shows.
    public func pivotedRows(_ b: [Scalar]) -> [Scalar] {
        var rows = b
        for i in 0..<n {
            let p = Int(pivots[i]) - 1
            guard p != i, p >= 0, p < n else { continue }
            for j in 0..<n { rows.swapAt(i * n + j, p * n + j) }
        }
        return rows
    }
}
