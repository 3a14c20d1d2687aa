import Tensor

/// A tensor parameter of a torch function or method as PyTorch's argument parser names it in
/// its errors: `tanh(): argument 'input' (position 1)`.
///
/// PyTorch's functions take tensors only; a numpy array is refused (`tanh(): argument 'input'
/// (position 1) must be Tensor, not numpy.ndarray`), and rnnbook refuses it the same way,
/// with the conversion to write (arrays are tensors here, docs/numpy.md, so the engine could
/// compute on one; code that relied on it would fail in PyTorch). A method's position does
/// not count the tensor it is called on (`t.add(a)`: `add(): argument 'other' (position 1)`).
/// Lists and tuples are refused too (`tanh(): … must be Tensor, not list`); Python numbers
/// still convert, although PyTorch takes them only where an overload has a `Number`.
struct TorchArgument {
    /// The function's name as PyTorch's parser reports it (`matmul`, `linalg_inv`).
    let function: String
    /// The parameter's name.
    let name: String
    /// Its position, from 1.
    let position: Int

    /// `tanh(): argument 'input' (position 1)`.
    var description: String { "\(function)(): argument '\(name)' (position \(position))" }

    /// What to write instead of handing a numpy array to a torch function.
    static let hint = "; convert the array to a tensor first with torch.from_numpy(a) (which shares its memory) "
        + "or torch.tensor(a) (a copy)"

    /// PyTorch's TypeError for a value of type `type` given here (`numpy.ndarray`, `str`).
    func error(_ type: String) -> RuntimeError {
        let hint = type == "numpy.ndarray" ? TorchArgument.hint : ["list", "tuple"].contains(type) ? NumpyArrayRefusal.listHint : ""
        return RuntimeError.type("\(description) must be Tensor, not \(type)" + hint)
    }

    /// PyTorch's TypeError for a sequence of tensors (`cat`, `stack`) whose element `index`
    /// (from 0) is of type `type`: `expected Tensor as element 1 in argument 0, but got numpy.ndarray`.
    func elementError(_ index: Int, _ type: String) -> RuntimeError {
        let hint = type == "numpy.ndarray" ? TorchArgument.hint : NumpyArrayRefusal.listHint
        return RuntimeError.type("expected Tensor as element \(index) in argument \(position - 1), but got \(type)" + hint)
    }
}

extension BoundArguments {
    /// The parameter `name` of this call's signature as a torch argument (its position in the
    /// signature's order).
    func torchArgument(_ name: String) -> TorchArgument {
        TorchArgument(function: signature.name, name: name, position: (index(name) ?? 0) + 1)
    }
}

extension Value {
    /// Whether this value is a numpy array (a tensor marked as one, docs/numpy.md).
    var isNumpyArray: Bool { tensorObject?.isNumpyArray == true }
}

extension TensorContext {
    /// The tensor argument `name` of a torch function or method: a numpy array is refused with
    /// PyTorch's TypeError and the conversion to write; anything else converts as
    /// `tensor(_:_:)` does.
    func tensor(_ args: BoundArguments, _ name: String) throws -> Tensor {
        try tensor(args.value(name), args.torchArgument(name))
    }

    /// The tensor `value` stands for, given as `argument` of a torch function: a numpy
    /// array, a list or a tuple is refused as PyTorch refuses it (Python numbers convert).
    func tensor(_ value: Value, _ argument: TorchArgument) throws -> Tensor {
        if value.isNumpyArray { throw argument.error("numpy.ndarray") }
        if case .list = value { throw argument.error("list") }
        if case .tuple = value { throw argument.error("tuple") }
        return try tensor(value, argument.description)
    }

    /// The tensor argument of a torch function that has no overload taking a Python number
    /// (`tanh`, `softmax`, `argmax`, `mean`): a number is refused too (`exp(): argument 'input'
    /// (position 1) must be Tensor, not float`).
    func tensorOnly(_ value: Value, _ argument: TorchArgument) throws -> Tensor {
        switch value {
        case .int, .float, .bool: throw argument.error(value.typeName)
        default: return try tensor(value, argument)
        }
    }

    /// The tensors of a sequence argument (`torch.cat(tensors)`): a numpy array, as the
    /// sequence or as one of its elements, is refused as PyTorch refuses it.
    func tensors(_ args: BoundArguments, _ name: String, _ interpreter: Interpreter) throws -> [Tensor] {
        let argument = args.torchArgument(name)
        let value = args.value(name)
        if value.isNumpyArray {
            throw RuntimeError.type("\(argument.description) must be tuple of Tensors, not numpy.ndarray" + TorchArgument.hint)
        }
        if value.tensorObject != nil {
            throw RuntimeError.type("\(argument.description) must be tuple of Tensors, not Tensor")
        }
        return try interpreter.collect(value).enumerated().map { index, item in
            guard let object = item.tensorObject, !object.isNumpyArray else {
                throw argument.elementError(index, item.isNumpyArray ? "numpy.ndarray" : item.typeName)
            }
            return object.tensor
        }
    }

    /// The tensor a value stands for where a numpy array is as welcome as a tensor: the
    /// analysis objects (scikit-learn takes arrays), `train()` (whose dataset gives neurogym's
    /// arrays) and rnnbook's task environments.
    func arrayOrTensor(_ value: Value, _ what: String) throws -> Tensor {
        if let object = value.tensorObject { return object.tensor }
        return try tensor(value, what)
    }
}
