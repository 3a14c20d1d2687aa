/// Ridge regression with scikit-learn's semantics (`sklearn.linear_model.Ridge(alpha=1.0,
/// fit_intercept=True)`): minimizes ‖y − Xw‖² + α‖w‖²; with an intercept, X and y are centred
/// first, so the intercept ȳ − x̄·w is not penalized. Solved as the least-squares problem
/// [X; √α·I] w ≈ [y; 0] (LAPACK `dgelsd`), whose solution is that of the normal equations
/// (XᵀX + αI) w = Xᵀy that sklearn's default solver factorizes, without squaring the
/// condition number. Computed in Double; `predict` and `score` are `LinearModel`'s.
public struct Ridge: LinearModel {
    public static let name = "Ridge"
    /// The weights, one row per target (targets, features).
    public let coefficients: Matrix
    /// The intercept of each target (zeros without `fitIntercept`).
    public let intercepts: [Double]

    /// Fits y (samples, targets) ≈ X (samples, features) · coefᵀ + intercept with penalty `alpha`.
    public init(fitting x: Matrix, _ y: Matrix, alpha: Double = 1, fitIntercept: Bool = true) throws {
        guard alpha >= 0, alpha.isFinite else {
            throw AnalysisError("The 'alpha' parameter of Ridge must be a float in the range [0.0, inf). Got \(alpha) instead.")
        }
        let (a, b, xMean, yMean) = try Self.centred(x, y, fitIntercept)
        let n = x.columns
        var augmented = Matrix(rows: a.rows + n, columns: n, values: a.values + [Double](repeating: 0, count: n * n))
        for j in 0..<n { augmented[a.rows + j, j] = alpha.squareRoot() }
        let targets = Matrix(rows: b.rows + n, columns: b.columns, values: b.values + [Double](repeating: 0, count: n * b.columns))
        let (solution, _) = try LAPACK.leastSquares(augmented, targets)
        coefficients = solution.transposed
        intercepts = Self.intercepts(solution, xMean, yMean)
    }
}
