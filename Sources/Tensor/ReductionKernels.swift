/// Loops that reduce a tensor viewed as (outer, n, inner) along its middle dimension.
enum ReductionKernels {
    /// `out[o, i] = Σ_j x[o, j, i]`; contiguous rows are summed in Double.
    static func sum(_ x: UnsafePointer<Float>, outer: Int, n: Int, inner: Int, into out: UnsafeMutablePointer<Float>) {
        if inner == 1 {
            for o in 0..<outer {
                let row = x + o * n
                var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
                var j = 0
                while j + 4 <= n {
                    a0 += Double(row[j])
                    a1 += Double(row[j + 1])
                    a2 += Double(row[j + 2])
                    a3 += Double(row[j + 3])
                    j += 4
                }
                while j < n {
                    a0 += Double(row[j])
                    j += 1
                }
                out[o] = Float((a0 + a1) + (a2 + a3))
            }
            return
        }
        for o in 0..<outer {
            let dst = out + o * inner
            dst.initialize(repeating: 0, count: inner)
            for j in 0..<n {
                let src = x + (o * n + j) * inner
                for i in 0..<inner { dst[i] += src[i] }
            }
        }
    }

    /// The largest (or smallest, when `largest` is false) element along the middle
    /// dimension and the first index where it occurs; NaN wins, as in PyTorch.
    static func extreme(
        _ x: UnsafePointer<Float>, outer: Int, n: Int, inner: Int, largest: Bool,
        values: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Float>
    ) {
        for o in 0..<outer {
            for i in 0..<inner {
                let base = x + o * n * inner + i
                var best = base[0]
                var bestIndex = 0
                if !best.isNaN {
                    for j in 1..<Swift.max(n, 1) {
                        let v = base[j &* inner]
                        if v.isNaN {
                            best = v
                            bestIndex = j
                            break
                        }
                        if largest ? v > best : v < best {
                            best = v
                            bestIndex = j
                        }
                    }
                }
                values[o * inner + i] = best
                indices[o * inner + i] = Float(bestIndex)
            }
        }
    }

    /// Splits `shape` around the dimensions `first...last` into (outer, n, inner).
    static func split(_ shape: [Int], _ first: Int, _ last: Int) -> (outer: Int, n: Int, inner: Int) {
        (Shape.product(Array(shape[..<first])), Shape.product(Array(shape[first...last])),
         Shape.product(Array(shape[(last + 1)...])))
    }

    /// Sorted, deduplicated, normalized dimensions, or every dimension when `dims` is nil.
    static func normalize(_ dims: [Int]?, rank: Int, op: String) throws -> [Int] {
        guard let dims else { return Array(0..<rank) }
        let normalized = try dims.map { try Shape.normalize(dim: $0, rank: rank, op: op) }
        guard Set(normalized).count == normalized.count else {
            throw TensorError("\(op): dim \(dims) appears multiple times in the list of dims")
        }
        return normalized.filter { $0 < rank }.sorted()
    }

    /// `shape` with the reduced `dims` set to 1 (`keepdim`) or removed.
    static func reducedShape(_ shape: [Int], _ dims: [Int], keepdim: Bool) -> [Int] {
        // A mask, not `dims.contains`: linear in ndim (a tensor may have 100,000 dims of 1).
        var reduced = [Bool](repeating: false, count: shape.count)
        for d in dims where d >= 0 && d < shape.count { reduced[d] = true }
        var out: [Int] = []
        for (i, d) in shape.enumerated() {
            if reduced[i] {
                if keepdim { out.append(1) }
            } else {
                out.append(d)
            }
        }
        return out
    }
}
