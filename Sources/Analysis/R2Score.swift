/// The coefficient of determination with scikit-learn's semantics (`sklearn.metrics.r2_score`,
/// `force_finite=True`): per output j, R²_j = 1 − Σ(y − ŷ)² / Σ(y − ȳ)².
///
/// Edge cases as sklearn: an output whose true values are constant (zero denominator) scores
/// 1.0 if it is predicted perfectly and 0.0 otherwise; with fewer than two samples R² is not
/// defined and the result is nan. R² may be negative (a model worse than the mean) and is
/// not symmetric in its arguments.
public enum R2Score {
    /// How the per-output scores are combined.
    public enum Multioutput: Sendable, Equatable {
        /// Each output's score.
        case rawValues
        /// Their plain mean (the default).
        case uniformAverage
        /// Their mean weighted by each output's total sum of squares (its variance); uniform
        /// when every output is constant.
        case varianceWeighted
        /// Their mean weighted by these weights, one per output.
        case weights([Double])
    }

    /// The scores of `predicted` against `truth`, both (samples, outputs): one per output for
    /// `.rawValues`, else a single value.
    public static func compute(_ truth: Matrix, _ predicted: Matrix, _ multioutput: Multioutput = .uniformAverage) throws -> [Double] {
        guard truth.rows == predicted.rows, truth.columns == predicted.columns else {
            throw AnalysisError("r2_score(): y_true is (\(truth.rows), \(truth.columns)) but y_pred is (\(predicted.rows), \(predicted.columns)); they must have the same shape")
        }
        let outputs = truth.columns
        if case .weights(let w) = multioutput, w.count != outputs {
            throw AnalysisError("r2_score(): there must be equally many multioutput weights (\(w.count)) as outputs (\(outputs))")
        }
        guard truth.rows >= 2 else {
            let nan = [Double](repeating: .nan, count: multioutput == .rawValues ? outputs : 1)
            return nan
        }
        let means = truth.columnMeans
        var numerator = [Double](repeating: 0, count: outputs), denominator = numerator
        for i in 0..<truth.rows {
            for j in 0..<outputs {
                let residual = truth[i, j] - predicted[i, j], spread = truth[i, j] - means[j]
                numerator[j] += residual * residual
                denominator[j] += spread * spread
            }
        }
        var scores = [Double](repeating: 1, count: outputs)
        for j in 0..<outputs where numerator[j] != 0 {
            scores[j] = denominator[j] != 0 ? 1 - numerator[j] / denominator[j] : 0
        }
        let weights: [Double]?
        switch multioutput {
        case .rawValues: return scores
        case .uniformAverage: weights = nil
        case .varianceWeighted: weights = denominator.contains { $0 != 0 } ? denominator : nil
        case .weights(let w): weights = w
        }
        guard let weights else { return [scores.reduce(0, +) / Double(outputs)] }
        let total = weights.reduce(0, +)
        guard total != 0 else { throw AnalysisError("r2_score(): the multioutput weights sum to zero") }
        return [zip(scores, weights).reduce(0) { $0 + $1.0 * $1.1 } / total]
    }
}
