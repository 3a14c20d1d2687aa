import Foundation
import Tensor

/// numpy's reductions with `axis=` (None: over all elements) and `keepdims=`: `sum`, `prod`,
/// `mean`, `std`/`var` (`ddof=0` by default, unlike PyTorch), `min`/`max`, `argmin`/`argmax`
/// (flattened index without an axis), `any`, `all`, `count_nonzero`, the `nan` forms, and
/// the running ones `cumsum`, `cumprod`, `diff`.
extension NumpyBuiltins {
    /// A reduction: its result dtype for an input dtype, and its value for one lane.
    struct Reduction: Sendable {
        let dtype: @Sendable (DType) -> DType
        let body: @Sendable ([Double]) throws -> Double
    }

    static let integerSum: @Sendable (DType) -> DType = { $0 == .float32 ? .float32 : .int64 }
    static let float: @Sendable (DType) -> DType = { _ in .float32 }

    static let reductions: [String: Reduction] = [
        "sum": Reduction(dtype: integerSum) { sum($0) },
        "prod": Reduction(dtype: integerSum) { $0.reduce(1, *) },
        "mean": Reduction(dtype: float) { $0.isEmpty ? .nan : sum($0) / Double($0.count) },
        "max": Reduction(dtype: { $0 }) { try extreme($0, "maximum", >) },
        "min": Reduction(dtype: { $0 }) { try extreme($0, "minimum", <) },
        "amax": Reduction(dtype: { $0 }) { try extreme($0, "maximum", >) },
        "amin": Reduction(dtype: { $0 }) { try extreme($0, "minimum", <) },
        "argmax": Reduction(dtype: { _ in .int64 }) { Double(try position($0, "argmax", >)) },
        "argmin": Reduction(dtype: { _ in .int64 }) { Double(try position($0, "argmin", <)) },
        "any": Reduction(dtype: { _ in .bool }) { $0.contains { $0 != 0 } ? 1 : 0 },
        "all": Reduction(dtype: { _ in .bool }) { $0.allSatisfy { $0 != 0 } ? 1 : 0 },
        "nansum": Reduction(dtype: integerSum) { sum($0.filter { !$0.isNaN }) },
        "nanmean": Reduction(dtype: float) { lane in
            let kept = lane.filter { !$0.isNaN }
            return kept.isEmpty ? .nan : sum(kept) / Double(kept.count)
        },
        "nanmax": Reduction(dtype: { $0 }) { lane in try extreme(lane.filter { !$0.isNaN }, "maximum", >) },
        "nanmin": Reduction(dtype: { $0 }) { lane in try extreme(lane.filter { !$0.isNaN }, "minimum", <) },
    ]

    static func installReductions(_ np: Namespace) {
        for (name, reduction) in reductions {
            np.numpy(name, ["a", "axis"], required: 1, keywordOnly: ["keepdims"]) { args, context in
                let a = try args.array("a")
                return try a.reduce(axis: try args.axis(), keepdims: try args.bool("keepdims", false),
                                    dtype: reduction.dtype(a.dtype), reduction.body).value(context)
            }
        }
        for name in ["std", "var", "nanstd", "nanvar"] {
            np.numpy(name, ["a", "axis"], required: 1, keywordOnly: ["ddof", "keepdims"]) { args, context in
                let ddof = try args.double("ddof", 0)
                let dropNaN = name.hasPrefix("nan"), root = name.hasSuffix("std")
                return try args.array("a").reduce(axis: try args.axis(), keepdims: try args.bool("keepdims", false), dtype: .float32) { lane in
                    let v = variance(dropNaN ? lane.filter { !$0.isNaN } : lane, ddof: ddof)
                    return root ? v.squareRoot() : v
                }.value(context)
            }
        }
        np.numpy("count_nonzero", ["a", "axis"], required: 1, keywordOnly: ["keepdims"]) { args, context in
            try args.array("a").reduce(axis: try args.axis(), keepdims: try args.bool("keepdims", false), dtype: .int64) { lane in
                Double(lane.filter { $0 != 0 }.count)
            }.value(context)
        }
        for name in ["cumsum", "cumprod"] {
            np.numpy(name, ["a", "axis"], required: 1) { args, context in
                var a = try args.array("a")
                var axis = try args.axis()
                if axis == nil { (a, axis) = (try a.reshaped([a.count]), 0) }
                let k = try NDArray.axis(axis ?? 0, a.ndim)
                let product = name == "cumprod"
                return try a.mapLanes(axis: k, newLength: a.shape[k], dtype: integerSum(a.dtype)) { lane in
                    var total = product ? 1.0 : 0.0
                    return lane.map { x in
                        total = product ? total * x : total + x
                        return total
                    }
                }.tensor(context)
            }
        }
        np.numpy("diff", ["a", "n", "axis"], required: 1) { args, context in
            var a = try args.array("a")
            let n = try args.int("n", 1)
            guard n >= 0 else { throw RuntimeError.value("order must be non-negative but got \(n)") }
            guard a.ndim > 0 else { throw RuntimeError.value("diff requires input that is at least one dimensional") }
            let axis = try NDArray.axis(try args.int("axis", -1), a.ndim)
            for _ in 0..<n {
                let length = Swift.max(0, a.shape[axis] - 1)
                a = try a.mapLanes(axis: axis, newLength: length, dtype: a.dtype) { lane in
                    lane.count < 2 ? [] : (1..<lane.count).map { lane[$0] - lane[$0 - 1] }
                }
                if length == 0 { break }
            }
            return try a.tensor(context)
        }
    }

    /// A sum in pairwise order, as numpy sums (closer to the exact sum than a running total).
    static func sum(_ values: [Double]) -> Double {
        func pairwise(_ range: Range<Int>) -> Double {
            if range.count <= 8 { return values[range].reduce(0, +) }
            let middle = range.lowerBound + range.count / 2
            return pairwise(range.lowerBound..<middle) + pairwise(middle..<range.upperBound)
        }
        return pairwise(0..<values.count)
    }

    /// The variance with `ddof` degrees of freedom removed (NaN without enough values).
    static func variance(_ lane: [Double], ddof: Double) -> Double {
        let n = Double(lane.count)
        guard n - ddof > 0 else { return .nan }
        let mean = sum(lane) / n
        return sum(lane.map { ($0 - mean) * ($0 - mean) }) / (n - ddof)
    }

    /// The largest (or smallest) value of a lane; NaN wins, as in numpy.
    static func extreme(_ lane: [Double], _ name: String, _ better: (Double, Double) -> Bool) throws -> Double {
        guard let first = lane.first else {
            throw RuntimeError.value("zero-size array to reduction operation \(name) which has no identity")
        }
        return lane.reduce(first) { $0.isNaN || $1.isNaN ? .nan : (better($1, $0) ? $1 : $0) }
    }

    /// The first position of the largest (or smallest) value; the first NaN wins, as in numpy.
    static func position(_ lane: [Double], _ name: String, _ better: (Double, Double) -> Bool) throws -> Int {
        guard !lane.isEmpty else { throw RuntimeError.value("attempt to get \(name) of an empty sequence") }
        if let nan = lane.firstIndex(where: \.isNaN) { return nan }
        var best = 0
        for i in lane.indices where better(lane[i], lane[best]) { best = i }
        return best
    }
}
