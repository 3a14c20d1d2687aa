import Analysis
import Foundation
import Tensor

/// numpy's ordering and products: `sort`, `argsort` (stable; NaN last), `flip`, `roll`,
/// `dot`, `matmul`, `outer`, `inner`, and `np.linalg.norm`.
extension NumpyBuiltins {
    static func installOrder(_ np: Namespace) {
        for name in ["sort", "argsort"] {
            np.numpy(name, ["a", "axis"], required: 1) { args, context in
                var a = try args.array("a")
                var axis: Int? = try args.int("axis", -1)
                if let given = args["axis"], given.isNone { axis = nil }
                if axis == nil || a.ndim == 0 { (a, axis) = (try a.reshaped([a.count]), 0) }
                let k = try NDArray.axis(axis ?? 0, a.ndim)
                return try a.mapLanes(axis: k, newLength: a.shape[k], dtype: name == "sort" ? a.dtype : .int64) { lane in
                    let order = lane.indices.sorted { lessNaNLast(lane[$0], lane[$1]) || (!lessNaNLast(lane[$1], lane[$0]) && $0 < $1) }
                    return name == "sort" ? order.map { lane[$0] } : order.map(Double.init)
                }.tensor(context)
            }
        }
        np.numpy("flip", ["m", "axis"], required: 1) { args, context in
            let m = try args.array("m")
            guard let axis = try args.axis() else { return try NDArray(shape: m.shape, values: m.values.reversed(), dtype: m.dtype).tensor(context) }
            let k = try NDArray.axis(axis, m.ndim)
            return try m.mapLanes(axis: k, newLength: m.shape[k], dtype: m.dtype) { Array($0.reversed()) }.tensor(context)
        }
        np.numpy("roll", ["a", "shift", "axis"], required: 2) { args, context in
            let a = try args.array("a")
            let shift = try args.int("shift", 0)
            func rolled(_ lane: [Double]) -> [Double] {
                guard !lane.isEmpty else { return lane }
                let s = ((shift % lane.count) + lane.count) % lane.count
                return Array(lane[(lane.count - s)...] + lane[..<(lane.count - s)])
            }
            guard let axis = try args.axis() else { return try NDArray(shape: a.shape, values: rolled(a.values), dtype: a.dtype).tensor(context) }
            let k = try NDArray.axis(axis, a.ndim)
            return try a.mapLanes(axis: k, newLength: a.shape[k], dtype: a.dtype, rolled).tensor(context)
        }
    }

    static func installLinalg(_ np: Namespace, _ linalg: Namespace) {
        installDeterminant(linalg)
        for name in ["dot", "matmul"] {
            np.numpy(name, ["a", "b"]) { args, context in
                let (a, b) = (try args.array("a"), try args.array("b"))
                if a.ndim == 0 || b.ndim == 0 {
                    guard name == "dot" else { throw RuntimeError.value("matmul: Input operand does not have enough dimensions") }
                    return try NDArray.broadcast([a, b], dtype: Swift.max(a.dtype, b.dtype), context, name) { $0[0] * $0[1] }.value(context)
                }
                return try product(a, b, context).value(context)
            }
        }
        np.numpy("inner", ["a", "b"]) { args, context in
            let (a, b) = (try args.array("a"), try args.array("b"))
            guard a.ndim <= 1, b.ndim <= 1 else { throw RuntimeError.value("inner(): only 1-D arrays are available in rnnbook; use np.dot") }
            return try product(a, b, context).value(context)
        }
        np.numpy("outer", ["a", "b"]) { args, context in
            let (a, b) = (try args.array("a"), try args.array("b"))
            let n = try NDArray.checkedCount([a.count, b.count], context, "outer")
            var values = [Double](repeating: 0, count: n)
            for i in 0..<a.count { for j in 0..<b.count { values[i * b.count + j] = a.values[i] * b.values[j] } }
            return try NDArray(shape: [a.count, b.count], values: values, dtype: Swift.max(a.dtype, b.dtype)).tensor(context)
        }
        linalg.numpy("norm", ["x", "ord", "axis", "keepdims"], required: 1) { args, context in
            let x = try args.array("x")
            let order = args.value("ord")
            let axis = try args.axis()
            let frobenius: Bool
            if case .str("fro") = order { frobenius = true } else { frobenius = order.isNone }
            if axis == nil, x.ndim >= 2, !frobenius {
                throw RuntimeError.value("norm(): matrix norms other than 'fro' are not available in rnnbook")
            }
            let p: Double = frobenius ? 2 : try order.asDouble(args.what("ord"))
            return try x.reduce(axis: axis, keepdims: try args.bool("keepdims", false), dtype: .float32) { vectorNorm($0, p) }
                .value(context)
        }
    }

    /// The p-norm of a vector, numpy's `ord` conventions (inf, -inf, 0 counts non-zeros).
    static func vectorNorm(_ v: [Double], _ p: Double) -> Double {
        let magnitudes = v.map { Swift.abs($0) }
        switch p {
        case .infinity: return magnitudes.max() ?? 0
        case -.infinity: return magnitudes.min() ?? 0
        case 0: return Double(magnitudes.filter { $0 != 0 }.count)
        case 1: return sum(magnitudes)
        case 2:
            let scale = magnitudes.max() ?? 0
            guard scale > 0, scale.isFinite else { return scale }
            return scale * sum(magnitudes.map { ($0 / scale) * ($0 / scale) }).squareRoot()
        default: return Foundation.pow(sum(magnitudes.map { Foundation.pow($0, p) }), 1 / p)
        }
    }

    /// The matrix product of 1-D or 2-D arrays (a 1-D operand is a row on the left and a
    /// column on the right, and that dimension is dropped from the result, as numpy does),
    /// in Double by BLAS as numpy's float64 `dot`.
    static func product(_ a: NDArray, _ b: NDArray, _ context: TensorContext) throws -> NDArray {
        guard a.ndim <= 2, b.ndim <= 2 else {
            throw RuntimeError.value("np.dot / np.matmul of arrays with more than 2 dimensions is not available in rnnbook; "
                                     + "use torch.matmul(a, b) or a @ b")
        }
        let (m, k) = a.ndim == 1 ? (1, a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = b.ndim == 1 ? (b.shape[0], 1) : (b.shape[0], b.shape[1])
        guard k == k2 else {
            throw RuntimeError.value("shapes \(describeShape(a.shape)) and \(describeShape(b.shape)) not aligned: \(k) (dim \(a.ndim - 1)) != \(k2) (dim 0)")
        }
        _ = try NDArray.checkedCount([m, n], context, "dot")
        _ = try NDArray.checkedCount([m, k], context, "dot")
        let values = Matrix.product(a.values, b.values, m: m, k: k, n: n)
        try context.interpreter?.meter.checkClock()
        let shape: [Int] = (a.ndim == 1 ? [] : [m]) + (b.ndim == 1 ? [] : [n])
        return NDArray(shape: shape, values: values, dtype: Swift.max(a.dtype, b.dtype))
    }
}
