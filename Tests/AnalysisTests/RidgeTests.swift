import Testing
@testable import Analysis

/// Reference numbers: numpy's closed form w = (XcᵀXc + αI)⁻¹ Xcᵀyc on centred data (the
/// problem sklearn's Ridge solves), intercept ȳ − x̄·w, and the uniform-average R².
@Test func ridgeMatchesTheClosedForm() throws {
    let model = try Ridge(fitting: pcaData, regressionTargets, alpha: 0.5)
    expectClose(model.coefficients.values, [-0.25720954719825445, -0.08618879868580787, 0.4581512776383427,
                                            0.07110859097252467, 0.08485184358628897, -0.45937096581340026], 1e-9)
    expectClose(model.intercepts, [1.3211317654315584, 0.6376231786030744], 1e-9)
    expectClose([try model.score(pcaData, regressionTargets)], [0.9015097323992103], 1e-9)
}

@Test func ridgeWithoutInterceptPenalizesTheRawProblem() throws {
    let model = try Ridge(fitting: pcaData, regressionTargets, alpha: 2, fitIntercept: false)
    expectClose(model.coefficients.values, [-0.012955125298280983, 0.11626607110678526, 0.69936553919512,
                                            0.14879890108170962, 0.16110333335496718, -0.18417123271891384], 1e-9)
    expectClose(model.intercepts, [0, 0])
    expectClose([try model.score(pcaData, regressionTargets)], [0.7667558555194354], 1e-9)
}

@Test func ridgeWithoutPenaltyIsLeastSquaresAndRefusesANegativeAlpha() throws {
    let ridge = try Ridge(fitting: pcaData, regressionTargets, alpha: 0)
    let ols = try LinearRegression(fitting: pcaData, regressionTargets)
    expectClose(ridge.coefficients.values, ols.coefficients.values, 1e-9)
    #expect(throws: AnalysisError.self) { try Ridge(fitting: pcaData, regressionTargets, alpha: -1) }
    #expect(throws: AnalysisError.self) { try Ridge(fitting: pcaData, Matrix([[1.0]])) }
    #expect(throws: AnalysisError.self) { try ridge.predict(Matrix([[1.0, 2.0]])) }
}
