/// The state R² of the Computation-Through-Dynamics Benchmark (`ctd` `metrics.get_state_r2`):
/// how well one model's latent states predict another's, compared in their principal
/// subspaces.
///
/// Both state sets (samples, N), with trials and time already flattened, are reduced to
/// their own first `pcs` principal components (PCA fitted on each separately; the
/// predicting states are zero-padded to `pcs` columns when narrower). Then for each true
/// PC j, an affine regression from the predicting PCs onto it is fitted and scored in
/// sample; the result is the mean of these R² values. Not symmetric: swapping the roles
/// answers a different question.
public enum StateR2 {
    /// The mean in-sample R² of predicting each of the first `pcs` PCs of `truth` from the
    /// first `pcs` PCs of `predicting`.
    public static func compute(truth: Matrix, predicting: Matrix, pcs: Int = 3) throws -> Double {
        guard truth.rows == predicting.rows else {
            throw AnalysisError("state_r2(): the two state sets have \(truth.rows) and \(predicting.rows) samples; they must match")
        }
        guard pcs >= 1 else { throw AnalysisError("state_r2(): num_pcs must be at least 1, got \(pcs)") }
        var padded = predicting
        if predicting.columns < pcs {
            var values = [Double](repeating: 0, count: predicting.rows * pcs)
            for i in 0..<predicting.rows {
                for j in 0..<predicting.columns { values[i * pcs + j] = predicting[i, j] }
            }
            padded = Matrix(rows: predicting.rows, columns: pcs, values: values)
        }
        let truePCs = try PCA(fitting: truth, components: .count(pcs)).transform(truth)
        let predictedPCs = try PCA(fitting: padded, components: .count(pcs)).transform(padded)
        var total = 0.0
        for j in 0..<pcs {
            let target = Matrix(rows: truePCs.rows, columns: 1, values: truePCs.column(j))
            total += try LinearRegression(fitting: predictedPCs, target).score(predictedPCs, target)
        }
        return total / Double(pcs)
    }
}
