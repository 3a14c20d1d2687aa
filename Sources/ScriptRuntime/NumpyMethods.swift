import Tensor

/// numpy's array methods on tensors (arrays are tensors here): `.numpy()` (refused while the
/// tensor requires grad, as PyTorch refuses), `.astype(dtype)`, `.copy()`, PyTorch's
/// `.type(dtype)` (how ported code converts `torch.from_numpy(a)`), and the reductions.
///
/// On a numpy array (`isNumpyArray`: made by `np.` or `.numpy()`) `sum`, `mean`, `std`, `max`,
/// `repeat`, `nonzero`, `transpose`, … are numpy's (`a.std()` has ddof=0, `a.mean()` is a
/// Python float), and `a.sort()` sorts in place. On other tensors they
/// are PyTorch's, which takes `axis=`/`keepdims=` for `dim=`/`keepdim=` (`x.mean(axis=0)`)
/// and has no `ddof=` (`x.std(axis=0, ddof=0)` is numpy's); where the two libraries disagree
/// and the call does not say which is meant (`x.std(axis=0)`: ddof 0 or unbiased?
/// `x.max(axis=0)`: values or (values, indices)?), it is refused with what to write instead.
extension TensorObject {
    /// The numpy methods, for attribute listings.
    static let numpyMethodNames = ["astype", "copy", "type"]

    /// The methods of a numpy array (`isNumpyArray`) that run numpy's function of the same name
    /// (where PyTorch's method of that name differs: `repeat` tiles, `nonzero` gives one
    /// (n, ndim) tensor, `std` is unbiased, `max(0)` gives indices too).
    private static let numpyArrayMethods = ["sum", "mean", "std", "var", "max", "min", "argmax", "argmin", "prod",
                                            "cumsum", "cumprod", "any", "all", "repeat", "nonzero", "ravel", "dot", "round",
                                            "clip"]

    /// The reductions whose `axis=`/`keepdims=` PyTorch reads as `dim=`/`keepdim=`, to the same effect.
    private static let sharedReductions = ["sum", "mean", "prod", "argmax", "argmin", "any", "all", "cumsum"]

    /// Handles `name` when it is a numpy method or a numpy-keyword reduction; nil otherwise.
    func numpyMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "numpy":
            _ = try bind(name, arguments)
            try NDArray.checkNoGrad(tensor)
            return NDArray.numpyArray(tensor.detach(), context)
        case "astype":
            let args = try Signature("astype", ["dtype"]).bind(arguments)
            let dtype = try NumpyDType.dtype(args.value("dtype"), args.what("dtype"))
            return try NumpyBuiltins.cast(try NDArray.from(tensor), dtype).tensor(context)
        case "copy":
            _ = try bind(name, arguments)
            return try NDArray.from(tensor).tensor(context)
        case "type":
            // PyTorch's `x.type(torch.float)` (as after `torch.from_numpy`): `.float()`, `.long()`
            // or `.bool()`; without a dtype, the tensor type's name.
            let args = try bind(name, arguments, ["dtype"])
            guard let given = args["dtype"], !given.isNone else {
                return .str("torch.\(["Bool", "Long", "Float"][tensor.dtype.rawValue])Tensor")
            }
            let dtype = try TensorValues.dtype(given, "type() argument 'dtype'") ?? tensor.dtype
            return try callMethod(["bool", "long", "float"][dtype.rawValue], Arguments(), interpreter)
        default:
            break
        }
        if isNumpyArray {
            if TensorObject.numpyArrayMethods.contains(name) { return try numpyFunction(name, arguments, interpreter) }
            if name == "sort" { return try sortInPlace(arguments, interpreter) }
            if name == "transpose", arguments.keywords.isEmpty {
                // numpy's `a.transpose()`, `a.transpose(1, 0, 2)`, `a.transpose((1, 0, 2))`.
                let axes: Value = arguments.positional.count == 1 ? arguments.positional[0]
                    : arguments.positional.isEmpty ? Value.none : .tuple(arguments.positional)
                return try numpyFunction(name, Arguments([axes]), interpreter)
            }
        }
        // The common case (a PyTorch call without numpy's keywords) returns here at once.
        guard !arguments.keywords.isEmpty,
              arguments.keywords.contains(where: { ["axis", "keepdims", "ddof"].contains($0.name) }) else { return nil }
        if ["std", "var"].contains(name), !arguments.keywords.contains(where: { $0.name == "ddof" }) {
            throw RuntimeError.value("x.\(name)(axis=…) is ambiguous here: numpy's default is ddof=0, PyTorch's is the unbiased "
                                     + "estimate; write x.\(name)(axis=…, ddof=0) or np.\(name)(x, axis=…) for numpy's, "
                                     + "x.\(name)(dim=…) for PyTorch's")
        }
        if ["max", "min"].contains(name) {
            throw RuntimeError.value("x.\(name)(axis=…) is ambiguous here: numpy gives the values, PyTorch (values, indices); "
                                     + "write np.\(name)(x, axis=…) for numpy's, x.\(name)(dim=…) for PyTorch's")
        }
        guard TensorObject.sharedReductions.contains(name) else {
            return ["std", "var"].contains(name) ? try numpyFunction(name, arguments, interpreter) : nil
        }
        // PyTorch takes axis=/keepdims= as aliases of dim=/keepdim= (and keeps the graph).
        let renamed = arguments.keywords.map { ($0.name == "axis" ? "dim" : $0.name == "keepdims" ? "keepdim" : $0.name, $0.value) }
        return try callMethod(name, Arguments(arguments.positional, keywords: renamed), interpreter)
    }

    /// An element taken from this tensor (`a[i]`, `for v in a`): for a numpy array, a 0-d
    /// result is a Python number, as numpy gives its scalars; anything else as it is.
    func numpyScalar(_ item: Value) -> Value {
        guard isNumpyArray, let object = item.tensorObject, object.tensor.ndim == 0 else { return item }
        return NDArray.number(Double(object.tensor.withUnsafeBufferPointer { $0[0] }), object.tensor.dtype)
    }

    /// numpy's `a.sort(axis=-1)`: sorts the array in place and gives None.
    private func sortInPlace(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature("sort", ["axis"], required: 0).bind(arguments)
        try checkWritable()
        let sorted = try numpyFunction("sort", Arguments([args.value("axis", .int(-1))]), interpreter)
        if let source = sorted.tensorObject?.tensor {
            try context.withGrad(false) { try context.perform { _ = try tensor.copy_(source) } }
        }
        return Value.none
    }

    /// `x.name(args)` as `np.name(x, args)`.
    private func numpyFunction(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard let function = try interpreter.numpyModule?.attribute(name, interpreter) else {
            throw RuntimeError.type("numpy function '\(name)' is not available in rnnbook")
        }
        return try interpreter.call(function, Arguments([.native(self)] + arguments.positional, keywords: arguments.keywords))
    }
}

extension Interpreter {
    /// The session's `numpy` module, for array methods that run numpy's functions.
    var numpyModule: Namespace? {
        state(NumpyModuleHolder.self) { NumpyModuleHolder() }.module
    }
}

/// Holds the numpy module of a session (built once, on first use of a numpy-style method).
final class NumpyModuleHolder: SnapshotState {
    let module: Namespace? = NumpyBuiltins.modules()["numpy"]

    /// The module holds no session values: the snapshot shares it.
    func snapshotCopy() -> AnyObject { self }
}
