import Foundation
import Tensor

/// numpy's elementwise functions: the unary ufuncs (`sqrt`, `deg2rad`, …), the binary ones
/// with broadcasting (`maximum`, `arctan2`, `power`, …), `clip`, `round`/`around` (half to
/// even), `where`, and the comparisons `isclose`, `allclose`, `array_equal`.
extension NumpyBuiltins {
    /// How a ufunc's result dtype follows its input: always float, the input's, or bool.
    enum Result { case float, same, bool }

    static let unary: [(String, Result, @Sendable (Double) -> Double)] = [
        ("sqrt", .float, { $0.squareRoot() }), ("exp", .float, { Foundation.exp($0) }), ("log", .float, { Foundation.log($0) }),
        ("log2", .float, { Foundation.log2($0) }), ("log10", .float, { Foundation.log10($0) }),
        ("log1p", .float, { Foundation.log1p($0) }), ("expm1", .float, { Foundation.expm1($0) }),
        ("sin", .float, { Foundation.sin($0) }), ("cos", .float, { Foundation.cos($0) }), ("tan", .float, { Foundation.tan($0) }),
        ("arcsin", .float, { Foundation.asin($0) }), ("arccos", .float, { Foundation.acos($0) }),
        ("arctan", .float, { Foundation.atan($0) }), ("sinh", .float, { Foundation.sinh($0) }),
        ("cosh", .float, { Foundation.cosh($0) }), ("tanh", .float, { Foundation.tanh($0) }),
        ("deg2rad", .float, { $0 * Double.pi / 180 }), ("radians", .float, { $0 * Double.pi / 180 }),
        ("rad2deg", .float, { $0 * 180 / Double.pi }), ("degrees", .float, { $0 * 180 / Double.pi }),
        ("abs", .same, { Swift.abs($0) }), ("absolute", .same, { Swift.abs($0) }), ("negative", .same, { -$0 }),
        ("square", .same, { $0 * $0 }), ("floor", .same, { $0.rounded(.down) }), ("ceil", .same, { $0.rounded(.up) }),
        ("trunc", .same, { $0.rounded(.towardZero) }), ("rint", .same, { $0.rounded(.toNearestOrEven) }),
        ("sign", .same, { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }),
        ("isnan", .bool, { $0.isNaN ? 1 : 0 }), ("isinf", .bool, { $0.isInfinite ? 1 : 0 }),
        ("isfinite", .bool, { $0.isFinite ? 1 : 0 }), ("logical_not", .bool, { $0 == 0 ? 1 : 0 }),
    ]

    static let binary: [(String, Result, @Sendable (Double, Double) -> Double)] = [
        ("add", .same, { $0 + $1 }), ("subtract", .same, { $0 - $1 }), ("multiply", .same, { $0 * $1 }),
        ("divide", .float, { $0 / $1 }), ("true_divide", .float, { $0 / $1 }),
        ("maximum", .same, { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }),
        ("minimum", .same, { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }),
        ("fmax", .same, { $0.isNaN ? $1 : ($1.isNaN ? $0 : Swift.max($0, $1)) }),
        ("fmin", .same, { $0.isNaN ? $1 : ($1.isNaN ? $0 : Swift.min($0, $1)) }),
        ("arctan2", .float, { Foundation.atan2($0, $1) }), ("hypot", .float, { Foundation.hypot($0, $1) }),
        ("power", .same, { Foundation.pow($0, $1) }),
        ("greater", .bool, { $0 > $1 ? 1 : 0 }), ("greater_equal", .bool, { $0 >= $1 ? 1 : 0 }),
        ("less", .bool, { $0 < $1 ? 1 : 0 }), ("less_equal", .bool, { $0 <= $1 ? 1 : 0 }),
        ("equal", .bool, { $0 == $1 ? 1 : 0 }), ("not_equal", .bool, { $0 != $1 ? 1 : 0 }),
        ("logical_and", .bool, { $0 != 0 && $1 != 0 ? 1 : 0 }), ("logical_or", .bool, { $0 != 0 || $1 != 0 ? 1 : 0 }),
    ]

