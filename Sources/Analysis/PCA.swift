import CBLAS
import Tensor

/// Principal component analysis with scikit-learn's semantics (`sklearn.decomposition.PCA`,
/// no whitening): the data are centred by their column means, the components are the
/// eigenvectors of the sample covariance (ddof = 1), sorted by variance, largest first.
///
/// Computed in Double as sklearn's `covariance_eigh` solver does: C = XcᵀXc / (n − 1),
/// then LAPACK's `dsyevd`; tiny negative eigenvalues (rounding) are clipped to 0. The sign
/// of each component follows sklearn ≥ 1.5 (`svd_flip(U, Vt, u_based_decision=False)`):
/// the entry of largest magnitude in each component is positive (the first one on ties).
/// Older sklearn (< 1.5) decided the sign from the scores instead, so its components may
/// differ from these by a sign.
public struct PCA: Sendable {
    /// How many components to keep.
    public enum Components: Sendable, Equatable {
        /// min(n_samples, n_features), sklearn's `n_components=None`.
        case all
        /// Exactly this many.
        case count(Int)
        /// The fewest whose cumulative explained-variance ratio exceeds this fraction in (0, 1).
        case varianceFraction(Double)
    }

    /// The component directions, one per row (k, n_features), unit length.
    public let components: Matrix
    /// The variance of the data along each component (ddof = 1), descending.
    public let explainedVariance: [Double]
    /// Each component's share of the total variance (over all components, kept or not).
    public let explainedVarianceRatio: [Double]
    /// The column means removed before projecting.
    public let mean: [Double]
    /// How many samples the fit saw.
    public let sampleCount: Int

    /// Fits the components of `x` (samples, features).
    public init(fitting x: Matrix, components: Components = .all) throws {
        let n = x.rows, p = x.columns
        guard n >= 1, p >= 1 else {
            throw AnalysisError("PCA.fit(): need at least one sample and one feature, got (\(n), \(p))")
        }
        guard x.values.allSatisfy(\.isFinite) else { throw AnalysisError("PCA.fit(): the data contain nan or inf") }
        let limit = min(n, p)
        let k: Int?
        switch components {
        case .all: k = limit
        case .count(let c):
            guard c >= 1 && c <= limit else {
                throw AnalysisError("PCA.fit(): n_components=\(c) must be between 1 and min(n_samples, n_features)=\(limit)")
            }
            k = c
        case .varianceFraction(let f):
            guard f > 0 && f < 1 else { throw AnalysisError("PCA(): a float n_components must be in (0, 1), got \(f)") }
            k = nil
        }
        let mean = x.columnMeans
        var centred = x.values
        for i in 0..<n {
            for j in 0..<p { centred[i * p + j] -= mean[j] }
        }
        // C = XcᵀXc / (n − 1) (upper triangle by BLAS, mirrored).
        var covariance = [Double](repeating: 0, count: p * p)
        let scale = n > 1 ? 1 / Double(n - 1) : 0
        BLASCalls.run {
            cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(p), Int32(n), scale, centred, Int32(p), 0, &covariance, Int32(p))
        }
        for i in 0..<p {
            for j in 0..<i { covariance[i * p + j] = covariance[j * p + i] }
        }
        let (ascending, vectors) = try LAPACK.symmetricEigen(Matrix(rows: p, columns: p, values: covariance))
        let order = Array((0..<p).reversed())
        let variances = order.map { max(0, ascending[$0]) }
        let total = variances.reduce(0, +)
        let ratios = variances.map { total > 0 ? $0 / total : 0 }
        var kept = k ?? 0
        if case .varianceFraction(let f) = components {
            // sklearn: searchsorted(cumsum(ratio), f, side="right") + 1.
            var cumulative = 0.0
            kept = limit
            for (i, r) in ratios.enumerated() {
                cumulative += r
                if cumulative > f { kept = i + 1; break }
            }
            kept = min(kept, limit)
        }
        var rows: [Double] = []
        rows.reserveCapacity(kept * p)
        for index in order.prefix(kept) {
            var v = vectors.row(index)
            var biggest = 0
            for j in 1..<max(1, p) where abs(v[j]) > abs(v[biggest]) { biggest = j }
            if v[biggest] < 0 { v = v.map { -$0 } }
            rows += v
        }
        self.components = Matrix(rows: kept, columns: p, values: rows)
        explainedVariance = Array(variances.prefix(kept))
        explainedVarianceRatio = Array(ratios.prefix(kept))
        self.mean = mean
        sampleCount = n
    }

    /// The scores of `x` (samples, features): (x − mean) · componentsᵀ, (samples, k).
    public func transform(_ x: Matrix) throws -> Matrix {
        guard x.columns == mean.count else {
            throw AnalysisError("PCA.transform(): X has \(x.columns) features, but PCA was fitted on \(mean.count)")
        }
        var centred = x.values
        for i in 0..<x.rows {
            for j in 0..<x.columns { centred[i * x.columns + j] -= mean[j] }
        }
        return Matrix(rows: x.rows, columns: x.columns, values: centred).multiplied(by: components.transposed)
    }
}
