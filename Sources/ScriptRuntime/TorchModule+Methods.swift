import Tensor

/// A built-in module whose forward pass is native code (a layer, a container, an
/// activation); `module(x)` runs it through `callWithHooks`.
protocol NativeForward: TorchModule {
    /// The forward pass on the call's arguments, without hooks.
    func forward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value
}

extension NativeForward {
    /// `module(args)`: `forward`, then the forward hooks.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try callWithHooks(arguments, interpreter) { try forward($0, interpreter) }
    }
}

/// A built-in module whose only settable attribute is `training`, whose methods are the
/// shared ones (unless it adds its own) and whose repr is PyTorch's.
protocol BuiltinModule: NativeForward {}

extension BuiltinModule {
    func repr() -> String { moduleRepr() }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard name == "training" else { return false }
        training = try value.truthy()
        return true
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try moduleMethod(name, arguments, interpreter)
    }
}

/// The methods every `nn.Module` has, as PyTorch names and binds them.
extension TorchModule {
    /// The shared method names, for suggestions.
    static var moduleMethodNames: [String] {
        ["parameters", "named_parameters", "children", "named_children", "modules", "named_modules", "state_dict",
         "load_state_dict", "zero_grad", "train", "eval", "requires_grad_", "to", "cpu", "cuda", "float", "apply",
         "register_forward_hook", "forward", "extra_repr", "get_submodule", "get_parameter", "buffers", "named_buffers",
         "register_buffer"]
    }

    /// Runs `forward` on `arguments`, then each hook as `hook(module, args, output)`; a hook
    /// returning something other than None replaces the output (PyTorch's forward hooks).
    func callWithHooks(_ arguments: Arguments, _ interpreter: Interpreter,
                       forward: (Arguments) throws -> Value) throws -> Value {
        var output = try forward(arguments)
        for hook in forwardHooks {
            let result = try interpreter.call(hook, Arguments([.native(self), .tuple(arguments.positional), output]))
            if !result.isNone { output = result }
        }
        return output
    }

