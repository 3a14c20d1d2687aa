import ScriptSyntax
import Tensor

/// Operators between a tensor and a numpy array, as PyTorch 2 and numpy 2 do them.
///
/// PyTorch has no tensor–array arithmetic of its own. `t op a` fails in the tensor's
/// operator, which Python then hands to numpy: numpy converts the tensor with `t.numpy()`
/// (refused while it requires grad: `Can't call numpy() on Tensor that requires grad`),
/// computes, and the tensor's `__array_wrap__` gives a tensor back, outside the autograd
/// graph. `a op t` is numpy's operator first, which defers to the tensor, which fails, so it
/// raises — except `a / t` (the tensor's `__rtruediv__` is `t.reciprocal() * a`) and `==`.
/// Checked against PyTorch 2.15 and numpy 2.4:
///
/// | | `t op a` | `a op t` |
/// |---|---|---|
/// | `+` | tensor | `TypeError: Concatenation operation is not implemented for NumPy arrays, …` |
/// | `- * @ ** // %` | tensor | `TypeError: unsupported operand type(s) for -: 'numpy.ndarray' and 'Tensor'` |
/// | `/` | tensor | tensor |
/// | `& \| ^` | tensor (ints); uint8 for bools, which rnnbook lacks, so refused | TypeError as `-` |
/// | `==` | bool tensor | bool tensor |
/// | `!=` | Python's `True` (identity), so refused | the same |
/// | `< <= > >=` | `TypeError: '<' not supported between instances of 'Tensor' and 'numpy.ndarray'` | the same, reversed |
///
/// `t += a` makes a new tensor and binds it to `t`, leaving the old one unchanged, as Python
/// does when the in-place operator fails; `a += t` raises as `a + t` does.
extension TensorObject {
    /// What to write instead, after numpy's or PyTorch's message.
    static let mixedHint = "; convert the array to a tensor first with torch.from_numpy(a) or torch.tensor(a)"

    /// `self op other` when one is a numpy array and the other a tensor; nil otherwise.
    func mixedBinary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let object = other.tensorObject, object.isNumpyArray != isNumpyArray else { return nil }
        let (left, right) = reflected ? (object, self) : (self, object)
        if left.isNumpyArray {
            switch op {
            case .add:
                throw RuntimeError.type("Concatenation operation is not implemented for NumPy arrays, use np.concatenate() "
                                        + "instead. Please do not rely on this error; it may not be given on all Python "
                                        + "implementations" + TensorObject.mixedHint)
            case .divide:
                try NDArray.checkNoGrad(right.tensor)
            default:
                throw RuntimeError.type("unsupported operand type(s) for \(op.rawValue): 'numpy.ndarray' and 'Tensor'"
                                        + TensorObject.mixedHint)
            }
        } else {
            try NDArray.checkNoGrad(left.tensor)
            if op.isBitwise && (left.tensor.dtype == .bool || right.tensor.dtype == .bool) {
                throw RuntimeError.type("\(op.rawValue) between a bool tensor and a bool numpy array gives a torch.uint8 tensor "
                                        + "in PyTorch, which rnnbook does not have" + TensorObject.mixedHint)
            }
        }
        let result = try context.withGrad(false) {
            try context.perform { try TensorObject.apply(op, left.tensor, right.tensor) }
        }
        return context.wrap(result)
    }

    /// `self op other` for a comparison when one is a numpy array and the other a tensor; nil otherwise.
    func mixedCompare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let object = other.tensorObject, object.isNumpyArray != isNumpyArray else { return nil }
        let (left, right) = reflected ? (object, self) : (self, object)
        switch op {
        case .equal:
            return context.wrap(try context.withGrad(false) { try context.perform { try left.tensor.eq(right.tensor) } })
        case .notEqual:
            throw RuntimeError.type("a tensor and a numpy array are compared by identity with != in PyTorch (always True), "
                                    + "not element by element" + TensorObject.mixedHint)
        case .less, .lessEqual, .greater, .greaterEqual:
            let names = left.isNumpyArray ? ("numpy.ndarray", "Tensor") : ("Tensor", "numpy.ndarray")
            throw RuntimeError.type("'\(op.rawValue)' not supported between instances of '\(names.0)' and '\(names.1)'"
                                    + TensorObject.mixedHint)
        default:
            return nil
        }
    }
}
