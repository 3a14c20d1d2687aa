import Tensor

/// A tensor seen from `rnn` code: PyTorch's display, attributes, methods, operators,
/// indexing, iteration over the first dimension, truth and format specs of one-element
/// tensors.
///
/// The object holds the engine `Tensor` (a reference: `b = a` shares it, as in PyTorch) and
/// the session's `TensorContext`, through which every operation runs so that the session's
/// budget and `no_grad` state apply. Other bindings wrap results with
/// `interpreter.tensors.wrap(t)` and unwrap arguments with `interpreter.tensors.tensor(v, what)`.
final class TensorObject: NativeObject {
    /// The engine tensor.
    let tensor: Tensor
    /// The session the tensor belongs to (weak: the session owns its values, not the reverse).
    private weak var owner: Interpreter?

    /// For a tensor made by an operation that is a view in PyTorch but a copy here (basic
    /// indexing, `.T`, `transpose`, `permute`, `expand`): the tensor it was taken from, while
    /// that one lives. Writing into such a copy would not reach the original, as a PyTorch
    /// user expects, so it is refused (see `checkWritable`).
    weak var copiedFrom: Tensor?

    /// Whether this value is an `nn.Parameter` (made by `nn.Parameter(t)` or handed out by a
    /// module): a user module registers a tensor attribute as a parameter only when it is.
    var isParameter = false

    /// Whether this tensor is a numpy array (made by `np.` or `.numpy()`, or derived from one
    /// by its methods, operators and indexing): its reductions follow numpy (NumpyMethods.swift).
    var isNumpyArray = false

    init(_ tensor: Tensor, _ owner: Interpreter?) {
        self.tensor = tensor
        self.owner = owner
    }

    /// Wraps a copy that PyTorch would make as a view of this tensor.
    func wrapViewCopy(_ t: Tensor) -> Value {
        let object = TensorObject(t, owner)
        object.copiedFrom = tensor
        object.isNumpyArray = isNumpyArray
        return .native(object)
    }

    /// Throws when this tensor is a copy standing for a view of a tensor that still lives:
    /// the write would silently miss the tensor the user meant to change.
    func checkWritable() throws {
        guard copiedFrom != nil else { return }
        throw RuntimeError(
            "this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would "
                + "give a view), so writing into it would not change the tensor it came from; write into the "
                + "original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you "
                + "want a separate tensor", id: "tensor-error")
    }

    /// The session, for a snapshot copy (which belongs to the same session).
    var snapshotOwner: Interpreter? { owner }

    /// The session's tensor state, looked up on each use, so that a session rewound to a
    /// snapshot (which replaces its state objects) is obeyed. A tensor that outlived its
    /// session gets a fresh state of its own.
    var context: TensorContext {
        owner?.tensors ?? TensorContext(seed: 0, budget: TensorBudget(), interpreter: nil)
    }

    var typeName: String { "Tensor" }

    /// PyTorch's display: `tensor([[ 0.1000, -1.2000]])`; `print` shows the same.
    func repr() -> String {
        // numpy's arrays show as numpy shows them (NumpyFormat).
        if isNumpyArray { return NumpyFormat.repr(tensor) }
        // PyTorch shows an `nn.Parameter` as `Parameter containing:` and the tensor.
        return isParameter ? "Parameter containing:\n" + tensor.description : tensor.description
    }

    /// `print(a)`: a numpy array's `str` (`[1. 2.]`); a tensor prints as its repr.
    func str() -> String {
        isNumpyArray ? NumpyFormat.str(tensor) : repr()
    }

    /// Wraps a result of the same session.
    func wrap(_ t: Tensor) -> Value {
        let object = TensorObject(t, owner)
        object.isNumpyArray = isNumpyArray
        return .native(object)
    }

    /// `x.shape` and `x.size()`: a `torch.Size`, or a numpy array's plain tuple.
    var shapeValue: Value {
        isNumpyArray ? TensorValues.shapeValue(tensor.shape) : TensorValues.sizeValue(tensor.shape)
    }

    /// The attribute names (methods are listed in `methodNames`).
    static let attributeList = [
        "shape", "ndim", "T", "grad", "requires_grad", "dtype", "is_leaf", "grad_fn", "data", "device", "is_cuda",
    ]

