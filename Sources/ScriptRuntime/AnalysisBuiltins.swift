import Analysis
import Neural
import Tensor

/// The analysis functions of the language: sklearn's `PCA`, `LinearRegression`, `Ridge` and
/// `r2_score`, CTDB's `state_r2`, and Golub & Sussillo's `find_fixed_points` (docs/analysis.md).
enum AnalysisBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("PCA", Signature("PCA", ["n_components"], required: 0)) { args, _ in
            let value = args.value("n_components")
            let components: PCA.Components
            switch value {
            case .none: components = .all
            case .int(let n): components = .count(n)
            case .float(let f): components = .varianceFraction(f)
            default: throw RuntimeError.type("PCA() n_components must be an int, a float in (0, 1) or None, not \(value.typeName)")
            }
            if case .count(let n) = components, n < 1 { throw RuntimeError.value("PCA(): n_components must be at least 1, got \(n)") }
            if case .varianceFraction(let f) = components, !(f > 0 && f < 1) {
                throw RuntimeError.value("PCA(): a float n_components must be in (0, 1), got \(f)")
            }
            return .native(PCAObject(components: components, written: value))
        }
        registry.function("LinearRegression", Signature("LinearRegression", [], keywordOnly: ["fit_intercept"])) { args, _ in
            .native(LinearModelObject(name: "LinearRegression", fitIntercept: try args.bool("fit_intercept", true)))
        }
        registry.function("Ridge", Signature("Ridge", ["alpha"], required: 0, keywordOnly: ["fit_intercept"])) { args, _ in
            let alpha = try args.double("alpha", 1)
            guard alpha >= 0, alpha.isFinite else {
                throw RuntimeError.value("The 'alpha' parameter of Ridge must be a float in the range [0.0, inf). Got \(args.value("alpha").repr()) instead.")
            }
            return .native(LinearModelObject(name: "Ridge", fitIntercept: try args.bool("fit_intercept", true), alpha: alpha))
        }
        registry.function("r2_score", Signature("r2_score", ["y_true", "y_pred"], keywordOnly: ["multioutput"])) { args, interpreter in
            let truth = try matrix(args.value("y_true"), "r2_score() y_true", interpreter, vector: true)
            let predicted = try matrix(args.value("y_pred"), "r2_score() y_pred", interpreter, vector: true)
            let mode = try multioutput(args.value("multioutput", .str("uniform_average")), interpreter)
            let scores = try analysis { try R2Score.compute(truth, predicted, mode) }
            if mode == .rawValues { return try tensorValue(scores, shape: [scores.count], interpreter) }
            return .float(scores[0])
        }
        registry.function("state_r2", Signature("state_r2", ["lats_true", "lats_pred", "num_pcs"], required: 2)) { args, interpreter in
            let truth = try latents(args.value("lats_true"), "state_r2() lats_true", interpreter)
            let predicting = try latents(args.value("lats_pred"), "state_r2() lats_pred", interpreter)
            let pcs = try args.int("num_pcs", 3)
            return .float(try analysis { try StateR2.compute(truth: truth, predicting: predicting, pcs: pcs) })
        }
        installFixedPoints(&registry)
    }

    /// Runs analysis code, turning its errors (and the engine's) into runtime errors.
    static func analysis<R>(_ body: () throws -> R) throws -> R {
        do {
            return try EngineErrors.converting(body)
        } catch let error as AnalysisError {
            throw RuntimeError.value(error.message)
        }
    }

    /// A tensor (or nested list) argument as a Double matrix; a 1-D one as a column when `vector`.
    static func matrix(_ value: Value, _ what: String, _ interpreter: Interpreter, vector: Bool = false) throws -> Matrix {
        let tensor = try interpreter.tensors.arrayOrTensor(value, what)
        return try analysis { try Matrix(tensor, what, vectorAsColumn: vector) }
    }

    /// Latent states (trials, T, N) flattened to (trials·T, N), or (samples, N) as given.
    static func latents(_ value: Value, _ what: String, _ interpreter: Interpreter) throws -> Matrix {
        let tensor = try interpreter.tensors.arrayOrTensor(value, what)
        guard tensor.ndim == 3 else { return try analysis { try Matrix(tensor, what) } }
        let n = tensor.shape[2]
        return Matrix(rows: tensor.count / max(1, n), columns: n, values: tensor.scalars.map(Double.init))
    }

    /// Doubles as a Float32 tensor value of `shape`: a numpy array, as sklearn gives
    /// (its methods follow numpy, docs/numpy.md).
    static func tensorValue(_ values: [Double], shape: [Int], _ interpreter: Interpreter) throws -> Value {
        try NDArray(shape: shape, values: values, dtype: .float32).tensor(interpreter.tensors)
    }

    static func multioutput(_ value: Value, _ interpreter: Interpreter) throws -> R2Score.Multioutput {
        switch value {
        case .str("raw_values"): return .rawValues
        case .str("uniform_average"): return .uniformAverage
        case .str("variance_weighted"): return .varianceWeighted
        case .str(let other):
            throw RuntimeError.value("r2_score(): multioutput must be 'raw_values', 'uniform_average', 'variance_weighted' or a list of weights, not '\(other)'")
        default:
            return .weights(try interpreter.numbers(value, "r2_score() multioutput"))
        }
    }
}
