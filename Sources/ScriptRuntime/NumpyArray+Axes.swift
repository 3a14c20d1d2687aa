import Tensor

/// Work along an axis (reductions, cumulative sums, sorting) and elementwise work with
/// numpy's broadcasting, on `NDArray`s.
extension NDArray {
    /// The lanes along `axis`: (outer, length, inner) for index `o * length * inner + j * inner + i`.
    private func lanes(_ axis: Int) -> (outer: Int, length: Int, inner: Int) {
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        return (outer, shape[axis], inner)
    }

    /// Reduces each lane along `axis` (all elements when nil) to one number with `body`;
    /// `keepdims` keeps the reduced axes as length 1, as numpy's `keepdims=True`.
    func reduce(axis: Int?, keepdims: Bool, dtype: DType, _ body: ([Double]) throws -> Double) throws -> NDArray {
        guard let axis else {
            let result = try body(values)
            return NDArray(shape: keepdims ? shape.map { _ in 1 } : [], values: [result], dtype: dtype)
        }
        let a = try NDArray.axis(axis, ndim)
        let (outer, length, inner) = lanes(a)
        var out = [Double]()
        out.reserveCapacity(outer * inner)
        var lane = [Double](repeating: 0, count: length)
        for o in 0..<outer {
            for i in 0..<inner {
                for j in 0..<length { lane[j] = values[(o * length + j) * inner + i] }
                out.append(try body(lane))
            }
        }
        var newShape = shape
        if keepdims { newShape[a] = 1 } else { newShape.remove(at: a) }
        return NDArray(shape: newShape, values: out, dtype: dtype)
    }

    /// Replaces each lane along `axis` by `body`'s lane of `newLength` (cumsum, diff, sort).
    func mapLanes(axis: Int, newLength: Int, dtype: DType, _ body: ([Double]) throws -> [Double]) throws -> NDArray {
        let a = try NDArray.axis(axis, ndim)
        let (outer, length, inner) = lanes(a)
        var out = [Double](repeating: 0, count: outer * newLength * inner)
        var lane = [Double](repeating: 0, count: length)
        for o in 0..<outer {
            for i in 0..<inner {
                for j in 0..<length { lane[j] = values[(o * length + j) * inner + i] }
                let mapped = try body(lane)
                for j in 0..<Swift.min(newLength, mapped.count) { out[(o * newLength + j) * inner + i] = mapped[j] }
            }
        }
        var newShape = shape
        newShape[a] = newLength
        return NDArray(shape: newShape, values: out, dtype: dtype)
    }

    /// numpy's broadcast shape of several shapes, or its error.
    static func broadcastShape(_ shapes: [[Int]]) throws -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var result = [Int](repeating: 1, count: rank)
        for shape in shapes {
            for (k, d) in shape.enumerated() {
                let r = rank - shape.count + k
                if result[r] == 1 { result[r] = d } else if d != 1 && d != result[r] {
                    let described = shapes.map { describeShape($0) }.joined(separator: " ")
                    throw RuntimeError.value("operands could not be broadcast together with shapes \(described)")
                }
            }
        }
        return result
    }

    /// Applies `body` to the broadcast elements of `operands`, giving an array of `dtype`.
    static func broadcast(_ operands: [NDArray], dtype: DType, _ context: TensorContext, _ what: String,
                          _ body: ([Double]) throws -> Double) throws -> NDArray {
        let shape = try broadcastShape(operands.map(\.shape))
        let n = try checkedCount(shape, context, what)
        let outStrides = strides(shape)
        // Each operand's stride per output dimension (0 where it is broadcast).
        let operandStrides: [[Int]] = operands.map { operand in
            let own = strides(operand.shape)
            return shape.indices.map { d in
                let k = d - (shape.count - operand.ndim)
                return k < 0 || operand.shape[k] == 1 ? 0 : own[k]
            }
        }
        var out = [Double](repeating: 0, count: n)
        var arguments = [Double](repeating: 0, count: operands.count)
        for index in 0..<n {
            for (m, operand) in operands.enumerated() {
                var offset = 0
                var rest = index
                for d in shape.indices {
                    let coordinate = rest / outStrides[d]
                    rest -= coordinate * outStrides[d]
                    offset += coordinate * operandStrides[m][d]
                }
                arguments[m] = operand.values[offset]
            }
            out[index] = try body(arguments)
        }
        return NDArray(shape: shape, values: out, dtype: dtype)
    }

    /// The array with `body` applied to each element.
    func map(dtype: DType, _ body: (Double) throws -> Double) rethrows -> NDArray {
        NDArray(shape: shape, values: try values.map(body), dtype: dtype)
    }

    /// The array with its axes in `order`.
    func permuted(_ order: [Int]) throws -> NDArray {
        guard order.count == ndim, Set(order).count == ndim, order.allSatisfy({ $0 >= 0 && $0 < ndim }) else {
            throw RuntimeError.value("axes don't match array")
        }
        let newShape = order.map { shape[$0] }
        let own = NDArray.strides(shape), outStrides = NDArray.strides(newShape)
        var out = [Double](repeating: 0, count: count)
        for index in 0..<count {
            var rest = index, offset = 0
            for d in newShape.indices {
                let coordinate = rest / outStrides[d]
                rest -= coordinate * outStrides[d]
                offset += coordinate * own[order[d]]
            }
            out[index] = values[offset]
        }
        return NDArray(shape: newShape, values: out, dtype: dtype)
    }
}
