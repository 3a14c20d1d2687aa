import Foundation
import Tensor

/// numpy's array creation: `array`, `asarray`, `zeros`, `ones`, `full`, `empty`, the `_like`
/// forms, `arange`, `linspace`, `eye`, `identity`, `copy`.
extension NumpyBuiltins {
    static func installCreation(_ np: Namespace) {
        np.numpy("array", ["object", "dtype"], required: 1) { args, context in
            try cast(try args.array("object"), try args.numpyDType()).tensor(context)
        }
        np.numpy("asarray", ["a", "dtype"], required: 1) { args, context in
            // An array already of the wanted dtype is given back itself (a tensor, as an array
            // sharing its memory), as numpy does.
            let dtype = try args.numpyDType()
            if let object = args.value("a").tensorObject, dtype == nil || dtype == object.tensor.dtype {
                try NDArray.checkNoGrad(object.tensor)
                return object.isNumpyArray ? .native(object) : NDArray.numpyArray(object.tensor, context)
            }
            return try cast(try args.array("a"), dtype).tensor(context)
        }
        np.numpy("copy", ["a"]) { args, context in try args.array("a").tensor(context) }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            np.numpy(name, ["shape", "dtype"], required: 1) { args, context in
                try filled(try shape(args.value("shape"), name), fill, try args.numpyDType() ?? .float32, context, name)
            }
            np.numpy(name + "_like", ["a", "dtype"], required: 1) { args, context in
                let a = try args.array("a")
                return try filled(a.shape, fill, try args.numpyDType() ?? a.dtype, context, name + "_like")
            }
        }
        np.numpy("full", ["shape", "fill_value", "dtype"], required: 2) { args, context in
            let fill = try NDArray.from(args.value("fill_value"), args.what("fill_value"))
            guard fill.count == 1 else { throw RuntimeError.value("full(): fill_value must be a number") }
            return try filled(try shape(args.value("shape"), "full"), fill.values[0], try args.numpyDType() ?? fill.dtype, context, "full")
        }
        np.numpy("full_like", ["a", "fill_value", "dtype"], required: 2) { args, context in
            let a = try args.array("a")
            let fill = try args.array("fill_value")
            guard fill.count == 1 else { throw RuntimeError.value("full_like(): fill_value must be a number") }
            return try filled(a.shape, fill.values[0], try args.numpyDType() ?? a.dtype, context, "full_like")
        }
        np.numpy("arange", ["start", "stop", "step", "dtype"], required: 1) { args, context in
            try arange(args, context)
        }
        np.numpy("linspace", ["start", "stop", "num", "endpoint", "dtype"], required: 2) { args, context in
            let (start, stop) = (try args.double("start", 0), try args.double("stop", 0))
            let num = try args.int("num", 50)
            guard num >= 0 else { throw RuntimeError.value("Number of samples, \(num), must be non-negative.") }
            let endpoint = try args.bool("endpoint", true)
            _ = try NDArray.checkedCount([num], context, "linspace")
            let divisions = Double(endpoint ? num - 1 : num)
            let step = divisions > 0 ? (stop - start) / divisions : 0
            var values = (0..<num).map { start + Double($0) * step }
            if endpoint && num > 1 { values[num - 1] = stop }
            return try cast(NDArray(shape: [num], values: values, dtype: .float32), try args.numpyDType()).tensor(context)
        }
        np.numpy("eye", ["N", "M", "k", "dtype"], required: 1) { args, context in
            let n = try args.int("N", 0)
            let m = try args.int("M", n)
            let k = try args.int("k", 0)
            let count = try NDArray.checkedCount([n, m], context, "eye")
            var values = [Double](repeating: 0, count: count)
            for i in 0..<n where k > -n && k < m && i + k >= 0 && i + k < m { values[i * m + i + k] = 1 }
            return try NDArray(shape: [n, m], values: values, dtype: try args.numpyDType() ?? .float32).tensor(context)
        }
        np.numpy("identity", ["n", "dtype"], required: 1) { args, context in
            let n = try args.int("n", 0)
            let count = try NDArray.checkedCount([n, n], context, "identity")
            var values = [Double](repeating: 0, count: count)
            for i in 0..<n { values[i * n + i] = 1 }
            return try NDArray(shape: [n, n], values: values, dtype: try args.numpyDType() ?? .float32).tensor(context)
        }
    }

    /// The array converted to `dtype` (floats to ints toward zero, as numpy's `astype`).
    static func cast(_ a: NDArray, _ dtype: DType?) throws -> NDArray {
        guard let dtype, dtype != a.dtype else { return a }
        switch dtype {
        case .float32: return a.map(dtype: .float32) { $0 }
        case .bool: return a.map(dtype: .bool) { $0 != 0 ? 1 : 0 }
        case .int64:
            if a.values.contains(where: { !$0.isFinite }) {
                throw RuntimeError.value("cannot convert float NaN or infinity to integer")
            }
            return a.map(dtype: .int64) { $0.rounded(.towardZero) }
        }
    }

    /// A shape argument: an int or a tuple or list of ints.
    static func shape(_ value: Value, _ name: String) throws -> [Int] {
        if let items = TensorValues.sequence(value) { return try items.map { try $0.asInt("\(name)() shape") } }
        return [try value.asInt("\(name)() shape")]
    }

    /// An array of `shape` filled with `fill`.
    static func filled(_ shape: [Int], _ fill: Double, _ dtype: DType, _ context: TensorContext, _ name: String) throws -> Value {
        let count = try NDArray.checkedCount(shape, context, name)
        return try cast(NDArray(shape: shape, values: [Double](repeating: fill, count: count), dtype: .float32), dtype)
            .tensor(context)
    }

    /// `arange(stop)`, `arange(start, stop[, step])`: ints when every bound is an int.
    static func arange(_ args: BoundArguments, _ context: TensorContext) throws -> Value {
        var bounds = [args.value("start"), args.value("stop"), args.value("step", .int(1))]
        if bounds[1].isNone { bounds = [.int(0), bounds[0], bounds[2]] }
        let numbers = try bounds.map { try $0.asDouble("arange() argument") }
        let (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        guard step != 0 else { throw RuntimeError.zeroDivision("division by zero") }
        let length = Swift.max(0, ((stop - start) / step).rounded(.up))
        guard length.isFinite, length < 0x1p63 else { throw RuntimeError.value("arange(): the range is too large") }
        let n = try NDArray.checkedCount([try CheckedCount.count(length, "arange() length")], context, "arange")
        let isInt = bounds.allSatisfy { if case .float = $0 { return false } else { return true } }
        let values = (0..<n).map { start + Double($0) * step }
        return try cast(NDArray(shape: [n], values: values, dtype: isInt ? .int64 : .float32), try args.numpyDType()).tensor(context)
    }
}
