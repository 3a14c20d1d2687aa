/// Merging near-duplicate fixed points, and subsets, as FPF's `FixedPoints.get_unique()`
/// and `fps[index]`.
extension FixedPoints {
    /// FPF's `get_unique` rule: for each point not yet matched, every point within
    /// `tolerance` of it (Euclidean, in [x, u]) joins its group, and the group keeps its
    /// member with the smallest q. Returns the kept rows in ascending order.
    ///
    /// Closeness is not transitive: a chain of points each within `tolerance` of the next
    /// can leave several groups, so the result depends on the order of the points (FPF's
    /// order is kept: the first unmatched point starts the next group).
    public static func uniqueIndices(_ states: Matrix, _ inputs: Matrix, _ q: [Double], tolerance: Double) -> [Int] {
        let n = states.rows
        let data = (0..<n).map { states.row($0) + inputs.row($0) }
        let limit = tolerance * tolerance
        var checked = [Bool](repeating: false, count: n)
        var keep: [Int] = []
        for i in 0..<n where !checked[i] {
            var best = i
            for j in 0..<n {
                var squared = 0.0
                for (a, b) in zip(data[i], data[j]) {
                    squared += (a - b) * (a - b)
                    if squared > limit { break }
                }
                guard squared <= limit else { continue }
                checked[j] = true
                if q[j] < q[best] { best = j }
            }
            if !keep.contains(best) { keep.append(best) }
        }
        return keep.sorted()
    }

    /// The points within `tolerance` of each other merged, keeping the smallest q of each
    /// group (`uniqueIndices`), with their Jacobians and eigenvalues.
    public func unique(tolerance: Double) -> FixedPoints {
        subset(Self.uniqueIndices(xstar, inputs, qstar, tolerance: tolerance))
    }

    /// The points at `indices` (each in 0..<count, repeats allowed), in that order.
    public func subset(_ indices: [Int]) -> FixedPoints {
        func rows(_ matrix: Matrix) -> Matrix {
            Matrix(rows: indices.count, columns: matrix.columns, values: indices.flatMap { matrix.row($0) })
        }
        return FixedPoints(
            xstar: rows(xstar), inputs: rows(inputs), qstar: indices.map { qstar[$0] }, iterations: iterations,
            candidateCount: candidateCount, jacobians: jacobians.isEmpty ? [] : indices.map { jacobians[$0] },
            eigenvalues: eigenvalues.isEmpty ? [] : indices.map { eigenvalues[$0] })
    }
}
