import Tensor

/// PyTorch's refusal of a numpy array where a module or a loss takes a tensor.
///
/// A numpy array here is a tensor marked as an array (docs/numpy.md), so the engine could
/// run a layer on it; PyTorch does not: `nn.Linear(3, 2)(a)` raises `TypeError: linear():
/// argument 'input' (position 1) must be Tensor, not numpy.ndarray`. Accepting it would let
/// a notebook run here that fails in PyTorch (neurogym's `Dataset` gives numpy arrays, which
/// ported code converts with `torch.from_numpy`), so the built-in modules and the losses
/// refuse arrays with the exception PyTorch 2 raises, followed by the conversion to write.
enum NumpyArrayRefusal {
    /// A TypeError of PyTorch's argument parser: `linear(): argument 'input' (position 1)
    /// must be Tensor, not numpy.ndarray`.
    case argument(function: String, name: String, position: Int)
    /// An AttributeError of a Python method PyTorch calls first (`nn.RNN` reads `input.dim()`).
    case missingAttribute(String)
    /// Another TypeError, as PyTorch words it (`nn.MSELoss` calls `target.size()`, an int for
    /// an array: `'int' object is not callable`).
    case typeError(String)

    /// What to write instead, after PyTorch's message.
    static let hint = "; convert it first with torch.from_numpy(…), e.g. torch.from_numpy(inputs).type(torch.float) "
        + "for neurogym's observations"

    /// The error for a numpy array given where this refusal applies.
    var error: RuntimeError {
        switch self {
        case .argument(let function, let name, let position):
            RuntimeError.type("\(function)(): argument '\(name)' (position \(position)) must be Tensor, not numpy.ndarray" + Self.hint)
        case .missingAttribute(let attribute):
            RuntimeError("'numpy.ndarray' object has no attribute '\(attribute)'" + Self.hint, id: "attribute-error")
        case .typeError(let message):
            RuntimeError.type(message + Self.hint)
        }
    }

    /// Throws the error when `value` is a numpy array.
    func check(_ value: Value) throws {
        guard value.tensorObject?.isNumpyArray == true else { return }
        throw error
    }
}

extension TensorContext {
    /// The tensor a module or a loss takes: a numpy array is refused as `refusal` says;
    /// anything else converts as `tensor(_:_:)` does.
    func tensorArgument(_ value: Value, _ refusal: NumpyArrayRefusal, _ what: String) throws -> Tensor {
        try refusal.check(value)
        return try tensor(value, what)
    }
}
