/// PyTorch's and numpy's classes for the engine's objects (`EngineType`): the constructors
/// of `torch.nn`, `torch.optim` and `torch.utils.data` become classes with PyTorch's module
/// paths, `torch.Tensor`, `np.ndarray`, `torch.dtype` and `torch.device` are added, and
/// `type(x)` of an engine object gives its class (checked against PyTorch 2.15, numpy 2.4).
enum EngineTypes {
    /// The `__module__` of each class, by the namespace that holds it and its name.
    static let classes: [(namespace: String, module: String, names: [String])] = [
        ("torch.nn", "torch.nn.modules.linear", ["Linear", "Identity"]),
        ("torch.nn", "torch.nn.modules.rnn", ["RNN", "GRU", "LSTM", "RNNCell", "GRUCell", "LSTMCell"]),
        ("torch.nn", "torch.nn.modules.activation", ["ReLU", "Tanh", "Sigmoid", "Softmax", "LogSoftmax"]),
        ("torch.nn", "torch.nn.modules.container", ["Sequential", "ModuleList", "ModuleDict"]),
        ("torch.nn", "torch.nn.modules.flatten", ["Flatten"]),
        ("torch.nn", "torch.nn.modules.dropout", ["Dropout"]),
        ("torch.nn", "torch.nn.modules.sparse", ["Embedding"]),
        ("torch.nn", "torch.nn.modules.loss", LossKind.allCases.map(\.rawValue)),
        ("torch.optim", "torch.optim.sgd", ["SGD"]),
        ("torch.optim", "torch.optim.adam", ["Adam"]),
        ("torch.optim", "torch.optim.adamw", ["AdamW"]),
        ("torch.optim.lr_scheduler", "torch.optim.lr_scheduler", ["StepLR", "CosineAnnealingLR"]),
        ("torch.utils.data", "torch.utils.data.dataloader", ["DataLoader"]),
        ("torch.utils.data", "torch.utils.data.dataset", ["TensorDataset"]),
        ("torch", "torch", ["device"]),
    ]

    /// The classes made for one session's modules, by the type name of their instances.
    struct Table {
        fileprivate var byTypeName: [String: EngineType] = [:]
        fileprivate var tensor: EngineType?
        fileprivate var ndarray: EngineType?
        fileprivate var parameter: EngineType?

        /// The class of an engine object (nil for anything else: Python values, user
        /// instances, engine objects without a PyTorch class).
        func type(of value: Value) -> EngineType? {
            guard case .native(let object) = value else { return nil }
            if let t = object as? TensorObject { return t.isParameter ? parameter : t.isNumpyArray ? ndarray : tensor }
            if object is InstanceObject || object is ClassObject { return nil }
            return byTypeName[object.typeName]
        }
    }

    /// Replaces the constructors in `modules` by classes and adds the classes that have no
    /// constructor here; returns the table `type` looks classes up in.
    static func install(_ modules: inout [String: Namespace]) -> Table {
        var table = Table()
        for (namespace, module, names) in classes {
            guard let members = modules[namespace] else { continue }
            for name in names {
                guard let constructor = members.members[name], case .builtin = constructor else { continue }
                let type = EngineType(name, module: module, constructor: constructor, isModule: namespace == "torch.nn") { value in
                    guard case .native(let object) = value, !(object is InstanceObject) else { return false }
                    return object.typeName == name
                }
                members.value(name, .native(type))
                table.byTypeName[name] = type
            }
        }
        table.tensor = EngineType("Tensor", module: "torch", constructor: nil,
                                  refusal: "torch.Tensor(...) is not supported; write torch.tensor(data) or torch.zeros(*shape)") {
            guard case .native(let t as TensorObject) = $0 else { return false }
            return !t.isNumpyArray
        }
        table.ndarray = EngineType("ndarray", module: "numpy", constructor: nil,
                                   refusal: "np.ndarray(shape) is not supported; write np.array(data) or np.zeros(shape)") {
            guard case .native(let t as TensorObject) = $0 else { return false }
            return t.isNumpyArray
        }
        let parameterConstructor = modules["torch.nn"]?.members["Parameter"]
        table.parameter = EngineType("Parameter", module: "torch.nn.parameter", constructor: parameterConstructor) {
            guard case .native(let t as TensorObject) = $0 else { return false }
            return t.isParameter
        }
        let dtype = EngineType("dtype", module: "torch", constructor: nil, refusal: "cannot create 'torch.dtype' instances") {
            guard case .native(let object) = $0 else { return false }
            return object is DTypeObject
        }
        table.byTypeName["dtype"] = dtype
        modules["torch"]?.value("Tensor", table.tensor.map { .native($0) } ?? .none)
        modules["torch"]?.value("dtype", .native(dtype))
        modules["numpy"]?.value("ndarray", table.ndarray.map { .native($0) } ?? .none)
        if parameterConstructor != nil { modules["torch.nn"]?.value("Parameter", table.parameter.map { .native($0) } ?? .none) }
        return table
    }
}
