import Tensor

/// PyTorch's refusal of a numpy array (or a list, or a number) where a module or a loss
/// takes a tensor.
///
/// A numpy array here is a tensor marked as an array (docs/numpy.md), so the engine could
/// run a layer on it; PyTorch does not: `nn.Linear(3, 2)(a)` raises `TypeError: linear():
/// argument 'input' (position 1) must be Tensor, not numpy.ndarray`. Accepting it would let
/// a notebook run here that fails in PyTorch (neurogym's `Dataset` gives numpy arrays, which
/// ported code converts with `torch.from_numpy`), so the built-in modules and the losses
/// refuse arrays with the exception PyTorch 2 raises, followed by the conversion to write.
/// A list or a number is refused the same way (`linear(): … must be Tensor, not list`), with
/// `torch.tensor(…)` to write.
enum NumpyArrayRefusal {
    /// A TypeError of PyTorch's argument parser: `linear(): argument 'input' (position 1)
    /// must be Tensor, not numpy.ndarray` (or `not list`).
    case argument(function: String, name: String, position: Int)
    /// An AttributeError of a Python method PyTorch calls first (`nn.RNN` reads `input.dim()`):
    /// `'numpy.ndarray' object has no attribute 'dim'` (or `'list' object …`).
    case missingAttribute(String)
    /// Another TypeError for a numpy array, as PyTorch words it (`nn.MSELoss` calls
    /// `target.size()`, an int for an array: `'int' object is not callable`); for any other
    /// value, the AttributeError of reading `attribute` (a list has no `size`).
    case typeError(String, attribute: String)

    /// What to write instead, after PyTorch's message.
    static let hint = "; convert it first with torch.from_numpy(…), e.g. torch.from_numpy(inputs).type(torch.float) "
        + "for neurogym's observations"

    /// What to write instead of a list or a number.
    static let listHint = "; make it a tensor first with torch.tensor(…)"

    /// The error for a numpy array given where this refusal applies.
    var error: RuntimeError { error(for: "numpy.ndarray") }

    /// The error for a value of Python type `type` (`numpy.ndarray`, `list`, `float`).
    func error(for type: String) -> RuntimeError {
        let hint = type == "numpy.ndarray" ? Self.hint : Self.listHint
        switch self {
        case .argument(let function, let name, let position):
            return RuntimeError.type("\(function)(): argument '\(name)' (position \(position)) must be Tensor, not \(type)" + hint)
        case .missingAttribute(let attribute):
            return RuntimeError("'\(type)' object has no attribute '\(attribute)'" + hint, id: "attribute-error")
        case .typeError(let message, let attribute):
            guard type == "numpy.ndarray" else { return NumpyArrayRefusal.missingAttribute(attribute).error(for: type) }
            return RuntimeError.type(message + hint)
        }
    }

    /// Throws the error when `value` is a numpy array.
    func check(_ value: Value) throws {
        guard value.tensorObject?.isNumpyArray == true else { return }
        throw error
    }

    /// Throws the error when `value` is anything but a tensor: a numpy array, a list, a
    /// number (PyTorch's modules and losses take tensors only).
    func checkTensor(_ value: Value) throws {
        if let object = value.tensorObject {
            if object.isNumpyArray { throw error }
            return
        }
        throw error(for: value.typeName)
    }
}

extension TensorContext {
    /// The tensor a module or a loss takes: anything but a tensor (a numpy array, a list, a
    /// number) is refused as `refusal` says.
    func tensorArgument(_ value: Value, _ refusal: NumpyArrayRefusal, _ what: String) throws -> Tensor {
        try refusal.checkTensor(value)
        return try tensor(value, what)
    }
}
