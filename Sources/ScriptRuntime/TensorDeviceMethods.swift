import Tensor

/// The device and dtype methods of tensors: `x.to(device_or_dtype)` and the refused
/// `x.cuda()` and `x.double()` (`x.cpu()`, which returns `x`, is with the shape methods).
///
/// Every tensor is on the CPU, so `x.to('cpu')` returns `x` itself (PyTorch returns `self`
/// when nothing changes); `x.to(dtype)` converts as `x.float()`/`x.long()`
/// do. The engine has no float64: `x.double()` and a float64 `.to` are refused with what to
/// write instead, rather than silently giving float32.
extension TensorObject {
    func deviceMethod(_ name: String, _ arguments: Arguments) throws -> Value {
        switch name {
        case "cuda":
            throw DeviceObject.noGPU("cuda")
        case "double":
            throw Self.noFloat64("x.double()")
        default:
            return try to(arguments)
        }
    }

    /// `x.to(device=None, dtype=None, non_blocking=False, copy=False)`, `x.to(dtype)`,
    /// `x.to(other)` (other's dtype; every tensor is on the CPU).
    private func to(_ arguments: Arguments) throws -> Value {
        let a = try bind("to", arguments, ["device", "dtype", "non_blocking", "copy"])
        var dtype = try TensorValues.dtype(a["dtype"], "to() argument 'dtype'")
        if let first = a["device"], !first.isNone {
            if let other = first.tensorObject {
                dtype = try Self.single(dtype, other.tensor.dtype)
            } else if let given = try Self.dtypeArgument(first) {
                dtype = try Self.single(dtype, given)
            } else {
                _ = try DeviceObject.parse(first, "to() argument 'device'")
            }
        }
        _ = try a.bool("non_blocking", false)
        let copy = try a.bool("copy", false)
        let context = self.context
        if let dtype, dtype != tensor.dtype {
            return try context.perform { wrap(try TensorBuiltins.convert(tensor, dtype)) }
        }
        return copy ? try context.perform { wrap(try tensor.clone()) } : .native(self)
    }

    /// The dtype a first positional argument names, nil when it is not a dtype.
    private static func dtypeArgument(_ value: Value) throws -> DType? {
        switch value {
        case .native(let object as DTypeObject): return object.dtype
        case .native(let object as UnsupportedTorchDType): throw object.refusal("to()")
        case .builtin(let function) where DTypeObject.named[function.name] != nil:
            return try TensorValues.dtype(value, "to() argument 'dtype'")
        default: return nil
        }
    }

    /// The dtype, given once only.
    private static func single(_ keyword: DType?, _ positional: DType) throws -> DType {
        if keyword != nil { throw RuntimeError.type("to() received an invalid combination of arguments: dtype given twice") }
        return positional
    }

    /// The error for a float64 request.
    static func noFloat64(_ what: String) -> RuntimeError {
        RuntimeError("\(what): float64 tensors are not supported, the engine computes in float32; "
                     + "keep float32 (remove the call, or write x.float())", id: "type-error")
    }
}
