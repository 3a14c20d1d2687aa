import CBLAS
import Tensor

extension Matrix {
    /// The product of row-major `a` (m×k) and `b` (k×n) in Double by OpenBLAS's `dgemm`
    /// (numpy's `dot` of float64 arrays calls the same routine).
    public static func product(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        precondition(a.count == m * k && b.count == k * n, "Matrix.product: operand sizes do not match")
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLASCalls.run {
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                                    1, pa.baseAddress, blasint(k), pb.baseAddress, blasint(n), 0, pc.baseAddress, blasint(n))
                    }
                }
            }
        }
        return c
    }
}
