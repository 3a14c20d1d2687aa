/// A fitted linear model y ≈ X · coefᵀ + intercept (`LinearRegression`, `Ridge`): the
/// predictions and sklearn's `score` (R², uniform average over targets) are shared.
public protocol LinearModel: Sendable {
    /// The estimator's name in messages (`Ridge`).
    static var name: String { get }
    /// The weights, one row per target (targets, features).
    var coefficients: Matrix { get }
    /// The intercept of each target (zeros without an intercept).
    var intercepts: [Double] { get }
}

extension LinearModel {
    /// The predictions X · coefᵀ + intercept, (samples, targets).
    public func predict(_ x: Matrix) throws -> Matrix {
        guard x.columns == coefficients.columns else {
            throw AnalysisError("\(Self.name).predict(): X has \(x.columns) features, but the model was fitted on \(coefficients.columns)")
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

    /// X and y centred by their column means when `fitIntercept` (sklearn's preprocessing),
    /// with the means (zeros otherwise).
    static func centred(_ x: Matrix, _ y: Matrix, _ fitIntercept: Bool) throws
        -> (x: Matrix, y: Matrix, xMean: [Double], yMean: [Double]) {
        guard x.rows == y.rows else {
            throw AnalysisError("\(name).fit(): X has \(x.rows) samples but y has \(y.rows)")
        }
        guard x.rows >= 1 else { throw AnalysisError("\(name).fit(): need at least one sample") }
        var a = x, b = y
        guard fitIntercept else {
            return (a, b, [Double](repeating: 0, count: x.columns), [Double](repeating: 0, count: y.columns))
        }
        let xMean = x.columnMeans, yMean = y.columnMeans
        for i in 0..<x.rows {
            for j in 0..<x.columns { a[i, j] -= xMean[j] }
            for j in 0..<y.columns { b[i, j] -= yMean[j] }
        }
        return (a, b, xMean, yMean)
    }

    /// The intercepts ȳ − x̄ · coef for a solution (features, targets).
    static func intercepts(_ solution: Matrix, _ xMean: [Double], _ yMean: [Double]) -> [Double] {
        (0..<yMean.count).map { t in
            yMean[t] - zip(xMean, solution.column(t)).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }
}
