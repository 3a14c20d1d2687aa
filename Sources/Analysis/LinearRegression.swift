/// Ordinary least squares with scikit-learn's semantics (`sklearn.linear_model.LinearRegression`):
/// with an intercept, X and y are centred by their means, the centred problem is solved by
/// `scipy.linalg.lstsq`'s method (LAPACK `dgelsd`: SVD, minimum-norm solution when X is rank
/// deficient, singular values below ε·σ_max dropped), and the intercept is ȳ − x̄·coef.
/// Computed in Double. `predict` and `score` are `LinearModel`'s.
public struct LinearRegression: LinearModel {
    public static let name = "LinearRegression"
    /// The weights, one row per target (targets, features).
    public let coefficients: Matrix
    /// The intercept of each target (zeros without `fitIntercept`).
    public let intercepts: [Double]
    /// The effective rank of the (centred) design matrix.
    public let rank: Int

    /// Fits y (samples, targets) ≈ X (samples, features) · coefᵀ + intercept.
    public init(fitting x: Matrix, _ y: Matrix, fitIntercept: Bool = true) throws {
        let (a, b, xMean, yMean) = try Self.centred(x, y, fitIntercept)
        let (solution, rank) = try LAPACK.leastSquares(a, b)
        coefficients = solution.transposed
        intercepts = Self.intercepts(solution, xMean, yMean)
        self.rank = rank
    }
}
