import Testing
@testable import Analysis

/// Reference numbers: numpy's lstsq on [X, 1] and the textbook R² (sklearn's formula).
let regressionTargets = Matrix([[1.0, 0.3], [2.0, -0.1], [0.7, 0.9], [1.4, 0.2], [0.1, 1.3], [1.2, 0.4]])

@Test func linearRegressionMatchesLeastSquares() throws {
    let model = try LinearRegression(fitting: pcaData, regressionTargets)
    expectClose(model.coefficients.values, [-0.311440735895877, 0.26344354888787236, 0.9066205739392948,
                                            -0.09301502502638029, -0.10439399673572067, -0.9804393817857232], 1e-8)
    expectClose(model.intercepts, [0.15323904222324664, 1.965088745451054], 1e-8)
    let predicted = try model.predict(pcaData)
    expectClose(try R2Score.compute(regressionTargets, predicted, .rawValues), [0.9882219484938564, 0.9418422711214853], 1e-8)
    expectClose([try model.score(pcaData, regressionTargets)], [0.9650321098076708], 1e-8)
    expectClose(try R2Score.compute(regressionTargets, predicted, .varianceWeighted), [0.9703483574116184], 1e-8)
}

@Test func linearRegressionWithoutInterceptAndRankDeficient() throws {
    // y = 2x exactly, through the origin.
    let x = Matrix([[1], [2], [3.0]]), y = Matrix([[2], [4], [6.0]])
    let plain = try LinearRegression(fitting: x, y, fitIntercept: false)
    expectClose(plain.coefficients.values, [2])
    expectClose(plain.intercepts, [0])
    // Two identical columns: the minimum-norm solution splits the weight evenly (as lstsq).
    let twin = try LinearRegression(fitting: Matrix([[1, 1], [2, 2], [4, 4.0]]), Matrix([[2], [4], [8.0]]))
    expectClose(twin.coefficients.values, [1, 1], 1e-9)
    #expect(twin.rank == 1)
}

@Test func r2ScoreFollowsSklearnExamples() throws {
    // sklearn's documentation examples.
    expectClose(try R2Score.compute(Matrix([[3], [-0.5], [2], [7]]), Matrix([[2.5], [0.0], [2], [8]])), [0.9486081370449679])
    let truth = Matrix([[0.5, 1], [-1, 1], [7, -6]]), predicted = Matrix([[0, 2], [-1, 2], [8, -5.0]])
    expectClose(try R2Score.compute(truth, predicted, .rawValues), [0.9654377880184332, 0.9081632653061225])
    expectClose(try R2Score.compute(truth, predicted), [0.9368005266622779])
    expectClose(try R2Score.compute(truth, predicted, .varianceWeighted), [0.9382566585956417])
    expectClose(try R2Score.compute(truth, predicted, .weights([1, 0])), [0.9654377880184332])
    // Constant targets: 1 if predicted exactly, else 0; worse than the mean is negative.
    #expect(try R2Score.compute(Matrix([[-2], [-2], [-2]]), Matrix([[-2], [-2], [-2]])) == [1])
    #expect(try R2Score.compute(Matrix([[-2], [-2], [-2]]), Matrix([[-2], [-2], [-2 + 1e-8]])) == [0])
    expectClose(try R2Score.compute(Matrix([[1], [2], [3]]), Matrix([[3], [2], [1]])), [-3])
    // All outputs constant: variance weighting falls back to uniform weights.
    #expect(try R2Score.compute(Matrix([[1, 2], [1, 2]]), Matrix([[1, 3], [1, 2]]), .varianceWeighted) == [0.5])
    // Fewer than two samples: not defined.
    #expect(try R2Score.compute(Matrix([[1.0]]), Matrix([[1.0]]))[0].isNaN)
    #expect(throws: AnalysisError.self) { try R2Score.compute(Matrix([[1.0], [2]]), Matrix([[1.0, 2], [2, 3]])) }
}

@Test func stateR2OfALinearImageIsOne() throws {
    // Predicting states that are an invertible linear map of the true ones explain them fully;
    // a two-dimensional predictor (padded to three columns) cannot explain a 3-D truth fully.
    let truth = pcaData
    let mixed = try LinearRegression(fitting: truth, truth).predict(truth)  // the identity map
    let rotated = truth.multiplied(by: Matrix([[0, 1, 0], [2, 0, 0], [0, 0, -1.0]]))
    expectClose([try StateR2.compute(truth: truth, predicting: rotated)], [1], 1e-9)
    expectClose([try StateR2.compute(truth: truth, predicting: mixed)], [1], 1e-9)
    let flat = Matrix(rows: 6, columns: 2, values: Array(truth.values.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)))
    let partial = try StateR2.compute(truth: truth, predicting: flat)
    #expect(partial < 1 && partial > 0)
}
