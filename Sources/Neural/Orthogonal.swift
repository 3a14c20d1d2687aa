/// The orthonormal factor Q of a QR decomposition, for `nn.init.orthogonal_`.
public enum Orthogonal {
    /// Q of `a` (`rows` × `columns`, row-major, rows ≥ columns) with R's diagonal positive:
    /// the columns of `a` orthonormalised by modified Gram–Schmidt in Double, run twice per
    /// column for accuracy. This is PyTorch's `q * sign(diag(r))`. A column that is
    /// (numerically) dependent on the previous ones is left at zero.
    public static func q(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        precondition(rows >= columns && a.count == rows * columns)
        var q = a
        for j in 0..<columns {
            for _ in 0..<2 {
                for k in 0..<j {
                    var dot = 0.0
                    for i in 0..<rows { dot += q[i * columns + k] * q[i * columns + j] }
                    for i in 0..<rows { q[i * columns + j] -= dot * q[i * columns + k] }
                }
            }
            var norm = 0.0
            for i in 0..<rows { norm += q[i * columns + j] * q[i * columns + j] }
            norm = norm.squareRoot()
            for i in 0..<rows { q[i * columns + j] = norm > 1e-300 ? q[i * columns + j] / norm : 0 }
        }
        return q
    }
}
