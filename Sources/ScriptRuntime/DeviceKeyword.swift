/// `device=` on PyTorch's tensor-making functions (`torch.zeros(3, device=device)`), as
/// ported code writes it: the CPU is accepted (in any of its spellings) and changes
/// nothing; a GPU is refused with the same message as `torch.device('cuda')`.
enum DeviceKeyword {
    /// The functions that take `device=` in PyTorch.
    static let functions = [
        "tensor", "zeros", "ones", "full", "eye", "arange", "linspace", "rand", "randn", "randint", "randperm",
        "zeros_like", "ones_like", "full_like", "rand_like", "randn_like",
    ]

    static func install(_ registry: inout Registry) {
        let current = Dictionary(registry.globals.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        for name in functions {
            guard case .builtin(let original)? = current[name] else { continue }
            registry.value(name, .builtin(BuiltinFunction(name: name) { arguments, interpreter in
                try original.body(try strip(arguments, name), interpreter)
            }))
        }
    }

    /// The arguments without a `device=` keyword, which must name the CPU.
    static func strip(_ arguments: Arguments, _ name: String) throws -> Arguments {
        guard let index = arguments.keywords.firstIndex(where: { $0.name == "device" }) else { return arguments }
        let device = arguments.keywords[index].value
        if !device.isNone { _ = try DeviceObject.parse(device, "\(name)() argument 'device'") }
        var stripped = arguments
        stripped.keywords.remove(at: index)
        return stripped
    }
}
