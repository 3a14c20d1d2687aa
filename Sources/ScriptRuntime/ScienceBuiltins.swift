import Foundation
import Tensor

/// The scipy and scikit-learn helpers the labs import beside numpy: `scipy.stats.sem` and
/// `sklearn.model_selection.train_test_split` (Ridge is with the other models in
/// AnalysisBuiltins).
enum ScienceBuiltins {
    static func modules() -> [String: Namespace] {
        let scipy = Namespace(name: "scipy")
        let stats = Namespace(name: "scipy.stats", unavailable: "scipy.stats function")
        let selection = Namespace(name: "sklearn.model_selection", unavailable: "sklearn.model_selection function")
        scipy.value("stats", .native(stats))
        stats.numpy("sem", ["a", "axis", "ddof"], required: 1, keywordOnly: ["nan_policy"]) { args, context in
            let policy = try args.string("nan_policy", "propagate")
            guard policy == "propagate" else {
                throw RuntimeError.value("sem(): nan_policy='\(policy)' is not available in rnnbook; only 'propagate'")
            }
            var a = try args.array("a")
            var axis: Int? = try args.int("axis", 0)
            if let given = args["axis"], given.isNone { (a, axis) = (try a.reshaped([a.count]), 0) }
            if a.ndim == 0 { a = try a.reshaped([1]) }
            let ddof = try args.double("ddof", 1)
            return try a.reduce(axis: axis, keepdims: false, dtype: .float32) { lane in
                NumpyBuiltins.variance(lane, ddof: ddof).squareRoot() / Double(lane.count).squareRoot()
            }.value(context)
        }
        selection.function("train_test_split", Signature("train_test_split", [], keywordOnly: ["test_size", "train_size", "random_state", "shuffle", "stratify"], variadic: true)) { args, interpreter in
            try trainTestSplit(args, interpreter)
        }
        return ["scipy": scipy, "scipy.stats": stats, "sklearn.model_selection": selection]
    }

    /// sklearn's `train_test_split(*arrays, test_size=None, train_size=None, random_state=None,
    /// shuffle=True)`: [train, test] for each array, rows split by one permutation. The
    /// permutation is the session's (or `random_state`'s), not sklearn's.
    static func trainTestSplit(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        guard !args.rest.isEmpty else { throw RuntimeError.value("At least one array required as input") }
        if let stratify = args["stratify"], !stratify.isNone {
            throw RuntimeError.value("train_test_split(): stratify= is not available in rnnbook")
        }
        let arrays = try args.rest.map { try NDArray.from($0, "train_test_split() array") }
        guard let n = arrays.first?.shape.first, arrays.allSatisfy({ $0.shape.first == n }) else {
            let lengths = arrays.map { String($0.shape.first ?? 0) }.joined(separator: ", ")
            throw RuntimeError.value("Found input variables with inconsistent numbers of samples: [\(lengths)]")
        }
        let (train, test) = try sizes(n, args.value("test_size"), args.value("train_size"))
        let shuffle = try args.bool("shuffle", true)
        // As sklearn: shuffled, the test rows come first in the permutation; else train, then test.
        let order = Array(0..<n)
        var (trainRows, testRows) = (Array(order[..<train]), Array(order[train..<(train + test)]))
        if shuffle {
            let generator: Generator
            if let state = args["random_state"], !state.isNone {
                generator = Generator(seed: UInt64(bitPattern: Int64(try state.asInt(args.what("random_state")))) ^ NumpyRandom.generatorSalt)
            } else {
                generator = interpreter.numpyRandom.generator
            }
            let order = NumpySampler(generator: generator, interpreter: interpreter).permutation(n)
            (testRows, trainRows) = (Array(order[..<test]), Array(order[test..<(test + train)]))
        }
        let context = interpreter.tensors
        var parts: [Value] = []
        for array in arrays {
            let width = n == 0 ? 0 : array.count / n
            for rows in [trainRows, testRows] {
                let values = rows.flatMap { array.values[($0 * width)..<(($0 + 1) * width)] }
                parts.append(try NDArray(shape: [rows.count] + array.shape.dropFirst(), values: values, dtype: array.dtype).tensor(context))
            }
        }
        return .list(ListObject(parts))
    }

    /// The train and test sizes from sklearn's `test_size` / `train_size` (fractions or counts;
    /// test 0.25 by default): the test size is rounded up, the train size down.
    static func sizes(_ n: Int, _ testValue: Value, _ trainValue: Value) throws -> (train: Int, test: Int) {
        func count(_ value: Value, _ name: String, up: Bool) throws -> Int? {
            switch value {
            case .none: return nil
            case .int(let k):
                guard k > 0, k < n else { throw RuntimeError.value("\(name)=\(k) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range") }
                return k
            case .float(let f):
                guard f > 0, f < 1 else { throw RuntimeError.value("\(name)=\(f) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range") }
                let exact = f * Double(n)
                return Int(up ? exact.rounded(.up) : exact.rounded(.down))
            default: throw RuntimeError.type("\(name) must be an int, a float or None, not \(value.typeName)")
            }
        }
        let test = try count(testValue, "test_size", up: true)
        let train = try count(trainValue, "train_size", up: false)
        let testSize = test ?? (train.map { n - $0 } ?? Int((0.25 * Double(n)).rounded(.up)))
        let trainSize = train ?? (n - testSize)
        guard trainSize + testSize <= n else {
            throw RuntimeError.value("The sum of train_size and test_size = \(trainSize + testSize), should be smaller than the number of samples \(n). Reduce test_size and/or train_size.")
        }
        guard trainSize > 0 else {
            throw RuntimeError.value("With n_samples=\(n), test_size=\(testSize) and train_size=\(trainSize), the resulting train set will be empty. Adjust any of the aforementioned parameters.")
        }
        return (trainSize, testSize)
    }
}