    static func installMath(_ np: Namespace) {
        for (name, result, body) in unary {
            np.numpy(name, ["x"]) { args, context in
                let x = try args.array("x")
                return try x.map(dtype: dtype(result, [x]), body).ufuncValue(args, context)
            }
        }
        for (name, result, body) in binary {
            np.numpy(name, ["x1", "x2"]) { args, context in
                let operands = [try args.array("x1"), try args.array("x2")]
                let dtype = dtype(result, operands)
                if name == "power", dtype == .int64, operands[1].values.contains(where: { $0 < 0 }) {
                    throw RuntimeError.value("Integers to negative integer powers are not allowed.")
                }
                return try NDArray.broadcast(operands, dtype: dtype, context, name) { body($0[0], $0[1]) }.ufuncValue(args, context)
            }
        }
        np.numpy("clip", ["a", "a_min", "a_max"]) { args, context in
            let a = try args.array("a")
            let low = args.value("a_min").isNone ? nil : try args.array("a_min")
            let high = args.value("a_max").isNone ? nil : try args.array("a_max")
            let operands = [a] + [low, high].compactMap { $0 }
            guard operands.count > 1 else { throw RuntimeError.value("One of max or min must be given") }
            return try NDArray.broadcast(operands, dtype: dtype(.same, operands), context, "clip") { x in
                var y = x[0]
                if low != nil { y = Swift.max(y, x[1]) }
                if high != nil { y = Swift.min(y, x[x.count - 1]) }
                return x[0].isNaN ? x[0] : y
            }.ufuncValue(args, context)
        }
        for name in ["round", "around"] {
            np.numpy(name, ["a", "decimals"], required: 1) { args, context in
                let a = try args.array("a")
                let decimals = Swift.min(Swift.max(try args.int("decimals", 0), -400), 400)
                guard a.dtype == .float32 else { return try roundInts(a, decimals).ufuncValue(args, context) }
                let scale = Foundation.pow(10, Double(Swift.abs(decimals)))
                return try a.map(dtype: .float32) { x in
                    decimals >= 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
                }.ufuncValue(args, context)
            }
        }
        np.numpy("where", ["condition", "x", "y"], required: 1) { args, context in
            let condition = try args.array("condition")
            guard let x = args["x"], let y = args["y"] else {
                if args["x"] != nil || args["y"] != nil { throw RuntimeError.value("either both or neither of x and y should be given") }
                return try nonzero(condition, context)
            }
            let operands = [condition, try NDArray.from(x, args.what("x")), try NDArray.from(y, args.what("y"))]
            let dtype = Swift.max(operands[1].dtype, operands[2].dtype)
            // Unlike the ufuncs, `where` gives an array even for numbers (`np.where(True, 1, 2)` is a 0-d array).
            return try NDArray.broadcast(operands, dtype: dtype, context, "where") { $0[0] != 0 ? $0[1] : $0[2] }.tensor(context)
        }
        np.numpy("nonzero", ["a"]) { args, context in try nonzero(try args.array("a"), context) }
        installCloseness(np)
    }

    /// The result dtype of an elementwise function of `operands`.
    static func dtype(_ result: Result, _ operands: [NDArray]) -> DType {
        switch result {
        case .float: .float32
        case .bool: .bool
        case .same: operands.map(\.dtype).max() ?? .float32
        }
    }

    /// `round` of an int array: unchanged for decimals ≥ 0, else to a multiple of 10^-decimals.
    static func roundInts(_ a: NDArray, _ decimals: Int) -> NDArray {
        guard decimals < 0 else { return a }
        let scale = Foundation.pow(10, Double(-decimals))
        return a.map(dtype: a.dtype) { ($0 / scale).rounded(.toNearestOrEven) * scale }
    }

    /// `np.nonzero(a)` / `np.where(a)`: a tuple of int64 index arrays, one per dimension.
    static func nonzero(_ a: NDArray, _ context: TensorContext) throws -> Value {
        let shape = a.ndim == 0 ? [1] : a.shape
        let strides = NDArray.strides(shape)
        var coordinates = [[Double]](repeating: [], count: shape.count)
        for (index, x) in a.values.enumerated() where x != 0 {
            var rest = index
            for d in shape.indices {
                coordinates[d].append(Double(rest / strides[d]))
                rest %= strides[d]
            }
        }
        return .tuple(try coordinates.map { try NDArray(shape: [$0.count], values: $0, dtype: .int64).tensor(context) })
    }

    /// `isclose`, `allclose` (numpy's rtol=1e-05, atol=1e-08) and `array_equal`.
    static func installCloseness(_ np: Namespace) {
        func close(_ args: BoundArguments, _ context: TensorContext, _ name: String) throws -> NDArray {
            let (rtol, atol) = (try args.double("rtol", 1e-5), try args.double("atol", 1e-8))
            let equalNaN = try args.bool("equal_nan", false)
            let operands = [try args.array("a"), try args.array("b")]
            return try NDArray.broadcast(operands, dtype: .bool, context, name) { x in
                Tensor.isClose(x[0], x[1], rtol: rtol, atol: atol, equalNaN: equalNaN) ? 1 : 0
            }
        }
        np.numpy("isclose", ["a", "b", "rtol", "atol", "equal_nan"], required: 2) { args, context in
            try close(args, context, "isclose").value(context)
        }
        np.numpy("allclose", ["a", "b", "rtol", "atol", "equal_nan"], required: 2) { args, context in
            .bool(try close(args, context, "allclose").values.allSatisfy { $0 != 0 })
        }
        np.numpy("array_equal", ["a1", "a2", "equal_nan"], required: 2) { args, _ in
            let (a, b) = (try args.array("a1"), try args.array("a2"))
            let equalNaN = try args.bool("equal_nan", false)
            return .bool(a.shape == b.shape && zip(a.values, b.values).allSatisfy { $0 == $1 || (equalNaN && $0.isNaN && $1.isNaN) })
        }
    }
}

extension NDArray {
    /// An elementwise function's result: a tensor when an operand is a tensor (not an array),
    /// as PyTorch's `Tensor.__array_wrap__` makes numpy give one (`np.sqrt(t)` is a tensor,
    /// 0-d for a 0-d `t`), outside autograd (numpy reads the tensor by `t.numpy()`, refused
    /// while it requires grad); numpy's array or scalar otherwise.
    func ufuncValue(_ args: BoundArguments, _ context: TensorContext) throws -> Value {
        let hasTensor = args.values.contains { value in value?.tensorObject.map { !$0.isNumpyArray } ?? false }
        guard hasTensor else { return try value(context) }
        let result = try tensor(context)
        result.tensorObject?.isNumpyArray = false
        return result
    }
}
