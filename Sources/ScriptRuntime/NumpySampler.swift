import Foundation
import Tensor

/// The random draws of `np.random` and of a `default_rng` Generator, on one engine
/// generator: numpy's names, arguments and checks; the numbers are the session's own
/// (seeded, deterministic, not numpy's bit for bit — docs/numpy.md). Without `size` a draw
/// is a Python number; with it, an array.
struct NumpySampler {
    let generator: Generator
    let interpreter: Interpreter

    /// The methods and their parameters (`randint` is the legacy name of `integers`).
    static let signatures: [String: Signature] = [
        "random": Signature("random", ["size"], required: 0),
        "random_sample": Signature("random_sample", ["size"], required: 0),
        "standard_normal": Signature("standard_normal", ["size"], required: 0),
        "uniform": Signature("uniform", ["low", "high", "size"], required: 0),
        "normal": Signature("normal", ["loc", "scale", "size"], required: 0),
        "exponential": Signature("exponential", ["scale", "size"], required: 0),
        "geometric": Signature("geometric", ["p", "size"], required: 1),
        "randint": Signature("randint", ["low", "high", "size"], required: 1),
        "integers": Signature("integers", ["low", "high", "size"], required: 1, keywordOnly: ["endpoint"]),
        "choice": Signature("choice", ["a", "size", "replace", "p"], required: 1),
        "permutation": Signature("permutation", ["x"]),
        "shuffle": Signature("shuffle", ["x"]),
        "rand": Signature("rand", [], variadic: true),
        "randn": Signature("randn", [], variadic: true),
    ]

    /// Runs the draw `name` with its arguments.
    func call(_ name: String, _ arguments: Arguments) throws -> Value {
        guard let signature = NumpySampler.signatures[name] else { throw RuntimeError.type("no random method \(name)") }
        let args = try signature.bind(arguments)
        switch name {
        case "random", "random_sample": return try draw(args, .float32) { generator.nextDouble() }
        case "standard_normal": return try draw(args, .float32) { generator.nextNormal() }
        case "rand", "randn":
            let shape = try args.rest.map { try $0.asInt("\(name)() dimension") }
            let body: () -> Double = name == "rand" ? { generator.nextDouble() } : { generator.nextNormal() }
            return try draw(shape: args.rest.isEmpty ? nil : shape, .float32, name, body)
        case "uniform":
            let (low, high) = (try args.double("low", 0), try args.double("high", 1))
            return try draw(args, .float32) { low + (high - low) * generator.nextDouble() }
        case "normal":
            let (loc, scale) = (try args.double("loc", 0), try args.double("scale", 1))
            guard scale >= 0 else { throw RuntimeError.value("scale < 0") }
            return try draw(args, .float32) { loc + scale * generator.nextNormal() }
        case "exponential":
            let scale = try args.double("scale", 1)
            guard scale >= 0 else { throw RuntimeError.value("scale < 0") }
            return try draw(args, .float32) { -scale * Foundation.log(1 - generator.nextDouble()) }
        case "geometric":
            let p = try args.double("p", 0.5)
            guard p > 0, p <= 1 else { throw RuntimeError.value("p <= 0, p > 1 or p contains NaNs") }
            return try draw(args, .int64) {
                p == 1 ? 1 : (Foundation.log(1 - generator.nextDouble()) / Foundation.log(1 - p)).rounded(.down) + 1
            }
        case "randint", "integers":
            var (low, high) = (try args.int("low", 0), try args["high"].flatMap { $0.isNone ? nil : try $0.asInt(args.what("high")) })
            if high == nil { (low, high) = (0, low) }
            let top = high ?? 0
            let endpoint = try args.bool("endpoint", false)
            guard endpoint ? low <= top : low < top else {
                throw RuntimeError.value("\(name == "randint" ? "low >= high" : "high <= low")")
            }
            // The number of values, as UInt64 (0 stands for all 2^64 of them).
            let span = UInt64(bitPattern: Int64(top &- low)) &+ (endpoint ? 1 : 0)
            return try draw(args, .int64) {
                Double(low) + Double(span == 0 ? generator.nextUInt64() : generator.nextInt(below: span))
            }
        case "choice": return try choice(args)
        case "permutation":
            let x = args.value("x")
            if case .int(let n) = x {
                _ = try NDArray.checkedCount([n], interpreter.tensors, "permutation")
                return try shuffled(NDArray(shape: [n], values: (0..<n).map(Double.init), dtype: .int64)).tensor(interpreter.tensors)
            }
            return try shuffled(try NDArray.from(x, args.what("x"))).tensor(interpreter.tensors)
        default: return try shuffle(args.value("x"))
        }
    }

    /// `size=` draws: a Python number without a size, else an array of that shape.
    private func draw(_ args: BoundArguments, _ dtype: DType, _ body: () -> Double) throws -> Value {
        let size = args.value("size")
        let shape = size.isNone ? nil : try NumpyBuiltins.shape(size, args.signature.name)
        return try draw(shape: shape, dtype, args.signature.name, body)
    }

    private func draw(shape: [Int]?, _ dtype: DType, _ name: String, _ body: () -> Double) throws -> Value {
        guard let shape else { return NDArray.number(body(), dtype) }
        let n = try NDArray.checkedCount(shape, interpreter.tensors, name)
        return try NDArray(shape: shape, values: (0..<n).map { _ in body() }, dtype: dtype).tensor(interpreter.tensors)
    }

    /// The array with its first axis in a random order (Fisher–Yates).
    func shuffled(_ a: NDArray) throws -> NDArray {
        guard let rows = a.shape.first else { throw RuntimeError.value("x must be an integer or at least 1-dimensional") }
        let order = permutation(rows)
        let width = rows == 0 ? 0 : a.count / rows
        let values = order.flatMap { a.values[($0 * width)..<(($0 + 1) * width)] }
        return NDArray(shape: a.shape, values: values, dtype: a.dtype)
    }

    /// A random order of `0..<n`.
    func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.nextInt(below: UInt64(i + 1))))
        }
        return order
    }

    /// `shuffle(x)`: reorders a list or the rows of an array in place.
    private func shuffle(_ x: Value) throws -> Value {
        switch x {
        case .list(let list):
            let items = list.items
            list.items = permutation(items.count).map { items[$0] }
        case .native(let object as TensorObject):
            try object.checkWritable()
            let mixed = try shuffled(try NDArray.from(object.tensor))
            let context = interpreter.tensors
            guard let source = try mixed.tensor(context).tensorObject?.tensor else { break }
            try context.withGrad(false) { try context.perform { _ = try object.tensor.copy_(source) } }
        default:
            throw RuntimeError.type("shuffle() argument must be a list or an array, not \(x.typeName)")
        }
        return .none
    }
}
