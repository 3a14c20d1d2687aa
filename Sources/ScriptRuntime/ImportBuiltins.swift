import Diagnostics
import Tensor

/// `import` and `from … import`: the modules a PyTorch lab imports, made of rnnbook's
/// built-ins, so that ported code runs with its imports and `torch.`/`nn.`/`F.` prefixes
/// as written. The names stay built in without an import too.
///
/// The parser turns import statements into calls of `__import__(module[, name])` (see
/// `Parser.importStatement`); the modules are built here from the registry's globals when a
/// session starts, so a user's own `zeros = …` never changes what `torch.zeros` is.
enum ImportBuiltins {
    /// Each module: its members as (member name, built-in name).
    static let modules: [(module: String, members: [(String, String)])] = [
        ("torch", same([
            "tensor", "zeros", "ones", "full", "eye", "arange", "linspace", "randn", "rand", "randint", "randperm",
            "zeros_like", "ones_like", "full_like", "randn_like", "rand_like", "manual_seed", "cat", "stack", "where",
            "relu", "tanh", "sigmoid", "exp", "log", "sqrt", "softmax", "log_softmax", "matmul", "mean",
            "std", "clamp", "argmax", "allclose", "isclose", "no_grad", "float32", "int64", "long", "one_hot",
            "argmin", "var", "norm", "numel", "reshape", "flatten", "unsqueeze", "squeeze", "transpose", "permute",
            "logical_and", "logical_or", "logical_not", "sign", "floor", "neg", "clip", "maximum", "minimum",
            "pow", "randn_like",
        ]) + [("float", "float32"), ("int", "int64"), ("save", "torch.save"), ("load", "torch.load")]
            + TensorFunctions.pythonAndTorchNames.map { ($0, "torch.\($0)") }
            + (["bool"] + UnsupportedTorchDType.canonical.keys.sorted()).map { ($0, "torch.\($0)") }),
        ("torch.nn", same(["Linear", "RNN", "GRU", "LSTM", "LeakyRNN", "RNNNet"] + LossKind.allCases.map(\.rawValue))
            + same(["RNNCell", "GRUCell", "LSTMCell", "Parameter", "Sequential", "ModuleList", "ModuleDict", "ReLU", "Tanh",
                    "Sigmoid", "Softmax", "LogSoftmax", "Identity", "Flatten", "Dropout", "Embedding"])),
        ("torch.nn.functional", same(["relu", "tanh", "sigmoid", "softmax", "log_softmax", "cross_entropy", "one_hot"])
            + [("mse_loss", "mse")]),
        ("torch.nn.utils", [("clip_grad_norm_", "clip_grad_norm_"), ("clip_grad_norm", "clip_grad_norm"),
                            ("clip_grad_value_", "clip_grad_value_")]),
        ("torch.nn.init", NNInitBuiltins.names.map { ($0, NNInitBuiltins.global($0)) }),
        ("torch.optim", same(["SGD", "Adam", "AdamW"])),
        ("torch.optim.lr_scheduler", same(["StepLR", "CosineAnnealingLR"])),
        ("neurogym", same(["PerceptualDecisionMaking", "Dataset"])),
        ("matplotlib", []),
        ("sklearn", []),
        ("sklearn.decomposition", same(["PCA"])),
        ("sklearn.linear_model", same(["LinearRegression", "Ridge"])),
        ("sklearn.metrics", same(["r2_score"])),
        ("dataclasses", same(["dataclass", "field"])),
        ("motornet", []), ("motornet.muscle", same(["MujocoHillMuscle"])), ("motornet.skeleton", same(["TwoDofArm"])),
        ("motornet.effector", same(["RigidTendonArm26"])), ("ctd.task_modeling.task_env.task_env", same(["RandomTarget"])),
    ]

    static func same(_ names: [String]) -> [(String, String)] { names.map { ($0, $0) } }

    /// The modules an error names as available (the table's, less helper namespaces).
    static let provided = ["torch", "torch.nn", "torch.nn.functional", "torch.optim", "torch.utils.data", "matplotlib.pyplot", "neurogym"]

    /// The submodules reached as attributes of their parent (`torch.nn`, `nn.functional`).
    static let children = ["torch.nn", "torch.nn.functional", "torch.nn.utils", "torch.nn.init", "torch.optim", "torch.linalg", "torch.testing",
                           "torch.optim.lr_scheduler",
                           "matplotlib.pyplot", "matplotlib.patches", "matplotlib.cm", "matplotlib.ticker",
                                  "sklearn.decomposition", "sklearn.linear_model", "sklearn.metrics",
                           "motornet.muscle", "motornet.skeleton", "motornet.effector"]

