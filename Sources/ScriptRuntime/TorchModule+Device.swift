extension TorchModules {
    /// `to(device or dtype)`, `cpu()`, `float()`: accepted, as nothing moves (every tensor is
    /// float32 on the CPU); `cuda()`, a GPU device or another dtype are refused.
    static func checkDevice(_ method: String, _ arguments: Arguments) throws {
        switch method {
        case "cuda": throw DeviceObject.noGPU("cuda")
        case "double", "half", "bfloat16":
            throw RuntimeError.type("\(method)(): modules hold float32 parameters here; leave out .\(method)()")
        case "cpu", "float":
            _ = try Signature(method, []).bind(arguments)
            return
        default: break
        }
        let args = try Signature("to", ["device", "dtype", "non_blocking"], required: 0, keywordOnly: ["copy", "memory_format"]).bind(arguments)
        for key in ["device", "dtype"] {
            guard let value = args[key], !value.isNone else { continue }
            if key == "dtype" || value.asDTypeObject != nil || value.isUnsupportedTorchDType || DTypeObject.named[value.builtinName ?? ""] != nil {
                if let dtype = try TensorValues.dtype(value, "to() argument 'dtype'"), dtype != .float32 {
                    throw RuntimeError.type("to(): modules hold float32 parameters here; converting them to \(dtype) is not supported")
                }
                continue
            }
            _ = try DeviceObject.parse(value, "to() argument 'device'")
        }
    }
}

extension Value {
    /// The name of the built-in function this value is, if it is one (`float`, `int`).
    fileprivate var builtinName: String? {
        if case .builtin(let function) = self { return function.name }
        return nil
    }
}
