extension TorchModules {
    /// `to(device or dtype)`, `cpu()`, `float()`: accepted, as nothing moves (every tensor is
    /// float32 on the CPU); `cuda()`, a GPU device or another dtype are refused.
    static func checkDevice(_ method: String, _ arguments: Arguments) throws {
        let noGPU = "there is no GPU here: models and tensors live on the CPU; leave out .cuda() and .to(device), or use 'cpu'"
        switch method {
        case "cuda": throw RuntimeError("\(method)(): \(noGPU)", id: "runtime-error")
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
            if let dtype = try? TensorValues.dtype(value, "to()") {
                guard dtype == .float32 else {
                    throw RuntimeError.type("to(): modules hold float32 parameters here; converting them to \(dtype) is not supported")
                }
                continue
            }
            let device: String
            switch value {
            case .str(let text): device = text
            case .native(let object) where object.typeName == "device": device = object.str()
            default: throw RuntimeError.type("to() expects a device or a dtype, not \(value.typeName)")
            }
            let kind = device.split(separator: ":").first.map(String.init) ?? device
            guard kind == "cpu" else {
                if ["cuda", "mps", "xpu", "meta"].contains(kind) { throw RuntimeError("to('\(device)'): \(noGPU)", id: "runtime-error") }
                throw RuntimeError("Expected one of cpu, cuda, mps device type at start of device string: \(device)", id: "runtime-error")
            }
        }
    }
}