    /// Calls the shared `nn.Module` method `name`, or returns nil when it is not one.
    func moduleMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        func bind(_ parameters: [String] = [], required: Int = 0, keywordOnly: [String] = []) throws -> BoundArguments {
            try Signature(name, parameters, required: required, keywordOnly: keywordOnly).bind(arguments)
        }
        func modules(_ list: [(name: String, module: any TorchModule)], named: Bool) -> Value {
            TorchModules.generator(list.map { named ? .tuple([.str($0.name), .native($0.module)]) : .native($0.module) })
        }
        switch name {
        case "parameters":
            let args = try bind(["recurse"])
            let list = namedParameters(recurse: try args.bool("recurse", true))
            return TorchModules.generator(list.map { TorchModules.wrapParameter($0.tensor, context) })
        case "named_parameters":
            let args = try bind(["prefix", "recurse", "remove_duplicate"])
            let list = namedParameters(prefix: try args.string("prefix", ""), recurse: try args.bool("recurse", true),
                                       removeDuplicate: try args.bool("remove_duplicate", true))
            return TorchModules.generator(list.map { .tuple([.str($0.name), TorchModules.wrapParameter($0.tensor, context)]) })
        case "buffers":
            let list = namedBuffers(recurse: try bind(["recurse"]).bool("recurse", true))
            return TorchModules.generator(list.map { context.wrap($0.tensor) })
        case "named_buffers":
            let args = try bind(["prefix", "recurse", "remove_duplicate"])
            let list = namedBuffers(prefix: try args.string("prefix", ""), recurse: try args.bool("recurse", true),
                                    removeDuplicate: try args.bool("remove_duplicate", true))
            return TorchModules.generator(list.map { .tuple([.str($0.name), context.wrap($0.tensor)]) })
        case "register_buffer":
            guard let owner = self as? ModuleInstance else {
                throw RuntimeError.type("register_buffer() on a built-in \(typeName) is not supported here; "
                                        + "register buffers in your own nn.Module subclass")
            }
            return try owner.registerBuffer(try bind(["name", "tensor", "persistent"], required: 2), interpreter)
        case "children", "named_children":
            _ = try bind()
            return modules(ownChildren(), named: name == "named_children")
        case "modules":
            _ = try bind()
            return modules(namedModules(), named: false)
        case "named_modules":
            let args = try bind(["memo", "prefix", "remove_duplicate"])
            if let memo = args["memo"], !memo.isNone {
                throw RuntimeError.value("named_modules(): memo= is not supported here; leave it out")
            }
            return modules(namedModules(prefix: try args.string("prefix", ""), removeDuplicate: try args.bool("remove_duplicate", true)), named: true)
        case "state_dict":
            return try stateDictValue(try bind(keywordOnly: ["destination", "prefix", "keep_vars"]), context)
        case "load_state_dict":
            return try loadStateDictValue(try bind(["state_dict", "strict", "assign"], required: 1), context)
        case "zero_grad":
            let toNone = try bind(["set_to_none"]).bool("set_to_none", true)
            try context.withGrad(false) {
                try context.perform {
                    for p in parameterTensors() where p.grad != nil {
                        if toNone { p.grad = nil } else { _ = try p.grad?.detach().zero_() }
                    }
                }
            }
            return Value.none
        case "train", "eval":
            let mode = name == "eval" ? false : try bind(["mode"]).bool("mode", true)
            if name == "eval" { _ = try bind() }
            for (_, module) in namedModules() { module.training = mode }
            return .native(self)
        case "requires_grad_":
            let flag = try bind(["requires_grad"]).bool("requires_grad", true)
            try context.perform { for p in parameterTensors() { _ = try p.requiresGrad_(flag) } }
            return .native(self)
        case "to", "cpu", "cuda", "float", "double", "half", "bfloat16":
            try TorchModules.checkDevice(name, arguments)
            return .native(self)
        case "apply":
            let fn = try bind(["fn"], required: 1).value("fn")
            // PyTorch applies fn to the children (each recursively) first, then to the module.
            for module in postOrder() { _ = try interpreter.call(fn, Arguments([.native(module)])) }
            return .native(self)
        case "register_forward_hook":
            let hook = try bind(["hook"], required: 1).value("hook")
            forwardHooks.append(hook)
            return .native(ForwardHookHandle(module: self, hook: hook))
        case "forward":
            guard let native = self as? any NativeForward else {
                throw RuntimeError("Module [\(typeName)] is missing the required \"forward\" function", id: "not-implemented")
            }
            return try native.forward(arguments, interpreter)
        case "extra_repr":
            _ = try bind()
            return .str(extraRepr())
        case "get_submodule":
            return .native(try submodule(try bind(["target"], required: 1).string("target", "")))
        case "get_parameter":
            let target = try bind(["target"], required: 1).string("target", "")
            let (path, leaf) = target.lastIndex(of: ".").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) }
                ?? ("", target)
            let owner = try submodule(path)
            guard let parameter = owner.ownParameters().first(where: { $0.name == leaf }) else {
                throw RuntimeError("\(owner.typeName) has no parameter `\(leaf)`", id: "attribute-error")
            }
            return TorchModules.wrapParameter(parameter.tensor, context)
        default:
            return nil
        }
    }

    /// `state_dict(*, destination=None, prefix='', keep_vars=False)` as an OrderedDict, as
    /// PyTorch's; the tensors share the parameters' storage, detached unless `keep_vars`.
    private func stateDictValue(_ args: BoundArguments, _ context: TensorContext) throws -> Value {
        let keepVars = try args.bool("keep_vars", false)
        let dict: DictObject
        switch args.value("destination") {
        case .none:
            dict = DictObject()
            dict.flavor = .ordered
        case .dict(let given): dict = given
        case let other: throw RuntimeError.type("state_dict(): destination must be a dict, not \(other.typeName)")
        }
        // With keep_vars, parameters come as nn.Parameter and buffers as the tensors they are.
        let buffers = Set(namedBuffers(removeDuplicate: false).map { ObjectIdentifier($0.tensor) })
        for (name, tensor) in stateDict(prefix: try args.string("prefix", "")) {
            let value = !keepVars ? context.wrap(tensor.detach())
                : buffers.contains(ObjectIdentifier(tensor)) ? context.wrap(tensor) : TorchModules.wrapParameter(tensor, context)
            dict.set(.str(name), .str(name), value)
        }
        return .dict(dict)
    }

    /// `load_state_dict(state_dict, strict=True, assign=False)`.
    private func loadStateDictValue(_ args: BoundArguments, _ context: TensorContext) throws -> Value {
        if try args.bool("assign", false) {
            throw RuntimeError.value("load_state_dict(assign=True) is not supported; leave assign out to copy the values in place")
        }
        guard case .dict(let dict) = args.value("state_dict") else {
            throw RuntimeError.type("Expected state_dict to be dict-like, got \(args.value("state_dict").typeName).")
        }
        var entries: [(key: String, value: Value)] = []
        for (key, value) in zip(dict.keys, dict.values) {
            guard case .str(let name) = key else {
                throw RuntimeError.type("load_state_dict(): the keys of a state dict are str, not \(key.typeName)")
            }
            entries.append((name, value))
        }
        let (missing, unexpected) = try loadStateDict(entries, strict: try args.bool("strict", true), context)
        return .native(IncompatibleKeysObject(missing: missing, unexpected: unexpected))
    }

    /// Every module of the tree, children before their parent (the order of `apply`).
    func postOrder() -> [any TorchModule] {
        var seen = Set<ObjectIdentifier>()
        var order: [any TorchModule] = []
        var pending: [any TorchModule] = [self]
        while let module = pending.popLast() {
            guard seen.insert(ObjectIdentifier(module)).inserted else { continue }
            order.append(module)
            pending.append(contentsOf: module.ownChildren().map(\.module))
        }
        return order.reversed()
    }

    /// The submodule at a dotted path (`get_submodule("rnn")`); "" is the module itself.
    func submodule(_ target: String) throws -> any TorchModule {
        var module: any TorchModule = self
        guard !target.isEmpty else { return module }
        var path = typeName
        for part in target.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard let child = module.ownChildren().first(where: { $0.name == part })?.module else {
                throw RuntimeError("\(path) has no attribute `\(part)`", id: "attribute-error")
            }
            module = child
            path = part
        }
        return module
    }
}
