import Foundation
import Tensor

/// numpy's order statistics: `median`, `percentile` and `quantile` (the linear method, q a
/// number or a list), `histogram` (bins an int or the edges), `unique` (sorted, with
/// `return_counts`).
extension NumpyBuiltins {
    static func installStatistics(_ np: Namespace) {
        np.numpy("median", ["a", "axis"], required: 1, keywordOnly: ["keepdims"]) { args, context in
            try args.array("a").reduce(axis: try args.axis(), keepdims: try args.bool("keepdims", false), dtype: .float32) { lane in
                try quantile(lane, 0.5, "median")
            }.value(context)
        }
        for (name, scale) in [("percentile", 100.0), ("quantile", 1.0)] {
            np.numpy(name, ["a", "q", "axis"], required: 2, keywordOnly: ["keepdims", "method"]) { args, context in
                let method = try args.string("method", "linear")
                guard method == "linear" else {
                    throw RuntimeError.value("\(name)(): method='\(method)' is not available in rnnbook; only 'linear' (numpy's default)")
                }
                let a = try args.array("a")
                let q = try args.array("q")
                guard q.ndim <= 1 else { throw RuntimeError.value("\(name)(): q must be a number or a 1-D list") }
                guard q.values.allSatisfy({ $0 >= 0 && $0 <= scale }) else {
                    throw RuntimeError.value(name == "percentile" ? "Percentiles must be in the range [0, 100]"
                                                                  : "Quantiles must be in the range [0, 1]")
                }
                let (axis, keep) = (try args.axis(), try args.bool("keepdims", false))
                let parts = try q.values.map { fraction in
                    try a.reduce(axis: axis, keepdims: keep, dtype: .float32) { try quantile($0, fraction / scale, name) }
                }
                guard q.ndim == 1 else { return try parts[0].value(context) }
                let shape = [q.count] + (parts.first?.shape ?? [])
                return try NDArray(shape: shape, values: parts.flatMap(\.values), dtype: .float32).tensor(context)
            }
        }
        np.numpy("histogram", ["a", "bins", "range"], required: 1) { args, context in
            let a = try args.array("a")
            let (edges, edgeType) = try histogramEdges(a, args)
            var counts = [Double](repeating: 0, count: edges.count - 1)
            for x in a.values where x >= edges[0] && x <= edges[edges.count - 1] {
                // The last bin is closed; the others are half-open [edge, next edge).
                var bin = upperBound(edges, x) - 1
                if bin == edges.count - 1 { bin -= 1 }
                counts[bin] += 1
            }
            return .tuple([try NDArray(shape: [counts.count], values: counts, dtype: .int64).tensor(context),
                           try NDArray(shape: [edges.count], values: edges, dtype: edgeType).tensor(context)])
        }
        np.numpy("unique", ["ar"], required: 1, keywordOnly: ["return_counts"]) { args, context in
            let a = try args.array("ar")
            var values: [Double] = [], counts: [Double] = []
            for x in a.values.sorted(by: lessNaNLast) {
                if let last = values.last, last == x || (last.isNaN && x.isNaN) { counts[counts.count - 1] += 1 } else {
                    values.append(x)
                    counts.append(1)
                }
            }
            let unique = try NDArray(shape: [values.count], values: values, dtype: a.dtype).tensor(context)
            guard try args.bool("return_counts", false) else { return unique }
            return .tuple([unique, try NDArray(shape: [counts.count], values: counts, dtype: .int64).tensor(context)])
        }
    }

    /// numpy's linear quantile of a lane (NaN when the lane has a NaN).
    static func quantile(_ lane: [Double], _ q: Double, _ name: String) throws -> Double {
        guard !lane.isEmpty else { return .nan }
        if lane.contains(where: \.isNaN) { return .nan }
        let sorted = lane.sorted()
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = Swift.min(low + 1, sorted.count - 1)
        let t = position - Double(low)
        let (a, b) = (sorted[low], sorted[high])
        // numpy's lerp: exact at both ends of the interval.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }

    /// The bin edges of `histogram`: `bins` equal bins over `range` (or the data's range), or
    /// the edges given (which keep their dtype).
    static func histogramEdges(_ a: NDArray, _ args: BoundArguments) throws -> ([Double], DType) {
        let bins = args.value("bins", .int(10))
        if TensorValues.sequence(bins) != nil || bins.tensorObject != nil {
            let given = try NDArray.from(bins, args.what("bins"))
            let edges = given.values
            guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw RuntimeError.value("`bins` must increase monotonically, when an array")
            }
            return (edges, given.dtype == .bool ? .int64 : given.dtype)
        }
        let n = try bins.asInt(args.what("bins"))
        guard n >= 1 else { throw RuntimeError.value("`bins` must be positive, when an integer") }
        guard n <= 1 << 24 else { throw RuntimeError.value("histogram(): too many bins (\(n))") }
        var (low, high) = (a.values.min() ?? 0, a.values.max() ?? 1)
        if let range = args["range"], !range.isNone {
            let bounds = try NDArray.from(range, args.what("range")).values
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw RuntimeError.value("max must be larger than min in range parameter.") }
            (low, high) = (bounds[0], bounds[1])
        }
        guard low.isFinite, high.isFinite else {
            throw RuntimeError.value("autodetected range of [\(low), \(high)] is not finite")
        }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        let step = (high - low) / Double(n)
        return ((0...n).map { $0 == n ? high : low + Double($0) * step }, .float32)
    }

    /// The number of edges ≤ x (edges sorted).
    static func upperBound(_ edges: [Double], _ x: Double) -> Int {
        var (low, high) = (0, edges.count)
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The order of numpy's sort: NaN after every number.
    static func lessNaNLast(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return a < b
    }
}
