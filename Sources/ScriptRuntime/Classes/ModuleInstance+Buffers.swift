/// Buffers of a user `nn.Module`: tensors that belong to the module's state but are not
/// parameters (a mask, running statistics), as PyTorch's `register_buffer(name, tensor,
/// persistent=True)` (torch/nn/modules/module.py). A buffer is read and assigned as an
/// attribute (`self.mask`), is listed by `buffers()` / `named_buffers()` and not by
/// `parameters()`, is in `state_dict()` and loaded by `load_state_dict()` when persistent
/// and not None, and is copied with the module by `copy.deepcopy` and session snapshots.
extension ModuleInstance {
    /// `register_buffer(name, tensor, persistent=True)`, with PyTorch's checks and errors
    /// in PyTorch's order. Registering a name again replaces the buffer in its place.
    func registerBuffer(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        guard case .str(let name) = args.value("name") else {
            throw RuntimeError.type("buffer name should be a string. Got \(args.value("name").typeName)")
        }
        // PyTorch raises these as KeyError, whose message is the repr of its argument.
        if name.contains(".") { throw RuntimeError.keyError(Value.str("buffer name can't contain \".\"")) }
        if name.isEmpty { throw RuntimeError.keyError(Value.str("buffer name can't be empty string \"\"")) }
        let existing = bufferEntries.firstIndex { $0.name == name }
        if existing == nil, try hasAttribute(name, interpreter) {
            throw RuntimeError.keyError(Value.str("attribute '\(name)' already exists"))
        }
        let tensor = args.value("tensor")
        guard Self.isBufferValue(tensor) else {
            throw RuntimeError.type("cannot assign '\(Self.torchTypename(tensor))' object to buffer '\(name)' "
                                    + "(torch Tensor or None required)")
        }
        let persistent = try args["persistent"]?.truthy() ?? true
        if let existing {
            bufferEntries[existing].value = tensor
            bufferEntries[existing].persistent = persistent
        } else {
            bufferEntries.append((name, tensor, persistent))
        }
        return .none
    }

    /// `self.name = value` for a registered buffer: a tensor or None replaces it (keeping
    /// whether it is persistent); anything else is PyTorch's TypeError. False when `name`
    /// is no buffer.
    func replaceBuffer(_ name: String, _ value: Value) throws -> Bool {
        guard let index = bufferEntries.firstIndex(where: { $0.name == name }) else { return false }
        guard Self.isBufferValue(value) else {
            throw RuntimeError.type("cannot assign '\(Self.torchTypename(value))' as buffer '\(name)' (torch.Tensor or None expected)")
        }
        bufferEntries[index].value = value
        return true
    }

    /// Whether a value may be a buffer: a tensor (not a numpy array) or None.
    static func isBufferValue(_ value: Value) -> Bool {
        if value.isNone { return true }
        guard let tensor = value.tensorObject else { return false }
        return !tensor.isNumpyArray
    }

    /// The type name PyTorch's `torch.typename` gives in these messages.
    static func torchTypename(_ value: Value) -> String {
        value.tensorObject?.isNumpyArray == true ? "numpy.ndarray" : value.typeName
    }

    /// Python's `hasattr(self, name)`: whether reading the attribute succeeds.
    private func hasAttribute(_ name: String, _ interpreter: Interpreter) throws -> Bool {
        do {
            _ = try interpreter.attribute(.native(self), name)
            return true
        } catch let error as RuntimeError where PythonExceptions.matches(error, "AttributeError", interpreter) {
            return false
        }
    }
}
