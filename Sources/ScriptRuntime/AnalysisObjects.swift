import Analysis
import Tensor

/// `PCA(n_components)` seen from `rnn` code: `fit`, `transform`, `fit_transform` and the
/// fitted attributes with sklearn's names (`components_`, `explained_variance_`, …).
final class PCAObject: NativeObject, SnapshotCopyable {
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

    /// A copy with the same fit (an immutable value).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copy = PCAObject(components: components, written: try copier.copy(written))
        copy.fitted = fitted
        return copy
    }
}

/// A linear estimator seen from `rnn` code — `LinearRegression(fit_intercept=True)` or
/// `Ridge(alpha=1.0, fit_intercept=True)`: `fit`, `predict`, `score`, `coef_`, `intercept_`.
/// A 1-D y gives a 1-D `coef_`, a float `intercept_` and 1-D predictions, as in sklearn; a
/// 2-D y (samples, targets) gives (targets, features) and (targets,).
final class LinearModelObject: NativeObject, SnapshotCopyable {
    /// The estimator's name (`Ridge`).
    let name: String
    let fitIntercept: Bool
    /// Ridge's penalty; nil for LinearRegression.
    let alpha: Double?
    private(set) var fitted: (any LinearModel)?
    private var singleTarget = false

    init(name: String, fitIntercept: Bool, alpha: Double? = nil) {
        self.name = name
        self.fitIntercept = fitIntercept
        self.alpha = alpha
    }

    var typeName: String { name }

    /// sklearn's repr: the parameters that differ from their defaults.
    func repr() -> String {
        var changed: [String] = []
        if let alpha, alpha != 1 { changed.append("alpha=\(Value.float(alpha).repr())") }
        if !fitIntercept { changed.append("fit_intercept=False") }
        return "\(name)(\(changed.joined(separator: ", ")))"
    }

    var attributeNames: [String] {
        ["fit", "predict", "score", "coef_", "intercept_", "fit_intercept"] + (alpha == nil ? [] : ["alpha"])
    }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "fit_intercept": return .bool(fitIntercept)
        case "alpha": return alpha.map { .float($0) }
        case "coef_", "intercept_":
            guard let model = fitted else { throw RuntimeError.value("\(name).\(member): not fitted yet; call fit(X, y) first") }
            if member == "coef_" {
                let c = model.coefficients
                return try AnalysisBuiltins.tensorValue(c.values, shape: singleTarget ? [c.columns] : [c.rows, c.columns], interpreter)
            }
            if singleTarget { return .float(model.intercepts[0]) }
            return try AnalysisBuiltins.tensorValue(model.intercepts, shape: [model.intercepts.count], interpreter)
        default: return nil
        }
    }

    func callMethod(_ method: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let what = "\(name).\(method)"
        switch method {
        case "fit":
            let args = try Signature(what, ["X", "y"]).bind(arguments)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "\(what)() X", interpreter)
            let yTensor = try interpreter.tensors.arrayOrTensor(args.value("y"), "\(what)() y")
            let y = try AnalysisBuiltins.analysis { try Matrix(yTensor, "\(what)() y", vectorAsColumn: true) }
            let (intercept, alpha) = (fitIntercept, self.alpha)
            fitted = try AnalysisBuiltins.analysis { () throws -> any LinearModel in
                if let alpha { return try Ridge(fitting: x, y, alpha: alpha, fitIntercept: intercept) }
                return try LinearRegression(fitting: x, y, fitIntercept: intercept)
            }
            singleTarget = yTensor.ndim == 1
            return .native(self)
        case "predict":
            let args = try Signature(what, ["X"]).bind(arguments)
            let model = try fittedModel(method)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "\(what)() X", interpreter)
            let y = try AnalysisBuiltins.analysis { try model.predict(x) }
            return try AnalysisBuiltins.tensorValue(y.values, shape: singleTarget ? [y.rows] : [y.rows, y.columns], interpreter)
        case "score":
            let args = try Signature(what, ["X", "y"]).bind(arguments)
            let model = try fittedModel(method)
            let x = try AnalysisBuiltins.matrix(args.value("X"), "\(what)() X", interpreter)
            let y = try AnalysisBuiltins.matrix(args.value("y"), "\(what)() y", interpreter, vector: true)
            return .float(try AnalysisBuiltins.analysis { try model.score(x, y) })
        default:
            return nil
        }
    }

    private func fittedModel(_ method: String) throws -> any LinearModel {
        guard let fitted else { throw RuntimeError.value("\(name).\(method)(): not fitted yet; call fit(X, y) first") }
        return fitted
    }

    /// A copy with the same fitted model (an immutable value).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copy = LinearModelObject(name: name, fitIntercept: fitIntercept, alpha: alpha)
        copy.fitted = fitted
        copy.singleTarget = singleTarget
        return copy
    }
}
