import Foundation
import Tensor

/// numpy's joining and reshaping: `concatenate`, `stack`, `vstack`, `hstack`,
/// `column_stack`, `reshape`, `ravel`, `transpose`, `squeeze`, `expand_dims`, `tile`,
/// `repeat`, and `shape`, `ndim`, `size`.
extension NumpyBuiltins {
    static func installShape(_ np: Namespace) {
        np.function("concatenate", Signature("concatenate", ["arrays", "axis"], required: 1)) { args, interpreter in
            let arrays = try sequence(args, "arrays", interpreter)
            if let axis = args["axis"], axis.isNone {
                return try join(arrays.map { try $0.reshaped([$0.count]) }, axis: 0).tensor(interpreter.tensors)
            }
            return try join(arrays, axis: try args.axis() ?? 0).tensor(interpreter.tensors)
        }
        np.function("stack", Signature("stack", ["arrays", "axis"], required: 1)) { args, interpreter in
            let arrays = try sequence(args, "arrays", interpreter)
            guard let first = arrays.first, arrays.allSatisfy({ $0.shape == first.shape }) else {
                throw RuntimeError.value("all input arrays must have the same shape")
            }
            let axis = try NDArray.axis(try args.int("axis", 0), first.ndim + 1)
            var expanded = first.shape
            expanded.insert(1, at: axis)
            return try join(try arrays.map { try $0.reshaped(expanded) }, axis: axis).tensor(interpreter.tensors)
        }
        let stackers: [(String, (NDArray) throws -> NDArray, (Int) -> Int)] = [
            ("vstack", { try $0.ndim < 2 ? $0.reshaped([1, $0.count]) : $0 }, { _ in 0 }),
            ("hstack", { try $0.ndim == 0 ? $0.reshaped([1]) : $0 }, { $0 == 1 ? 0 : 1 }),
            ("column_stack", { try $0.ndim < 2 ? $0.reshaped([$0.count, 1]) : $0 }, { _ in 1 }),
        ]
        for (name, promote, axis) in stackers {
            np.function(name, Signature(name, ["tup"])) { args, interpreter in
                let arrays = try sequence(args, "tup", interpreter).map(promote)
                return try join(arrays, axis: axis(arrays.first?.ndim ?? 1)).tensor(interpreter.tensors)
            }
        }
        np.function("reshape", Signature("reshape", ["a", "shape"])) { args, interpreter in
            try args.array("a").reshaped(try shape(args.value("shape"), "reshape")).tensor(interpreter.tensors)
        }
        np.numpy("ravel", ["a"]) { args, context in
            let a = try args.array("a")
            return try a.reshaped([a.count]).tensor(context)
        }
        np.numpy("transpose", ["a", "axes"], required: 1) { args, context in
            let a = try args.array("a")
            let axes = args.value("axes")
            let order = axes.isNone ? Array((0..<a.ndim).reversed()) : try shape(axes, "transpose").map { try NDArray.axis($0, a.ndim) }
            return try a.permuted(order).tensor(context)
        }
        np.numpy("squeeze", ["a", "axis"], required: 1) { args, context in
            let a = try args.array("a")
            guard let axis = try args.axis() else { return try a.reshaped(a.shape.filter { $0 != 1 }).tensor(context) }
            let k = try NDArray.axis(axis, a.ndim)
            guard a.shape[k] == 1 else { throw RuntimeError.value("cannot select an axis to squeeze out which has size not equal to one") }
            var shape = a.shape
            shape.remove(at: k)
            return try a.reshaped(shape).tensor(context)
        }
        np.numpy("expand_dims", ["a", "axis"]) { args, context in
            let a = try args.array("a")
            var shape = a.shape
            shape.insert(1, at: try NDArray.axis(try args.int("axis", 0), a.ndim + 1))
            return try a.reshaped(shape).tensor(context)
        }
        np.numpy("tile", ["A", "reps"]) { args, context in
            try tile(try args.array("A"), try shape(args.value("reps"), "tile"), context).tensor(context)
        }
        np.numpy("repeat", ["a", "repeats", "axis"], required: 2) { args, context in
            var a = try args.array("a")
            var axis = try args.axis()
            if axis == nil { (a, axis) = (try a.reshaped([a.count]), 0) }
            let k = try NDArray.axis(axis ?? 0, a.ndim)
            let given = try NDArray.from(args.value("repeats"), args.what("repeats")).values
            guard given.count == 1 || given.count == a.shape[k], given.allSatisfy({ $0 >= 0 && $0 <= Double(context.budget.maxElements) }) else {
                throw RuntimeError.value("repeat(): repeats must be a non-negative int or one per element along the axis")
            }
            let repeats = try given.map { try CheckedCount.count($0, "repeat(): repeats") }
            let counts = repeats.count == 1 ? [Int](repeating: repeats[0], count: a.shape[k]) : repeats
            var shape = a.shape
            shape[k] = 0
            for count in counts {
                shape[k] += count
                _ = try NDArray.checkedCount(shape, context, "repeat")
            }
            let length = shape[k]
            return try a.mapLanes(axis: k, newLength: length, dtype: a.dtype) { lane in
                zip(lane, counts).flatMap { [Double](repeating: $0, count: $1) }
            }.tensor(context)
        }
        // numpy's `shape(a)` is `a.shape` when `a` has one: a torch.Size for a tensor.
        np.numpy("shape", ["a"]) { args, _ in
            if let tensor = args.value("a").tensorObject { return tensor.shapeValue }
            return TensorValues.shapeValue(try args.array("a").shape)
        }
        np.numpy("ndim", ["a"]) { args, _ in .int(try args.array("a").ndim) }
        np.numpy("size", ["a"]) { args, _ in .int(try args.array("a").count) }
    }

