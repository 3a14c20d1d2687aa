import Analysis
import Tensor

/// `PCA(n_components)` seen from `rnn` code: `fit`, `transform`, `fit_transform` and the
/// fitted attributes with sklearn's names (`components_`, `explained_variance_`, …).
final class PCAObject: NativeObject {
    let components: PCA.Components
    let written: Value
    private(set) var fitted: PCA?

    init(components: PCA.Components, written: Value) {
        self.components = components
        self.written = written
    }

    var typeName: String { "PCA" }
    func repr() -> String { written.isNone ? "PCA()" : "PCA(n_components=\(written.repr()))" }

    static let fittedNames = ["components_", "explained_variance_", "explained_variance_ratio_", "mean_", "n_components_"]
    var attributeNames: [String] { ["n_components", "fit", "transform", "fit_transform"] + Self.fittedNames }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if name == "n_components" { return written }
        guard Self.fittedNames.contains(name) else { return nil }
        guard let pca = fitted else { throw RuntimeError.value("PCA.\(name): this PCA is not fitted yet; call fit(X) first") }
        switch name {
        case "components_": return try AnalysisBuiltins.tensorValue(pca.components.values, shape: [pca.components.rows, pca.components.columns], interpreter)
        case "explained_variance_": return try AnalysisBuiltins.tensorValue(pca.explainedVariance, shape: [pca.explainedVariance.count], interpreter)
        case "explained_variance_ratio_": return try AnalysisBuiltins.tensorValue(pca.explainedVarianceRatio, shape: [pca.explainedVarianceRatio.count], interpreter)
        case "mean_": return try AnalysisBuiltins.tensorValue(pca.mean, shape: [pca.mean.count], interpreter)
        default: return .int(pca.components.rows)
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "fit", "fit_transform", "transform":
            let args = try Signature("PCA.\(name)", ["X", "y"], required: 1).bind(arguments)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "PCA.\(name)() X", interpreter)
            if name != "transform" {
                let components = self.components
                fitted = try AnalysisBuiltins.analysis { try PCA(fitting: x, components: components) }
            }
            if name == "fit" { return .native(self) }
            guard let pca = fitted else { throw RuntimeError.value("PCA.transform(): this PCA is not fitted yet; call fit(X) first") }
            let scores = try AnalysisBuiltins.analysis { try pca.transform(x) }
            return try AnalysisBuiltins.tensorValue(scores.values, shape: [scores.rows, scores.columns], interpreter)
        default:
            return nil
        }
    }
}

/// `LinearRegression(fit_intercept=True)` seen from `rnn` code: `fit`, `predict`, `score`,
/// `coef_`, `intercept_`. A 1-D y gives a 1-D `coef_`, a float `intercept_` and 1-D
/// predictions, as in sklearn; a 2-D y (samples, targets) gives (targets, features) and (targets,).
final class LinearRegressionObject: NativeObject {
    let fitIntercept: Bool
    private(set) var fitted: LinearRegression?
    private var singleTarget = false

    init(fitIntercept: Bool) {
        self.fitIntercept = fitIntercept
    }

    var typeName: String { "LinearRegression" }
    func repr() -> String { fitIntercept ? "LinearRegression()" : "LinearRegression(fit_intercept=False)" }
    var attributeNames: [String] { ["fit", "predict", "score", "coef_", "intercept_", "fit_intercept"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "fit_intercept": return .bool(fitIntercept)
        case "coef_", "intercept_":
            guard let model = fitted else { throw RuntimeError.value("LinearRegression.\(name): not fitted yet; call fit(X, y) first") }
            if name == "coef_" {
                let c = model.coefficients
                return try AnalysisBuiltins.tensorValue(c.values, shape: singleTarget ? [c.columns] : [c.rows, c.columns], interpreter)
            }
            if singleTarget { return .float(model.intercepts[0]) }
            return try AnalysisBuiltins.tensorValue(model.intercepts, shape: [model.intercepts.count], interpreter)
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "fit":
            let args = try Signature("LinearRegression.fit", ["X", "y"]).bind(arguments)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "LinearRegression.fit() X", interpreter)
            let yTensor = try interpreter.tensors.tensor(args.value("y"), "LinearRegression.fit() y")
            let y = try AnalysisBuiltins.analysis { try Matrix(yTensor, "LinearRegression.fit() y", vectorAsColumn: true) }
            let intercept = fitIntercept
            fitted = try AnalysisBuiltins.analysis { try LinearRegression(fitting: x, y, fitIntercept: intercept) }
            singleTarget = yTensor.ndim == 1
            return .native(self)
        case "predict":
            let args = try Signature("LinearRegression.predict", ["X"]).bind(arguments)
            let model = try fittedModel(name)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "LinearRegression.predict() X", interpreter)
            let y = try AnalysisBuiltins.analysis { try model.predict(x) }
            return try AnalysisBuiltins.tensorValue(y.values, shape: singleTarget ? [y.rows] : [y.rows, y.columns], interpreter)
        case "score":
            let args = try Signature("LinearRegression.score", ["X", "y"]).bind(arguments)
            let model = try fittedModel(name)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "LinearRegression.score() X", interpreter)
            let y = try AnalysisBuiltins.matrix(args.value("y"), "LinearRegression.score() y", interpreter, vector: true)
            return .float(try AnalysisBuiltins.analysis { try model.score(x, y) })
        default:
            return nil
        }
    }

    private func fittedModel(_ method: String) throws -> LinearRegression {
        guard let fitted else { throw RuntimeError.value("LinearRegression.\(method)(): not fitted yet; call fit(X, y) first") }
        return fitted
    }
}