    var attributeNames: [String] {
        let names = TensorObject.attributeList + TensorObject.methodNames
        return isNumpyArray ? names.filter(TensorObject.ndarrayMembers.contains) : names
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        try checkNumpyMember(name)  // NumpyArrayMembers.swift
        switch name {
        case "device": return isNumpyArray ? .str("cpu") : .native(DeviceObject())
        case "is_cuda": return .bool(false)
        case "shape": return shapeValue
        case "ndim": return .int(tensor.ndim)
        case "T":
            // PyTorch's `x.T` reverses every dimension (`x.permute(n-1, …, 0)`), also beyond 2-D.
            let reversed = Array((0..<tensor.ndim).reversed())
            return try context.perform { wrapViewCopy(tensor.view(try tensor.permute(reversed), named: "PermuteBackward0")) }
        case "grad": return tensor.grad.map(wrap) ?? Value.none
        case "requires_grad": return .bool(tensor.requiresGrad)
        case "dtype": return .native(DTypeObject(tensor.dtype))
        case "is_leaf": return .bool(tensor.isLeaf)
        case "grad_fn": return tensor.gradFunction.map { Value.native($0) } ?? Value.none
        case "data": return wrap(tensor.detach())
        case "size": return .int(tensor.count)  // numpy's `a.size`; `x.size()` is PyTorch's method (docs/numpy.md)
        default: return nil
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        try checkNumpyMember(name)
        switch name {
        case "requires_grad":
            let flag = try value.truthy()
            try context.perform { _ = try tensor.requiresGrad_(flag) }
            return true
        case "grad":
            if value.isNone {
                tensor.grad = nil
                return true
            }
            let grad = try context.tensor(value, "grad")
            guard grad.shape == tensor.shape else {
                throw RuntimeError("assigned grad has shape \(describeShape(grad.shape)), "
                                   + "but the tensor has shape \(describeShape(tensor.shape))", id: "tensor-error")
            }
            tensor.grad = grad
            return true
        case "data":
            let source = try context.tensor(value, "data")
            try context.withGrad(false) { try context.perform { _ = try tensor.copy_(source) } }
            return true
        default:
            return false
        }
    }

    /// The truth of a one-element tensor; more elements are ambiguous, as in PyTorch.
    func truth() throws -> Bool? {
        guard tensor.count == 1 else {
            let what = tensor.count == 0 ? "with no values" : "with more than one value"
            throw RuntimeError.value("Boolean value of Tensor \(what) is ambiguous")
        }
        return tensor.withUnsafeBufferPointer { $0[0] != 0 }
    }

    func length() throws -> Int? {
        guard let first = tensor.shape.first else { throw RuntimeError.type("len() of a 0-d tensor") }
        return first
    }

    /// Iteration over the first dimension; each row is recorded, so gradients flow.
    func makeIterator() throws -> (() throws -> Value?)? {
        guard let count = tensor.shape.first else { throw RuntimeError.type("iteration over a 0-d tensor") }
        var i = 0
        return { [self] in
            guard i < count else { return nil }
            defer { i += 1 }
            // Rows are views in PyTorch, so they are copies that refuse writes here too.
            // PyTorch iterates over `x.unbind(0)`: each row's node is `UnbindBackward0`.
            return numpyScalar(try context.perform {
                wrapViewCopy(try tensor.index([.at(i)]).labelled("UnbindBackward0", inputs: [tensor]))
            })
        }
    }

    /// `{loss:.4f}` on a one-element tensor formats its value.
    func format(_ spec: String) throws -> String? {
        guard tensor.count == 1 else {
            throw RuntimeError.type("unsupported format string passed to Tensor.__format__")
        }
        return try FormatSpec(spec).format(try TensorValues.item(tensor))
    }

    /// `v in t`: whether any element equals `v`.
    func contains(_ other: Value) throws -> Bool? {
        guard let value = try context.operand(other) else { return nil }
        return try context.perform { try tensor.eq(value).scalars.contains { $0 != 0 } }
    }
}

extension TensorObject: NumericArrayConvertible {
    /// The shape and the elements, row-major, for plots (`plt.plot(x)`, `plt.imshow(w)`).
    func numericArray() throws -> (shape: [Int], values: [Double]) {
        (tensor.shape, tensor.scalars.map(Double.init))
    }
}
