import Analysis
import Tensor

/// PyTorch's determinant and inverse under all their names: `torch.det(input)`,
/// `torch.linalg.det(A)`, `x.det()`, `torch.inverse(input)`, `torch.linalg.inv(A)` and
/// `x.inverse()` (the engine's `Tensor.det`/`Tensor.inverse`, in the Analysis target,
/// which has LAPACK).
enum TensorLinearAlgebra {
    /// The method names (`x.det()`, `x.inverse()`).
    static let methodNames = ["det", "inverse"]

    /// The `torch` functions: `det(input)` and `inverse(input)`.
    static func torchMembers() -> [(String, Value)] {
        [("det", function("det", parameter: "input", Tensor.det)),
         ("inverse", function("inverse", parameter: "input", Tensor.inverse))]
    }

    /// Adds `det(A)` and `inv(A)` to the `torch.linalg` module.
    static func install(into linalg: Namespace) {
        linalg.value("det", function("det", parameter: "A", Tensor.det))
        linalg.value("inv", function("inv", parameter: "A", Tensor.inverse))
    }

    /// A function of one tensor, bound by name as PyTorch's (`torch.det(input=x)`).
    private static func function(_ name: String, parameter: String, _ operation: @escaping (Tensor) -> () throws -> Tensor) -> Value {
        TensorMathFunctions.function(name, Signature(name, [parameter])) { args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensor(args, parameter)
            return try context.perform { context.wrap(try operation(x)()) }
        }
    }
}

extension TensorObject {
    /// `x.det()` and `x.inverse()`; nil for any other name.
    func linearAlgebraMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        guard TensorLinearAlgebra.methodNames.contains(name) else { return nil }
        _ = try bind(name, arguments)
        return try context.perform { wrap(name == "det" ? try tensor.det() : try tensor.inverse()) }
    }
}
