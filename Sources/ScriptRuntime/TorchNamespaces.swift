/// The torch modules and members that exist only under their PyTorch names, not as global
/// built-ins: `torch.device`, `torch.cuda`, the grad-mode switches, `torch.distributions`,
/// `torch.utils.data` and `torch.nn.utils.rnn`. (Names such as `device`, `Normal` or
/// `DataLoader` are a student's variables too often to be built-in globals, which grading
/// would restore after a student's block.)
///
/// `ImportBuiltins.install` calls `extend` with the modules it built from the globals; the
/// new modules are reached by `import`/`from … import` and as attributes of their parents
/// (`torch.utils.data`), which `extend` links.
enum TorchNamespaces {
    /// The modules added here, each reached as an attribute of its parent.
    static let children = ["torch.cuda", "torch.distributions", "torch.utils", "torch.utils.data", "torch.nn.utils.rnn"]

    /// Adds the members to `torch` and the new modules to `built`.
    static func extend(_ built: inout [String: Namespace]) {
        for name in children where built[name] == nil { built[name] = Namespace(name: name) }
        for name in children {
            guard let namespace = built[name], let dot = name.lastIndex(of: ".") else { continue }
            built[String(name[..<dot])]?.value(String(name[name.index(after: dot)...]), .native(namespace))
        }
        guard let torch = built["torch"], let cuda = built["torch.cuda"], let data = built["torch.utils.data"],
              let distributions = built["torch.distributions"], let rnn = built["torch.nn.utils.rnn"] else { return }
        GradModeBuiltins.install(into: torch)
        torch.value("Size", .native(TorchSizeType.shared))
        SearchSorted.install(torch: torch)
        installDevice(torch: torch, cuda: cuda)
        DataBuiltins.install(into: data)
        DistributionBuiltins.install(into: distributions)
        SequencePacking.install(into: rnn)
    }

    /// `torch.device(type, index=None)` and `torch.cuda`'s answers for a machine without a GPU.
    static func installDevice(torch: Namespace, cuda: Namespace) {
        torch.function("device", Signature("device", ["type", "index"], required: 1)) { args, _ in
            let index: Int? = try args["index"].flatMap { $0.isNone ? nil : try $0.asInt("device() argument 'index'") }
            switch args.value("type") {
            case .int: throw DeviceObject.noGPU("cuda:\(try args.int("type", 0))")
            case .str(let text) where index != nil:
                guard !text.contains(":") else {
                    throw RuntimeError("type (string) must not include an index because index was passed explicitly: \(text)",
                                       id: "runtime-error")
                }
                guard let index, index >= 0 else { throw RuntimeError("Device index must not be negative", id: "runtime-error") }
                _ = try DeviceObject.parse(text)
                return .native(DeviceObject(index: index))
            case let other:
                return .native(try DeviceObject.parse(other, "device() argument 'type'"))
            }
        }
        cuda.function("is_available", Signature("is_available")) { _, _ in .bool(false) }
        cuda.function("device_count", Signature("device_count")) { _, _ in .int(0) }
        // Seeding a GPU that is not there does nothing, as in PyTorch on a CPU-only machine.
        for name in ["manual_seed", "manual_seed_all"] {
            cuda.function(name, Signature(name, ["seed"])) { args, _ in
                _ = try args.int("seed", 0)
                return .none
            }
        }
    }
}
