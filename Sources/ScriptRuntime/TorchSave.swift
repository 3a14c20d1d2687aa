import Foundation
import Neural
import Tensor

/// `torch.save(obj, path)` and `torch.load(path)` for what checkpoints hold: a tensor, a
/// state dict, and dicts, lists and tuples of tensors, numbers, strings, bools and None.
///
/// On disk it is a safetensors file (readable by `safetensors.torch.load_file`): each
/// distinct tensor stored once as F32 under the names "0", "1", …, and the nested structure
/// as JSON in the header's `__metadata__["rnnbook.structure"]` (with each tensor's dtype and
/// `requires_grad`, which `torch.load` restores). A tensor reached twice comes back as one
/// tensor, as with PyTorch. Loading a plain safetensors file (from `net.save` or PyTorch)
/// gives a dict of its tensors by name. Which files may be used is the session's
/// `FileAccessPolicy`.
enum TorchSave {
    /// The metadata key of the structure.
    static let structureKey = "rnnbook.structure"

    static func install(_ registry: inout Registry) {
        // `open` reads text files only: notebooks write through these instead.
        OpenBuiltin.install(&registry)
        registry.function("torch.save", Signature("save", ["obj", "f"])) { args, interpreter in
            let buffer = BytesIOObject.from(args.value("f"))
            let name = buffer == nil ? try args.string("f", "") : ""
            var encoder = Encoder()
            let structure = try encoder.encode(args.value("obj"))
            let json = try JSONSerialization.data(withJSONObject: structure, options: [.sortedKeys])
            let metadata = [structureKey: String(decoding: json, as: UTF8.self)]
            if let buffer {
                // An in-memory file: no file is touched, so no file policy applies.
                try buffer.write(try EngineErrors.converting { try SafeTensors.encode(encoder.tensors, metadata: metadata) })
            } else {
                let path = try interpreter.permittedFile(name, "torch.save()")
                try EngineErrors.converting { try SafeTensors.write(encoder.tensors, metadata: metadata, to: path) }
            }
            return Value.none
        }
        registry.function("torch.load", Signature("load", ["f", "map_location"], required: 1, keywordOnly: ["weights_only"])) { args, interpreter in
            let buffer = BytesIOObject.from(args.value("f"))
            let given = buffer == nil ? try args.string("f", "") : "the buffer"
            if let location = args["map_location"], !location.isNone {
                try TorchModules.checkDevice("to", Arguments([location]))
            }
            // weights_only (PyTorch 2.6's default True) changes nothing here: files hold only data.
            _ = try args.bool("weights_only", true)
            let path = buffer == nil ? try interpreter.permittedFile(given, "torch.load()") : given
            let context = interpreter.tensors
            let (entries, metadata) = try EngineErrors.converting {
                if let buffer { return try SafeTensors.decode(try buffer.readToEnd(), name: path) }
                return try SafeTensors.readWithMetadata(from: path)
            }
            var tensors: [String: Tensor] = [:]
            for (name, entry) in entries {
                tensors[name] = try context.perform { try Tensor(entry.values, shape: entry.shape) }
            }
            guard let text = metadata[structureKey] else {
                let dict = DictObject()
                for (name, tensor) in tensors.sorted(by: { $0.key < $1.key }) { dict.set(.str(name), .str(name), context.wrap(tensor)) }
                return .dict(dict)
            }
            guard let structure = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
                throw RuntimeError.value("torch.load(): \(given) has a damaged structure record")
            }
            var decoder = Decoder(tensors: tensors, context: context, path: given)
            return try decoder.decode(structure)
        }
    }

    /// Turns a value into the JSON structure, collecting its tensors.
    struct Encoder {
        var tensors: [(name: String, tensor: Tensor)] = []
        private var names: [ObjectIdentifier: String] = [:]
        private var depth = 0

        mutating func encode(_ value: Value) throws -> Any {
            depth += 1
            defer { depth -= 1 }
            guard depth < 200 else { throw RuntimeError.value("torch.save(): the object is nested too deeply (or contains itself)") }
            switch value {
            case .none: return ["none": true]
            case .bool(let b): return ["bool": b]
            case .int(let i): return ["int": i]
            case .float(let d): return d.isFinite ? ["float": d] : ["float": d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf")]
            case .str(let s): return ["str": s]
            case .list(let list): return ["list": try list.items.map { try encode($0) }]
            case .tuple(let items): return ["tuple": try items.map { try encode($0) }]
            case .dict(let dict):
                let pairs = try zip(dict.keys, dict.values).map { [try encode($0), try encode($1)] }
                switch dict.flavor {
                case .plain: return ["dict": pairs]
                case .ordered: return ["dict": pairs, "ordered": true]
                default:
                    throw RuntimeError.type("torch.save() can save a dict or an OrderedDict, not a \(dict.flavor.typeName); "
                                            + "convert it with dict(...)")
                }
            case .native(let object as TensorObject):
                let tensor = object.tensor
                let key = ObjectIdentifier(tensor)
                let name = names[key] ?? String(tensors.count)
                if names[key] == nil {
                    names[key] = name
                    tensors.append((name, tensor))
                }
                return ["tensor": name, "dtype": tensor.dtype.description, "requires_grad": tensor.requiresGrad]
            case .native(let size as TorchSizeObject): return ["size": size.sizes]
            case .native(let object) where object is any TorchModule:
                throw RuntimeError.type("torch.save() of a whole module is not supported here; save its weights: "
                                        + "torch.save(model.state_dict(), path), and later model.load_state_dict(torch.load(path))")
            default:
                throw RuntimeError.type("torch.save() can save tensors, numbers, strings, None, and lists, tuples and dicts "
                                        + "of them (and torch.Size), not \(value.typeName)")
            }
        }
    }

    /// Rebuilds a value from the JSON structure and the file's tensors.
    struct Decoder {
        let tensors: [String: Tensor]
        let context: TensorContext
        let path: String
        private var made: [String: Value] = [:]
        private var depth = 0

        init(tensors: [String: Tensor], context: TensorContext, path: String) {
            self.tensors = tensors
            self.context = context
            self.path = path
        }

        mutating func decode(_ node: Any) throws -> Value {
            depth += 1
            defer { depth -= 1 }
            guard depth < 200, let object = node as? [String: Any] else { throw damaged() }
            if object["none"] != nil { return .none }
            if let b = object["bool"] as? Bool { return .bool(b) }
            if let i = object["int"] as? Int { return .int(i) }
            if let d = object["float"] as? Double { return .float(d) }
            if let d = object["float"] as? String { return .float(d == "nan" ? .nan : (d == "inf" ? .infinity : -.infinity)) }
            if let s = object["str"] as? String { return .str(s) }
            if let items = object["list"] as? [Any] { return .list(ListObject(try items.map { try decode($0) })) }
            if let items = object["tuple"] as? [Any] { return .tuple(try items.map { try decode($0) }) }
            if let sizes = object["size"] as? [Int] { return .native(TorchSizeObject(sizes)) }
            if let pairs = object["dict"] as? [[Any]] {
                let dict = DictObject()
                if object["ordered"] as? Bool == true { dict.flavor = .ordered }
                for pair in pairs {
                    guard pair.count == 2 else { throw damaged() }
                    let key = try decode(pair[0])
                    dict.set(key, try HashKey(key), try decode(pair[1]))
                }
                return .dict(dict)
            }
            if let name = object["tensor"] as? String { return try tensor(name, object) }
            throw damaged()
        }

        /// The tensor stored as `name`, with its dtype and requires_grad; one object per name.
        private mutating func tensor(_ name: String, _ object: [String: Any]) throws -> Value {
            if let done = made[name] { return done }
            guard let stored = tensors[name] else { throw damaged() }
            let dtype = DTypeObject.named[object["dtype"] as? String ?? "float32"] ?? .float32
            let requiresGrad = object["requires_grad"] as? Bool ?? false
            let tensor = try context.perform {
                let typed = dtype == .float32 ? stored : try Tensor(stored.scalars, shape: stored.shape, dtype: dtype)
                return requiresGrad ? try typed.requiresGrad_() : typed
            }
            let value = context.wrap(tensor)
            made[name] = value
            return value
        }

        private func damaged() -> RuntimeError {
            RuntimeError.value("torch.load(): \(path) has a damaged structure record")
        }
    }
}