    /// The arrays of a sequence argument (a list or tuple of arrays, or any iterable).
    static func sequence(_ args: BoundArguments, _ name: String, _ interpreter: Interpreter) throws -> [NDArray] {
        let items = try interpreter.collect(args.value(name))
        guard !items.isEmpty else { throw RuntimeError.value("need at least one array to concatenate") }
        return try items.map { try NDArray.from($0, args.what(name)) }
    }

    /// The arrays joined along an existing axis (shapes must agree elsewhere).
    static func join(_ arrays: [NDArray], axis: Int) throws -> NDArray {
        guard let first = arrays.first else { throw RuntimeError.value("need at least one array to concatenate") }
        let k = try NDArray.axis(axis, first.ndim)
        for array in arrays {
            guard array.ndim == first.ndim else {
                throw RuntimeError.value("all the input array dimensions except for the concatenation axis must match exactly, "
                                         + "but the arrays have \(first.ndim) and \(array.ndim) dimensions")
            }
            for d in 0..<first.ndim where d != k && array.shape[d] != first.shape[d] {
                throw RuntimeError.value("all the input array dimensions except for the concatenation axis must match exactly, "
                                         + "but along dimension \(d), the arrays have sizes \(first.shape[d]) and \(array.shape[d])")
            }
        }
        let outer = first.shape[..<k].reduce(1, *)
        var values: [Double] = []
        values.reserveCapacity(arrays.reduce(0) { $0 + $1.count })
        for o in 0..<outer {
            for array in arrays {
                let chunk = array.count / Swift.max(outer, 1)
                values += array.values[(o * chunk)..<((o + 1) * chunk)]
            }
        }
        var shape = first.shape
        shape[k] = arrays.reduce(0) { $0 + $1.shape[k] }
        return NDArray(shape: shape, values: values, dtype: arrays.map(\.dtype).max() ?? .float32)
    }

    /// numpy's `tile`: the array repeated `reps` times along each (aligned) axis.
    static func tile(_ a: NDArray, _ reps: [Int], _ context: TensorContext) throws -> NDArray {
        let rank = Swift.max(a.ndim, reps.count)
        let shape = [Int](repeating: 1, count: rank - a.ndim) + a.shape
        let counts = [Int](repeating: 1, count: rank - reps.count) + reps
        guard counts.allSatisfy({ $0 >= 0 && $0 <= context.budget.maxElements }) else {
            throw RuntimeError.value("tile(): reps must be non-negative (and within the size limit)")
        }
        let outShape = zip(shape, counts).map { $0 * $1 }
        let n = try NDArray.checkedCount(outShape, context, "tile")
        let outStrides = NDArray.strides(outShape), own = NDArray.strides(shape)
        let values = (0..<n).map { index -> Double in
            var rest = index, offset = 0
            for d in 0..<rank {
                let coordinate = rest / outStrides[d]
                rest -= coordinate * outStrides[d]
                offset += (coordinate % shape[d]) * own[d]
            }
            return a.values[offset]
        }
        return NDArray(shape: outShape, values: values, dtype: a.dtype)
    }
}
