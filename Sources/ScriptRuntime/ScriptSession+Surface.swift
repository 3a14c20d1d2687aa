import Diagnostics

/// The names a notebook can reach, for tools that exercise the whole language surface
/// (the fuzzer calls each with random arguments).
extension ScriptSession {
    /// Every built-in global; each built-in module's members as `module.member` (two
    /// levels deep: `torch.nn.Linear`); and each tensor attribute or method as `.name`.
    public static func callableSurface() -> [String] {
        var names: [String] = []
        func add(_ value: Value, _ path: String, depth: Int) {
            names.append(path)
            guard depth < 2, case .native(let module as Namespace) = value else { return }
            for member in module.attributeNames where !member.hasPrefix("_") {
                if let inner = module.members[member] { add(inner, path + "." + member, depth: depth + 1) }
            }
        }
        let session = ScriptSession(seed: 0)
        for (name, value) in Registry.standard().globals where !name.hasPrefix("_") { add(value, name, depth: 0) }
        let file = SourceFile(name: "surface", text: "")
        for module in ["torch", "numpy", "matplotlib.pyplot", "neurogym", "scipy.stats", "math", "random"]
            + ImportBuiltins.modules.map(\.module) {
            _ = session.run("import \(module) as surface_module", origin: BlockOrigin(file: file, line: 1))
            if let value = session.interpreter.globals["surface_module"]?.value { add(value, module, depth: 0) }
            session.interpreter.globals["surface_module"]?.value = nil
        }
        names += (TensorObject.attributeList + TensorObject.methodNames).map { "." + $0 }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
