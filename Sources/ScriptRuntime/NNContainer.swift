import Tensor

/// PyTorch's `nn.Sequential`, `nn.ModuleList` and `nn.ModuleDict`: modules held in order
/// under names (`"0"`, `"1"`, … or the dict's keys), registered as children so their
/// parameters are the container's, with PyTorch's names (`layers.0.weight`).
final class NNContainer: BuiltinModule {
    /// Which container this is.
    enum Kind: String {
        case sequential = "Sequential"
        case moduleList = "ModuleList"
        case moduleDict = "ModuleDict"
    }

    let kind: Kind
    var entries: [(name: String, module: any TorchModule)]
    var training = true
    var forwardHooks: [Value] = []

    init(_ kind: Kind, _ entries: [(name: String, module: any TorchModule)]) {
        self.kind = kind
        self.entries = entries
    }

    var typeName: String { kind.rawValue }
    func ownParameters() -> [(name: String, tensor: Tensor)] { [] }
    func ownChildren() -> [(name: String, module: any TorchModule)] { entries }
    func extraRepr() -> String { "" }

    var attributeNames: [String] {
        entries.map(\.name) + Self.moduleMethodNames + ["training"]
            + (kind == .moduleDict ? ["keys", "values", "items", "update", "pop"] : ["append", "extend", "insert"])
    }

    /// PyTorch's repr; a ModuleList groups runs of equal children: `(0-2): 3 x Linear(…)`.
    func repr() -> String {
        guard kind == .moduleList else { return moduleRepr() }
        guard !entries.isEmpty else { return "ModuleList()" }
        var groups: [(start: Int, end: Int, text: String)] = []
        for (i, entry) in entries.enumerated() {
            let text = entry.module.repr()
            if let last = groups.last, last.text == text {
                groups[groups.count - 1].end = i
            } else {
                groups.append((i, i, text))
            }
        }
        let lines = groups.map { group in
            TorchModules.indent(group.start == group.end ? "(\(group.start)): \(group.text)"
                                : "(\(group.start)-\(group.end)): \(group.end - group.start + 1) x \(group.text)")
        }
        return moduleRepr(childLines: lines)
    }

    /// `Sequential`: each module on the previous one's output. The others have no forward.
    func forward(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard kind == .sequential else {
            throw RuntimeError("Module [\(typeName)] is missing the required \"forward\" function", id: "not-implemented")
        }
        var value = try Signature("Sequential.forward", ["input"]).bind(arguments).value("input")
        for (_, module) in entries { value = try interpreter.call(.native(module), Arguments([value])) }
        return value
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if name == "training" { return .bool(training) }
        return entries.first { $0.name == name }.map { .native($0.module) }
    }

    func length() throws -> Int? { entries.count }

    func makeIterator() throws -> (() throws -> Value?)? {
        let items: [Value] = kind == .moduleDict ? entries.map { .str($0.name) } : entries.map { .native($0.module) }
        var iterator = items.makeIterator()
        return { iterator.next() }
    }

    func contains(_ other: Value) throws -> Bool? {
        guard kind == .moduleDict else { return nil }
        guard case .str(let key) = other else { return false }
        return entries.contains { $0.name == key }
    }

    func getItem(_ index: Value) throws -> Value? {
        if kind == .moduleDict {
            guard case .str(let key) = index, let entry = entries.first(where: { $0.name == key }) else {
                throw RuntimeError.keyError(index)
            }
            return .native(entry.module)
        }
        if case .native(let slice as SliceObject) = index {
            let picked = try slice.positions(count: entries.count).map { entries[$0] }
            // A Sequential's slice keeps the children's names; a ModuleList's is renumbered.
            return .native(NNContainer(kind, kind == .sequential ? picked : Self.numbered(picked.map(\.module))))
        }
        return .native(entries[try position(index)].module)
    }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        let module = try TorchModules.requireModule(value)
        if kind == .moduleDict {
            guard case .str(let key) = index else { throw RuntimeError.type("module name should be a string, not \(index.typeName)") }
            set(key, module)
        } else {
            entries[try position(index)].module = module
        }
        return true
    }

    /// The entry for an int index (negative from the end), or PyTorch's IndexError.
    func position(_ index: Value) throws -> Int {
        let i = try index.asInt("\(typeName) index")
        guard i >= -entries.count, i < entries.count else { throw RuntimeError.index("index \(i) is out of range") }
        return i < 0 ? i + entries.count : i
    }

    /// Sets the module under `key`, in place when the key is there, else at the end.
    func set(_ key: String, _ module: any TorchModule) {
        if let i = entries.firstIndex(where: { $0.name == key }) { entries[i].module = module } else { entries.append((key, module)) }
    }

    /// Modules named "0", "1", … in order.
    static func numbered(_ modules: [any TorchModule]) -> [(name: String, module: any TorchModule)] {
        modules.enumerated().map { (String($0.offset), $0.element) }
    }
}

extension NNContainer: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copied = NNContainer(kind, [])
        copied.training = training
        copied.forwardHooks = try forwardHooks.map(copier.copy)
        copied.entries = try entries.map { name, module in
            (name, try TorchModules.requireModule(try copier.copy(.native(module))))
        }
        return copied
    }
}
