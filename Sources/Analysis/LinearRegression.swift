/// Ordinary least squares with scikit-learn's semantics (`sklearn.linear_model.LinearRegression`):
/// with an intercept, X and y are centred by their means, the centred problem is solved by
/// `scipy.linalg.lstsq`'s method (LAPACK `dgelsd`: SVD, minimum-norm solution when X is rank
/// deficient, singular values below ε·σ_max dropped), and the intercept is ȳ − x̄·coef.
/// Computed in Double.
public struct LinearRegression: Sendable {
    /// The weights, one row per target (targets, features).
    public let coefficients: Matrix
    /// The intercept of each target (zeros without `fitIntercept`).
    public let intercepts: [Double]
    /// The effective rank of the (centred) design matrix.
    public let rank: Int

    /// Fits y (samples, targets) ≈ X (samples, features) · coefᵀ + intercept.
    public init(fitting x: Matrix, _ y: Matrix, fitIntercept: Bool = true) throws {
        guard x.rows == y.rows else {
            throw AnalysisError("LinearRegression.fit(): X has \(x.rows) samples but y has \(y.rows)")
        }
        guard x.rows >= 1 else { throw AnalysisError("LinearRegression.fit(): need at least one sample") }
        var a = x, b = y
        var xMean = [Double](repeating: 0, count: x.columns), yMean = [Double](repeating: 0, count: y.columns)
        if fitIntercept {
            xMean = x.columnMeans
            yMean = y.columnMeans
            for i in 0..<x.rows {
                for j in 0..<x.columns { a[i, j] -= xMean[j] }
                for j in 0..<y.columns { b[i, j] -= yMean[j] }
            }
        }
        let (solution, rank) = try LAPACK.leastSquares(a, b)
        coefficients = solution.transposed
        intercepts = (0..<y.columns).map { t in
            yMean[t] - zip(xMean, solution.column(t)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        self.rank = rank
    }

    /// The predictions X · coefᵀ + intercept, (samples, targets).
    public func predict(_ x: Matrix) throws -> Matrix {
        guard x.columns == coefficients.columns else {
            throw AnalysisError("LinearRegression.predict(): X has \(x.columns) features, but the model was fitted on \(coefficients.columns)")
        }
        var out = x.multiplied(by: coefficients.transposed)
        for i in 0..<out.rows {
            for t in 0..<out.columns { out[i, t] += intercepts[t] }
        }
        return out
    }

    /// R² of the predictions for X against y, averaged uniformly over targets (sklearn's `score`).
    public func score(_ x: Matrix, _ y: Matrix) throws -> Double {
        let scores = try R2Score.compute(y, predict(x), .uniformAverage)
        return scores[0]
    }
}
