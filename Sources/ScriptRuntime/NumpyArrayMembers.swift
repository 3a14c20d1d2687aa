/// What a numpy array answers: numpy's attributes and methods, not PyTorch's.
///
/// An array is a tensor here (docs/numpy.md), so the engine has every tensor method for it;
/// numpy's `ndarray` has none of PyTorch's (`a.float()`, `a.detach()`, `a.numpy()`,
/// `a.unsqueeze(0)`: `AttributeError: 'numpy.ndarray' object has no attribute 'float'`).
/// Code that called them would fail in Python, so an array refuses every name that numpy's
/// `ndarray` lacks, with numpy's exception and what to write instead. Of the names both
/// have, those whose meaning differs are numpy's (NumpyMethods.swift) or refused here
/// (`a.view(4)`, `a.flatten(1)`, `a.data`).
extension TensorObject {
    /// The public attributes and methods of numpy 2.4's `ndarray` (`dir(np.zeros(1))`).
    static let ndarrayMembers: Set<String> = [
        "T", "all", "any", "argmax", "argmin", "argpartition", "argsort", "astype", "base", "byteswap", "choose", "clip",
        "compress", "conj", "conjugate", "copy", "ctypes", "cumprod", "cumsum", "data", "device", "diagonal", "dot", "dtype",
        "dump", "dumps", "fill", "flags", "flat", "flatten", "getfield", "imag", "item", "itemsize", "mT", "max", "mean",
        "min", "nbytes", "ndim", "nonzero", "partition", "prod", "put", "ravel", "real", "repeat", "reshape", "resize",
        "round", "searchsorted", "setfield", "setflags", "shape", "size", "sort", "squeeze", "std", "strides", "sum",
        "swapaxes", "take", "to_device", "tobytes", "tofile", "tolist", "trace", "transpose", "var", "view",
    ]

    /// What to write instead of a PyTorch method on a numpy array.
    static let ndarrayHint = "; this is a numpy array, as in Python: use numpy's methods (a.astype(np.float32), np.exp(a), …) "
        + "or make it a tensor first with torch.from_numpy(a) (e.g. torch.from_numpy(a).float())"

    /// Throws numpy's error when this tensor is a numpy array and `name` is not numpy's, or is
    /// numpy's with a meaning rnnbook does not give it; `called` when it is being called.
    func checkNumpyMember(_ name: String, _ arguments: Arguments? = nil) throws {
        // Python's own (`__class__`) are the interpreter's, for arrays as for every value.
        guard isNumpyArray, !(name.hasPrefix("__") && name.hasSuffix("__")) else { return }
        guard TensorObject.ndarrayMembers.contains(name) else {
            throw RuntimeError("'numpy.ndarray' object has no attribute '\(name)'" + TensorObject.ndarrayHint, id: "attribute-error")
        }
        switch name {
        case "size" where arguments != nil:
            // `a.size` is numpy's element count, an int.
            throw RuntimeError.type("'int' object is not callable; a numpy array's size is its element count, a.size, "
                                    + "and its shape a.shape")
        case "view":
            throw RuntimeError.type("numpy's a.view(dtype) reinterprets the array's bytes, which rnnbook does not do; "
                                    + "write a.reshape(…) for a new shape")
        case "flatten" where !(arguments.map { $0.positional.isEmpty && $0.keywords.isEmpty } ?? true):
            throw RuntimeError.type("numpy's a.flatten() takes only order='C' here; write np.reshape(a, …) or "
                                    + "torch.from_numpy(a).flatten(start_dim) for PyTorch's")
        case "data", "base", "ctypes", "flags", "flat", "strides", "itemsize", "nbytes", "imag", "real", "mT":
            throw RuntimeError("numpy's a.\(name) is not available in rnnbook", id: "attribute-error")
        default:
            return
        }
    }
}
