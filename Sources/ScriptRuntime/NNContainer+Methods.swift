/// The list and dict methods of the containers, and their constructors.
extension NNContainer {
    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        func bind(_ parameters: [String]) throws -> BoundArguments {
            try Signature(name, parameters).bind(arguments)
        }
        switch (kind, name) {
        case (.sequential, "append"), (.moduleList, "append"):
            let module = try TorchModules.requireModule(try bind(["module"]).value("module"))
            entries.append((String(entries.count), module))
            return .native(self)
        case (.sequential, "extend"), (.moduleList, "extend"):
            for value in try interpreter.collect(try bind(["modules"]).value("modules")) {
                entries.append((String(entries.count), try TorchModules.requireModule(value)))
            }
            return .native(self)
        case (.moduleList, "insert"):
            let args = try bind(["index", "module"])
            let module = try TorchModules.requireModule(args.value("module"))
            var index = try args.int("index", 0)
            if index < 0 { index += entries.count }
            index = Swift.min(Swift.max(index, 0), entries.count)
            let modules = Array(entries.map(\.module).prefix(index)) + [module] + entries.map(\.module).dropFirst(index)
            entries = Self.numbered(modules)
            return Value.none
        case (_, "add_module"), (_, "register_module"):
            let args = try bind(["name", "module"])
            set(try args.string("name", ""), try TorchModules.requireModule(args.value("module")))
            return Value.none
        case (.moduleDict, "keys"):
            _ = try bind([])
            return .list(ListObject(entries.map { .str($0.name) }))
        case (.moduleDict, "values"):
            _ = try bind([])
            return .list(ListObject(entries.map { .native($0.module) }))
        case (.moduleDict, "items"):
            _ = try bind([])
            return .list(ListObject(entries.map { .tuple([.str($0.name), .native($0.module)]) }))
        case (.moduleDict, "update"):
            for (key, module) in try Self.namedModules(try bind(["modules"]).value("modules"), interpreter) { set(key, module) }
            return Value.none
        case (.moduleDict, "pop"):
            let key = try bind(["key"]).string("key", "")
            guard let index = entries.firstIndex(where: { $0.name == key }) else { throw RuntimeError.keyError(.str(key)) }
            return .native(entries.remove(at: index).module)
        default:
            return try moduleMethod(name, arguments, interpreter)
        }
    }

    /// The (name, module) pairs of a dict or of an iterable of pairs.
    static func namedModules(_ value: Value, _ interpreter: Interpreter) throws -> [(name: String, module: any TorchModule)] {
        let pairs: [(Value, Value)]
        if case .dict(let dict) = value {
            pairs = Array(zip(dict.keys, dict.values))
        } else {
            pairs = try interpreter.collect(value).map { item in
                let pair = try interpreter.collect(item)
                guard pair.count == 2 else { throw RuntimeError.value("expected (name, module) pairs, got \(item.repr())") }
                return (pair[0], pair[1])
            }
        }
        return try pairs.map { key, module in
            guard case .str(let name) = key else { throw RuntimeError.type("module name should be a string, not \(key.typeName)") }
            return (name, try TorchModules.requireModule(module))
        }
    }

    /// `nn.Sequential(*modules)` or `nn.Sequential(OrderedDict)`, `nn.ModuleList(modules=None)`,
    /// `nn.ModuleDict(modules=None)`.
    static func install(_ registry: inout Registry) {
        registry.rawFunction("Sequential") { arguments, interpreter in
            guard arguments.keywords.isEmpty else {
                throw RuntimeError.type("Sequential() got an unexpected keyword argument '\(arguments.keywords[0].name)'")
            }
            if arguments.positional.count == 1, case .dict = arguments.positional[0] {
                return .native(NNContainer(.sequential, try namedModules(arguments.positional[0], interpreter)))
            }
            let modules = try arguments.positional.map { try TorchModules.requireModule($0) }
            return .native(NNContainer(.sequential, numbered(modules)))
        }
        registry.function("ModuleList", Signature("ModuleList", ["modules"], required: 0)) { args, interpreter in
            let given = args.value("modules")
            let modules = given.isNone ? [] : try interpreter.collect(given).map { try TorchModules.requireModule($0) }
            return .native(NNContainer(.moduleList, numbered(modules)))
        }
        registry.function("ModuleDict", Signature("ModuleDict", ["modules"], required: 0)) { args, interpreter in
            let given = args.value("modules")
            return .native(NNContainer(.moduleDict, given.isNone ? [] : try namedModules(given, interpreter)))
        }
    }
}