    static func install(_ registry: inout Registry) {
        let builtins = Dictionary(registry.globals.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        var built: [String: Namespace] = [:]
        for (module, members) in modules {
            let namespace = Namespace(name: module)
            for (member, builtin) in members {
                if let value = builtins[builtin] { namespace.value(member, value) }
            }
            built[module] = namespace
        }
        if case .native(let plt as Namespace)? = builtins["plt"] {
            built["matplotlib.pyplot"] = plt
            let patches = Namespace(name: "matplotlib.patches")
            for name in ["Circle", "Rectangle", "Polygon"] { if let value = plt.members[name] { patches.value(name, value) } }
            built["matplotlib.patches"] = patches
            if case .native(let cm as Namespace)? = plt.members["cm"] { built["matplotlib.cm"] = cm }
            built["matplotlib.ticker"] = FuncFormatterObject.module()
        }
        // The class user code subclasses (the engine's classes are added by `EngineTypes`).
        built["torch.nn"]?.value("Module", .native(BuiltinClasses.module))
        // The engine's threads are OpenBLAS's (the fused kernels split their batch over
        // them); results are the same bytes for any count.
        built["torch"]?.function("set_num_threads", Signature("set_num_threads", ["int"])) { args, _ in
            let count = try args.int("int", 1)
            if count < 1 { throw RuntimeError.value("set_num_threads expects a positive integer") }
            BLAS.setThreadCount(count)
            return .none
        }
        built["torch"]?.function("get_num_threads", Signature("get_num_threads")) { _, _ in .int(BLAS.threadCount) }
        TensorMathFunctions.addTorchMembers(&built)
        built.merge(NumpyBuiltins.modules()) { own, _ in own }  // numpy, scipy.stats, sklearn.model_selection
        built["sklearn"]?.value("model_selection", built["sklearn.model_selection"].map { .native($0) } ?? .none)
        built["torch"]?.value("from_numpy", NumpyBuiltins.fromNumpy)
        built["neurogym"]?.function("make", Signature("make", ["id"], acceptsAnyKeyword: true)) { args, interpreter in
            try makeTask(args, interpreter, builtins)
        }
        TorchNamespaces.extend(&built)
        let types = EngineTypes.install(&built)
        if let python = registry.globals.last(where: { $0.name == "type" })?.value {
            // `type(layer)` is the class `nn.Linear` itself; anything else as before.
            registry.rawFunction("type") { arguments, interpreter in
                if arguments.positional.count == 1, arguments.keywords.isEmpty, let type = types.type(of: arguments.positional[0]) {
                    return .native(type)
                }
                return try interpreter.call(python, arguments)
            }
        }
        for child in children {
            guard let namespace = built[child], let dot = child.lastIndex(of: ".") else { continue }
            built[String(child[..<dot])]?.value(String(child[child.index(after: dot)...]), .native(namespace))
        }
        built.merge(StdlibModules.namespaces()) { first, _ in first }
        let table = built
        // A notebook is Python's `__main__`: no package, so no relative import.
        registry.value("__package__", .none)
        registry.rawFunction("__import__") { arguments, interpreter in
            try importValue(arguments, table, interpreter)
        }
    }

    /// `__import__(module)`, `__import__(module, name)`, `__import__(module, "*")` (checks
    /// only) and `__import__(module, "..")` (checks, then gives the top-level module).
    static func importValue(_ arguments: Arguments, _ table: [String: Namespace], _ interpreter: Interpreter) throws -> Value {
        guard let first = arguments.positional.first, case .str(var module) = first else {
            throw RuntimeError.type("__import__() expects a module name")
        }
        guard !module.isEmpty else { throw RuntimeError.value("Empty module name") }
        if module.hasPrefix(".") {
            module = try FileModuleImport.absolute(module, package: arguments.positional.count > 2 ? arguments.positional[2] : .none)
            guard let file = try interpreter.importFileModule(module) else {
                throw RuntimeError("no module named '\(module)'", id: "import-error")
            }
            return try FileModuleImport.value(file, Arguments(Array(arguments.positional.prefix(2))), interpreter)
        }
        if table[module] == nil, table[String(module.split(separator: ".")[0])] == nil,
            let file = try interpreter.importFileModule(module)
        {
            return try FileModuleImport.value(file, arguments, interpreter)
        }
        if table[module] != nil { FileModuleImport.warnIfShadowed(module, interpreter) }
        guard let namespace = table[module] else {
            throw RuntimeError(
                "no module named '\(module)'; rnnbook provides "
                    + "\(provided.joined(separator: ", ")), "
                    + "whose names are also built in, numpy, sklearn, and \(StdlibModules.all.map(\.name).joined(separator: ", ")); "
                    + "your own modules are .py files in the notebook's folder",
                id: "import-error")
        }
        guard arguments.positional.count > 1, case .str(let name) = arguments.positional[1] else {
            return .native(namespace)
        }
        switch name {
        case "*": return .none
        case "..": return .native(table[String(module.split(separator: ".")[0])] ?? namespace)
        default:
            if let value = namespace.members[name] { return value }
            if let submodule = table[module + "." + name] { return .native(submodule) }
            throw RuntimeError("cannot import name '\(name)' from '\(module)'\(Suggestion.didYouMean(name, in: namespace.attributeNames))",
                               id: "import-error")
        }
    }

    /// neurogym's `make("PerceptualDecisionMaking-v0", **kwargs)`.
    static func makeTask(_ args: BoundArguments, _ interpreter: Interpreter, _ builtins: [String: Value]) throws -> Value {
        let id = try args.string("id", "")
        let known = ["PerceptualDecisionMaking-v0": "PerceptualDecisionMaking"]
        guard let constructor = known[id].flatMap({ builtins[$0] }) else {
            throw RuntimeError.value("neurogym.make(): unknown task '\(id)'; known: \(known.keys.sorted().joined(separator: ", "))")
        }
        return try interpreter.call(constructor, Arguments([], keywords: args.extraKeywords))
    }
}
