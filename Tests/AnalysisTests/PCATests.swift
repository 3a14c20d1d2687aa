import Testing
@testable import Analysis

/// Reference numbers: numpy's SVD of the centred data with sklearn's svd_flip on Vt
/// (largest-|value| entry of each component positive) and ddof = 1.
let pcaData = Matrix([[2.5, 2.4, 1.0], [0.5, 0.7, 2.0], [2.2, 2.9, 0.5], [1.9, 2.2, 1.5], [3.1, 3.0, 0.2], [2.3, 2.7, 1.1]])

func expectClose(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    for (x, y) in zip(a, b) {
        #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(a) vs \(b)", sourceLocation: sourceLocation)
    }
}

@Test func pcaMatchesSklearn() throws {
    let pca = try PCA(fitting: pcaData)
    expectClose(pca.mean, [2.0833333333333335, 2.3166666666666664, 1.05])
    expectClose(pca.explainedVariance, [1.7972680546812647, 0.06293997430637235, 0.04612530434569722])
    expectClose(pca.explainedVarianceRatio, [0.9427879286665136, 0.033016248106157886, 0.02419582322732848])
    expectClose(pca.components.values, [
        0.6375102615677458, 0.6190917697111814, -0.458591372652934,
        0.47807524420018466, 0.14889794805220197, 0.8656058352095239,
        -0.6041727627746538, 0.77107378488814, 0.20104847917733754,
    ], 1e-8)
    let scores = try pca.transform(pcaData)
    expectClose(Array(scores.values.prefix(6)), [0.34014982509513925, 0.16832588899395082, -0.1975349263742941,
                                                 -2.4459180792022948, -0.1753452758856379, -0.09896635595748701], 1e-8)
}

@Test func pcaKeepsFewerComponentsAndRatiosOverAll() throws {
    let pca = try PCA(fitting: pcaData, components: .count(2))
    #expect(pca.components.rows == 2)
    expectClose(pca.explainedVarianceRatio, [0.9427879286665136, 0.033016248106157886])
    #expect(try pca.transform(pcaData).columns == 2)
    // The fewest components whose cumulative ratio exceeds 0.95: 0.9428 + 0.0330 = 0.9758.
    #expect(try PCA(fitting: pcaData, components: .varianceFraction(0.95)).components.rows == 2)
    #expect(try PCA(fitting: pcaData, components: .varianceFraction(0.9)).components.rows == 1)
}

@Test func pcaRejectsBadComponentCounts() {
    #expect(throws: AnalysisError.self) { try PCA(fitting: pcaData, components: .count(4)) }
    #expect(throws: AnalysisError.self) { try PCA(fitting: pcaData, components: .count(0)) }
}

@Test func pcaSignMakesLargestEntryPositive() throws {
    // Points along (−1, −3): the component is (1, 3)/√10 after the flip, whatever LAPACK returns.
    let x = Matrix([[1, 3], [-1, -3], [2, 6], [-2, -6.0]])
    let pca = try PCA(fitting: x, components: .count(1))
    expectClose(pca.components.values, [1 / 10.0.squareRoot(), 3 / 10.0.squareRoot()])
    expectClose(pca.explainedVariance, [(2 * 10 + 2 * 40) / 3.0])
}
