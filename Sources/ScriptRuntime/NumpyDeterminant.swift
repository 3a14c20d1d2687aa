import Analysis
import Foundation
import Tensor

/// `np.linalg.det(a)` and `np.linalg.inv(a)` on (…, M, M) arrays, in float64 by LAPACK's
/// `dgetrf` as numpy computes them: the determinant as numpy's `sign · exp(Σ log|u_ii|)`
/// (so `det([[1, 2], [3, 4]])` is `-2.0000000000000004`, as in numpy), the inverse by
/// solving A X = I. Errors are numpy's `LinAlgError`s.
extension NumpyBuiltins {
    static func installDeterminant(_ linalg: Namespace) {
        if let error = PythonExceptions.classes["LinAlgError"] { linalg.value("LinAlgError", .native(error)) }
        linalg.numpy("det", ["a"]) { args, context in
            let (a, n) = try squareStack(args.array("a"))
            let size = n * n
            let dets = (0..<(a.count / Swift.max(size, 1))).map { b -> Double in
                let lu = LUFactorization(rowMajor: Array(a.values[(b * size)..<((b + 1) * size)]), n: n)
                guard lu.zeroPivot == 0 else { return 0 }
                var sign = lu.permutationSign
                var logDet = 0.0
                for u in lu.diagonal {
                    if u < 0 { sign = -sign }
                    logDet += Foundation.log(Swift.abs(u))
                }
                return sign * Foundation.exp(logDet)
            }
            // A stack of no matrices still has its batch shape; one 0×0 matrix has det 1.
            let shape = Array(a.shape.dropLast(2))
            let values = shape.contains(0) ? [] : (n == 0 ? [Double](repeating: 1, count: shape.reduce(1, *)) : dets)
            return try NDArray(shape: shape, values: values, dtype: .float32).value(context)
        }
        linalg.numpy("inv", ["a"]) { args, context in
            let (a, n) = try squareStack(args.array("a"))
            let size = n * n
            var inverses = [Double](repeating: 0, count: a.count)
            for b in 0..<(a.count / Swift.max(size, 1)) {
                let lu = LUFactorization(rowMajor: Array(a.values[(b * size)..<((b + 1) * size)]), n: n)
                guard lu.zeroPivot == 0 else { throw RuntimeError("Singular matrix", id: "linalg-error") }
                inverses.replaceSubrange((b * size)..<((b + 1) * size), with: lu.inverse())
            }
            return try NDArray(shape: a.shape, values: inverses, dtype: .float32).tensor(context)
        }
    }

    /// The array and its matrices' order M, or numpy's errors for fewer than two dimensions
    /// and matrices that are not square.
    private static func squareStack(_ a: NDArray) throws -> (NDArray, Int) {
        guard a.ndim >= 2 else {
            throw RuntimeError("\(a.ndim)-dimensional array given. Array must be at least two-dimensional", id: "linalg-error")
        }
        guard a.shape[a.ndim - 1] == a.shape[a.ndim - 2] else {
            throw RuntimeError("Last 2 dimensions of the array must be square", id: "linalg-error")
        }
        return (a, a.shape[a.ndim - 1])
    }
}
