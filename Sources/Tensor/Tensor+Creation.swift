/// The creation functions of PyTorch: constants, ranges, identity, and random tensors.
extension Tensor {
    /// A float32 (or `dtype`) tensor of `shape` filled with `value` (PyTorch's `full`).
    public static func full(_ shape: [Int], _ value: Float, dtype: DType = .float32) throws -> Tensor {
        try filled(shape, value, dtype: dtype, op: "full")
    }

    /// Zeros of `shape`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try filled(shape, 0, dtype: dtype, op: "zeros")
    }

    /// Ones of `shape`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try filled(shape, 1, dtype: dtype, op: "ones")
    }

    /// A tensor of `shape` with every element `value`, errors naming `op`.
    static func filled(_ shape: [Int], _ value: Float, dtype: DType, op: String) throws -> Tensor {
        let n = try Shape.count(shape, op: op)
        return Tensor(storage: try TensorStorage(repeating: value, count: n, shape: shape, op: op), shape: shape, dtype: dtype)
    }

    /// Zeros of `x`'s shape and dtype.
    public static func zerosLike(_ x: Tensor) throws -> Tensor { try zeros(x.shape, dtype: x.dtype) }

    /// Ones of `x`'s shape and dtype.
    public static func onesLike(_ x: Tensor) throws -> Tensor { try ones(x.shape, dtype: x.dtype) }

    /// The `n × m` identity matrix (`m` defaults to `n`).
    public static func eye(_ n: Int, _ m: Int? = nil) throws -> Tensor {
        let cols = m ?? n
        let out = try zeros([n, cols])
        for i in 0..<Swift.min(n, cols) { out.data[i * cols + i] = 1 }
        return out
    }

    /// `start, start+step, …` below `stop` (above, for a negative step); int64 when all three
    /// are whole numbers, as in PyTorch.
    public static func arange(_ start: Float, _ stop: Float, step: Float = 1) throws -> Tensor {
        guard step != 0 else { throw TensorError("arange: step must be nonzero") }
        guard start.isFinite, stop.isFinite, step.isFinite else { throw TensorError("arange: bounds must be finite") }
        let steps = ((Double(stop) - Double(start)) / Double(step)).rounded(.up)
        guard steps <= Double(TensorBudget.defaultMaxElements) * 64 else {
            throw TensorError("arange: \(start) to \(stop) in steps of \(step) gives too many elements")
        }
        // Checked before converting: a range that runs the wrong way (arange(1e19, 7)) is empty.
        let n = steps > 0 ? Int(steps) : 0
        let whole = [start, stop, step].allSatisfy { $0.rounded(.towardZero) == $0 }
        let out = try Tensor(uninitialized: [n], dtype: whole ? .int64 : .float32, op: "arange")
        for i in 0..<n { out.data[i] = Float(Double(start) + Double(i) * Double(step)) }
        return out
    }

    /// `0, 1, …, stop-1` as int64.
    public static func arange(_ stop: Int) throws -> Tensor { try arange(0, Float(stop)) }

    /// `n` evenly spaced values from `a` to `b` inclusive.
    public static func linspace(_ a: Float, _ b: Float, _ n: Int) throws -> Tensor {
        guard n >= 0 else { throw TensorError("linspace: number of steps must be non-negative") }
        let out = try Tensor(uninitialized: [n], op: "linspace")
        let step = n > 1 ? (Double(b) - Double(a)) / Double(n - 1) : 0
        for i in 0..<n {
            out.data[i] = i < n / 2 ? Float(Double(a) + step * Double(i)) : Float(Double(b) - step * Double(n - 1 - i))
        }
        return out
    }

    /// Standard normal samples of `shape` drawn from `generator`.
    public static func randn(_ shape: [Int], generator: Generator) throws -> Tensor {
        let out = try Tensor(uninitialized: shape, op: "randn")
        for i in 0..<out.count { out.data[i] = Float(generator.nextNormal()) }
        return out
    }

    /// Uniform samples in `[low, high)` of `shape` drawn from `generator`.
    public static func rand(_ shape: [Int], low: Float = 0, high: Float = 1, generator: Generator) throws -> Tensor {
        let out = try Tensor(uninitialized: shape, op: "rand")
        for i in 0..<out.count { out.data[i] = low + (high - low) * generator.nextFloat() }
        return out
    }

    /// Uniform int64 samples in `low..<high` of `shape` drawn from `generator`.
    public static func randint(_ low: Int, _ high: Int, _ shape: [Int], generator: Generator) throws -> Tensor {
        guard low < high else {
            throw TensorError("randint: random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let limit = 1 << 24
        guard low >= -limit, high <= limit + 1 else {
            throw TensorError("randint: bounds must lie within ±\(limit) (int64 tensors are stored as Float32)")
        }
        let out = try Tensor(uninitialized: shape, dtype: .int64, op: "randint")
        let span = UInt64(high - low)
        for i in 0..<out.count { out.data[i] = Float(low + Int(generator.nextInt(below: span))) }
        return out
    }

    /// A random permutation of `0..<n` as int64 (Fisher–Yates, drawn from `generator`).
    public static func randperm(_ n: Int, generator: Generator) throws -> Tensor {
        let out = try Tensor(uninitialized: [n], dtype: .int64, op: "randperm")
        for i in 0..<n { out.data[i] = Float(i) }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(generator.nextInt(below: UInt64(i + 1)))
            (out.data[i], out.data[j]) = (out.data[j], out.data[i])
        }
        return out
    }
}
