/// Where the elements picked by a subscript lie in the source: the start offset of every
/// contiguous run of `run` elements, in the result's row-major order.
///
/// Basic indices (ints, slices, `None`, `...`) and advanced ones (int64 tensors, bool
/// masks) follow NumPy's rules: advanced indices broadcast together, and their dimensions
/// replace theirs in place when they are adjacent, else go first.
struct IndexPlan {
    /// The shape of the indexed tensor.
    let sourceShape: [Int]
    /// The shape of the result.
    let resultShape: [Int]
    /// The source offset of each run.
    let offsets: [Int]
    /// The length of each contiguous run.
    let run: Int

    /// One dimension of the result: its size and the source offset at each position.
    private struct Axis {
        var dims: [Int]
        var steps: [Int]
        var fullDim: Int?
    }

    init(shape: [Int], indices rawIndices: [TensorIndex]) throws {
        sourceShape = shape
        let strides = Shape.strides(shape)
        let used = rawIndices.reduce(0) { $0 + $1.consumed }
        let ellipses = rawIndices.filter { if case .ellipsis = $0 { true } else { false } }.count
        guard ellipses <= 1 else { throw TensorError("index: an index can only have a single ellipsis ('...')") }
        guard used <= shape.count else {
            throw TensorError("index: too many indices for tensor of dimension \(shape.count)")
        }
        var indices: [TensorIndex] = []
        for index in rawIndices {
            if case .ellipsis = index {
                indices += repeatElement(.all, count: shape.count - used)
            } else {
                indices.append(index)
            }
        }
        if ellipses == 0 { indices += repeatElement(.all, count: shape.count - used) }

        var axes: [Axis] = []
        var base = 0
        var dim = 0
        var advanced: [(dim: Int, positions: [Int], shape: [Int])] = []
        var advancedAt: Int?
        var advancedAdjacent = true
        var lastWasAdvanced = false
        for index in indices {
            switch index {
            case .at(let i):
                base += try IndexPlan.position(i, size: shape[dim], dim: dim) * strides[dim]
                dim += 1
            case .all, .slice:
                var (start, stop, step) = (0, shape[dim], 1)
                if case .slice(let a, let b, let c) = index {
                    step = c ?? 1
                    guard step > 0 else { throw TensorError("index: slice step must be positive, got \(step)") }
                    start = IndexPlan.clampBound(a ?? 0, size: shape[dim])
                    stop = Swift.max(start, IndexPlan.clampBound(b ?? shape[dim], size: shape[dim]))
                }
                let size = stop > start ? (stop - start - 1) / step + 1 : 0
                let full = start == 0 && step == 1 && size == shape[dim]
                axes.append(Axis(dims: [size], steps: (0..<size).map { (start + $0 * step) * strides[dim] },
                                 fullDim: full ? dim : nil))
                dim += 1
                if advancedAt != nil { lastWasAdvanced = false }
            case .newAxis:
                axes.append(Axis(dims: [1], steps: [0], fullDim: nil))
                if advancedAt != nil { lastWasAdvanced = false }
            case .ellipsis:
                break
            case .tensor(let t):
                if advancedAt == nil {
                    advancedAt = axes.count
                } else if !lastWasAdvanced {
                    advancedAdjacent = false
                }
                lastWasAdvanced = true
                for (d, positions, s) in try IndexPlan.advancedIndices(t, shape: shape, dim: dim) {
                    advanced.append((d, positions, s))
                }
                dim += t.dtype == .bool ? t.shape.count : 1
            }
        }
        if let at = advancedAt {
            var groupShape: [Int] = []
            for a in advanced {
                groupShape = try Shape.broadcast(groupShape, a.shape, op: "index", symbol: "and")
            }
            let n = Shape.product(groupShape)
            var steps = [Int](repeating: 0, count: n)
            for a in advanced {
                let layout = BroadcastLayout(shape: groupShape, a: a.shape, b: [])
                var k = 0
                layout.forEachRow { offset, _, _ in
                    for j in 0..<layout.inner {
                        steps[k] += a.positions[offset + j * layout.innerStrideA] * strides[a.dim]
                        k += 1
                    }
                }
            }
            axes.insert(Axis(dims: groupShape, steps: steps, fullDim: nil), at: advancedAdjacent ? at : 0)
        }
        var run = 1
        var expected = shape.count - 1
        while let last = axes.last, last.fullDim == expected {
            run *= last.steps.count
            axes.removeLast()
            expected -= 1
        }
        var offsets = [base]
        for axis in axes {
            var next: [Int] = []
            next.reserveCapacity(offsets.count * axis.steps.count)
            for o in offsets {
                for s in axis.steps { next.append(o + s) }
            }
            offsets = next
        }
        self.run = run
        self.offsets = offsets
        self.resultShape = axes.flatMap(\.dims) + shape[(expected + 1)...]
    }
}
