import Foundation
import Tensor

/// `choice(a, size=None, replace=True, p=None)`: draws from `arange(a)` for an int, else from
/// the elements of a 1-D array or list (a list of non-numbers gives one of its items).
extension NumpySampler {
    func choice(_ args: BoundArguments) throws -> Value {
        let a = args.value("a")
        if case .list(let list) = a, list.items.contains(where: { item in
            switch item { case .int, .float, .bool: false; default: true }
        }), args.value("size").isNone, args["p"] == nil {
            guard !list.items.isEmpty else { throw RuntimeError.value("a cannot be empty unless no samples are taken") }
            return list.items[Int(generator.nextInt(below: UInt64(list.items.count)))]
        }
        // An int population is `arange(a)`, never built: `choice(2 ** 32)` draws one int.
        var population: NDArray?
        let n: Int
        if case .int(let count) = a {
            guard count > 0 else { throw RuntimeError.value("a must be a positive integer unless no samples are taken") }
            n = count
        } else {
            let array = try NDArray.from(a, args.what("a"))
            guard array.ndim == 1 else { throw RuntimeError.value("a must be 1-dimensional or an integer") }
            (population, n) = (array, array.count)
        }
        let weights = try probabilities(args, n)
        let size = args.value("size")
        let shape = size.isNone ? [] : try NumpyBuiltins.shape(size, "choice")
        let k = try NDArray.checkedCount(shape, interpreter.tensors, "choice")
        guard n > 0 || k == 0 else { throw RuntimeError.value("a cannot be empty unless no samples are taken") }
        let replace = try args.bool("replace", true)
        guard replace || k <= n else {
            throw RuntimeError.value("Cannot take a larger sample than population when replace is False")
        }
        let picks = replace ? (0..<k).map { _ in pick(weights, n) } : try distinct(k, weights, n)
        let drawn = NDArray(shape: shape, values: picks.map { population?.values[$0] ?? Double($0) }, dtype: population?.dtype ?? .int64)
        return size.isNone ? drawn.scalar(0) : try drawn.tensor(interpreter.tensors)
    }

    /// The `p=` weights (checked as numpy checks them), nil for uniform.
    private func probabilities(_ args: BoundArguments, _ n: Int) throws -> [Double]? {
        guard let given = args["p"], !given.isNone else { return nil }
        let p = try NDArray.from(given, args.what("p"))
        guard p.ndim == 1 else { throw RuntimeError.value("p must be 1-dimensional") }
        guard p.count == n else { throw RuntimeError.value("a and p must have same size") }
        guard p.values.allSatisfy({ $0 >= 0 }) else { throw RuntimeError.value("probabilities are not non-negative") }
        guard Swift.abs(NumpyBuiltins.sum(p.values) - 1) <= 1e-8 * Double(Swift.max(n, 1)).squareRoot() + 1e-8 else {
            throw RuntimeError.value("probabilities do not sum to 1")
        }
        return p.values
    }

    /// One index, uniform or by weight.
    private func pick(_ weights: [Double]?, _ n: Int) -> Int {
        guard let weights else { return Int(generator.nextInt(below: UInt64(n))) }
        var u = generator.nextDouble() * NumpyBuiltins.sum(weights)
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// `k` distinct indices: a partial shuffle, or weighted draws without replacement.
    private func distinct(_ k: Int, _ weights: [Double]?, _ n: Int) throws -> [Int] {
        guard var remaining = weights else {
            // A partial Fisher–Yates shuffle that only records the positions it moved.
            var moved: [Int: Int] = [:]
            return (0..<k).map { i in
                let j = i + Int(generator.nextInt(below: UInt64(n - i)))
                let picked = moved[j] ?? j
                moved[j] = moved[i] ?? i
                return picked
            }
        }
        guard remaining.filter({ $0 > 0 }).count >= k else {
            throw RuntimeError.value("Fewer non-zero entries in p than size")
        }
        var picked: [Int] = []
        for _ in 0..<k {
            let i = pick(remaining, n)
            picked.append(i)
            remaining[i] = 0
        }
        return picked
    }
}
