import Foundation
import Tensor

/// The grading helpers on tensors: `assert_close` accepting tensors (compared by shape, then
/// values, through `Closeness`), and `check_gradients(f, inputs)`, which compares autograd
/// with central finite differences.
enum TensorGrading {
    /// Wraps `assert_close` so that it accepts tensors, and adds `check_gradients`.
    static func install(_ registry: inout Registry) {
        if let numeric = registry.globals.last(where: { $0.name == "assert_close" })?.value {
            registry.rawFunction("assert_close") { arguments, interpreter in
                var converted = arguments
                converted.positional = arguments.positional.map { plain($0) }
                converted.keywords = arguments.keywords.map { ($0.name, plain($0.value)) }
                return try interpreter.call(numeric, converted)
            }
        }
        let signature = Signature("check_gradients", ["f", "inputs"], keywordOnly: ["eps", "atol", "rtol"])
        registry.function("check_gradients", signature) { args, interpreter in
            try checkGradients(args, interpreter)
        }
    }

    /// A value with every tensor replaced by nested lists of numbers (each Float32 element
    /// as the shortest decimal that reads back as it, so messages show `0.1`, not
    /// `0.10000000149011612`).
    /// Values nested deeper than `TensorValues.maximumDepth` (a list that contains itself,
    /// a tensor of thousands of dimensions) are left as they are.
    static func plain(_ value: Value, depth: Int = 0) -> Value {
        switch value {
        case .native(let object as TensorObject) where depth + object.tensor.ndim <= TensorValues.maximumDepth:
            let values = object.tensor.scalars
            var position = 0
            func build(_ dim: Int) -> Value {
                guard dim < object.tensor.ndim else {
                    defer { position += 1 }
                    return .float(Double(values[position].description) ?? Double(values[position]))
                }
                return .list(ListObject((0..<object.tensor.shape[dim]).map { _ in build(dim + 1) }))
            }
            return build(0)
        case .list(let list) where depth < TensorValues.maximumDepth:
            return .list(ListObject(list.items.map { plain($0, depth: depth + 1) }))
        case .tuple(let items) where depth < TensorValues.maximumDepth:
            return .tuple(items.map { plain($0, depth: depth + 1) })
        default: return value
        }
    }

    /// `check_gradients(f, inputs, eps=1e-3, atol=1e-3, rtol=1e-2)`: calls `f` on copies of
    /// the float inputs that require grad, backpropagates a fixed random weighting of its
    /// output, and compares each gradient element with `(g(x + eps) - g(x - eps)) / 2eps`.
    /// Returns True, or fails naming the input, the element and both values.
    static func checkGradients(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let f = args.value("f")
        let eps = try args.double("eps", 1e-3)
        let atol = try args.double("atol", 1e-3)
        let rtol = try args.double("rtol", 1e-2)
        let given = args.value("inputs")
        let items = given.tensorObject != nil ? [given] : try interpreter.collect(given)
        let leaves: [Value] = try items.map { item in
            guard let t = item.tensorObject?.tensor, t.dtype == .float32 else { return item }
            return try context.perform { context.wrap(try t.detach().clone().requiresGrad_(true)) }
        }
        var weights: Tensor?
        /// f's output and the fixed weights its elements are summed with (1 for one element).
        func output() throws -> (Tensor, Tensor) {
            let result = try interpreter.call(f, Arguments(leaves))
            guard let out = result.tensorObject?.tensor else {
                throw RuntimeError.type("check_gradients: f must return a tensor, not \(result.typeName)")
            }
            let w = try weights ?? context.perform {
                out.count == 1 ? try Tensor.ones(out.shape)
                    : try Tensor.rand(out.shape, low: 0.5, high: 1.5, generator: Generator(seed: 20_240_601))
            }
            weights = w
            return (out, w)
        }
        /// The weighted sum of f's output, accumulated in Double.
        func objective() throws -> Double {
            let (out, w) = try output()
            guard out.shape == w.shape else {
                throw RuntimeError.value("check_gradients: f returned shapes \(describeShape(w.shape)) and \(describeShape(out.shape))")
            }
            return zip(out.scalars, w.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        try context.withGrad(true) {
            let (out, w) = try output()
            let total = try context.perform { try out.float().mul(w).sum() }
            guard total.requiresGrad else { return }
            try context.perform { try total.backward() }
        }
        for (n, leaf) in leaves.enumerated() {
            guard let x = leaf.tensorObject?.tensor, x.requiresGrad else { continue }
            let analytic = x.grad?.scalars ?? [Float](repeating: 0, count: x.count)
            var numeric = [Double](repeating: 0, count: x.count)
            try context.withGrad(false) {
                for i in 0..<x.count {
                    let saved = x.withUnsafeBufferPointer { $0[i] }
                    x.withUnsafeMutableBufferPointer { $0[i] = saved + Float(eps) }
                    let up = try objective()
                    x.withUnsafeMutableBufferPointer { $0[i] = saved - Float(eps) }
                    let down = try objective()
                    x.withUnsafeMutableBufferPointer { $0[i] = saved }
                    numeric[i] = (up - down) / (2 * eps)
                }
            }
            var worst: (index: Int, error: Double)?
            var bad = 0
            for i in 0..<x.count {
                let error = Swift.abs(Double(analytic[i]) - numeric[i])
                if !(error <= atol + rtol * Swift.abs(numeric[i])) {
                    bad += 1
                    if worst == nil || !(error <= worst?.error ?? 0) { worst = (i, error) }
                }
            }
            if let worst {
                let place = x.ndim == 0 ? "" : " at index \(Closeness.unflatten(worst.index, x.shape))"
                throw RuntimeError(
                    "check_gradients: the gradient of input \(n) differs from finite differences\(place): autograd "
                        + "\(Closeness.short(Double(analytic[worst.index]), digits: 4)), numerical "
                        + "\(Closeness.short(numeric[worst.index], digits: 4)) (\(bad) of \(x.count) element\(x.count == 1 ? "" : "s") "
                        + "differ\(bad == 1 ? "s" : ""))",
                    id: "assertion")
            }
        }
        return .bool(true)
    }
}
