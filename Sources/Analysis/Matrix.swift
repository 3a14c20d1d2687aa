import Tensor

/// A dense real matrix in Double, row-major: the working type of the analysis routines,
/// which compute in double precision whatever the Float32 tensors they are given.
public struct Matrix: Equatable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row after row (`rows · columns` of them).
    public var values: [Double]

    /// A matrix of the given size from row-major `values`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "Matrix: \(values.count) values for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rows: [[Double]]) {
        self.init(rows: rows.count, columns: rows.first?.count ?? 0, values: rows.flatMap { $0 })
    }

    /// The entry at row `i`, column `j`.
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + j] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var out = [Double](repeating: 0, count: values.count)
        for i in 0..<rows {
            for j in 0..<columns { out[j * rows + i] = values[i * columns + j] }
        }
        return Matrix(rows: columns, columns: rows, values: out)
    }

    /// The entries column after column, the layout LAPACK expects.
    var columnMajor: [Double] { transposed.values }

    /// The column means.
    public var columnMeans: [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns { sums[j] += values[i * columns + j] }
        }
        return sums.map { rows > 0 ? $0 / Double(rows) : .nan }
    }

    /// The product `self · other`.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows)
        // dgemm, as numpy's float64 product: a triple loop took seconds on a (400000, 128)
        // PCA transform (Lab 3's latents).
        let out = Matrix.product(values, other.values, m: rows, k: columns, n: other.columns)
        return Matrix(rows: rows, columns: other.columns, values: out)
    }
}

extension Matrix {
    /// A 2-D tensor (rows, columns) as a matrix, or a 1-D tensor (n,) as one column (n, 1)
    /// when `vectorAsColumn` (a single target or feature); `what` names the argument in errors.
    public init(_ tensor: Tensor, _ what: String, vectorAsColumn: Bool = false) throws {
        switch tensor.ndim {
        case 2:
            self.init(rows: tensor.shape[0], columns: tensor.shape[1], values: tensor.scalars.map(Double.init))
        case 1 where vectorAsColumn:
            self.init(rows: tensor.shape[0], columns: 1, values: tensor.scalars.map(Double.init))
        default:
            let expected = vectorAsColumn ? "a 1-D or 2-D tensor" : "a 2-D tensor (samples, features)"
            var hint = ""
            if tensor.ndim == 3 {
                let n = tensor.shape[2]
                hint = "; flatten trials and time first: x.reshape(-1, \(n))"
            }
            throw AnalysisError("\(what): expected \(expected), got shape \(describe(tensor.shape))\(hint)")
        }
    }

    /// The matrix as a Float32 tensor of shape (rows, columns).
    public func tensor() throws -> Tensor {
        try Tensor(values.map(Float.init), shape: [rows, columns])
    }
}

/// A shape as PyTorch prints it: `(3, 4)`, `(5,)`.
func describe(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
