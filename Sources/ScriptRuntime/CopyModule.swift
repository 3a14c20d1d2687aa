/// Python's `copy`: `copy.copy` (a new container holding the same items) and
/// `copy.deepcopy` (through the session snapshot's copier: every list, dict, tensor, model
/// and optimizer inside is copied, and values shared inside stay shared in the copy).
enum CopyModule {
    static func build(_ copy: Namespace) {
        copy.function("copy", Signature("copy", ["x"])) { args, _ in
            try shallow(args.value("x"))
        }
        copy.function("deepcopy", Signature("deepcopy", ["x", "memo"], required: 1)) { args, _ in
            if let memo = args["memo"], !memo.isNone {
                throw RuntimeError.type("copy.deepcopy(memo=...) is not supported; call copy.deepcopy(x)")
            }
            do {
                return try SnapshotCopier().copy(args.value("x"))
            } catch let error as SnapshotError {
                throw RuntimeError.type("copy.deepcopy(): \(error.message)")
            }
        }
    }

    /// `copy.copy(x)`: lists, dicts and sets are new containers of the same items; immutable
    /// values are returned as they are; other objects are refused with what to use instead.
    static func shallow(_ value: Value) throws -> Value {
        switch value {
        case .list(let list): return .list(ListObject(list.items))
        case .dict(let dict): return .dict(dict.shallowCopy())
        case .native(let set as SetObject): return .native(set.frozen ? set : set.copy())
        case .none, .bool, .int, .float, .str, .tuple, .function, .builtin: return value
        case .native(let object):
            if object is NamedTupleObject || object is NamedTupleType || SessionSnapshot.isImmutable(object) { return value }
            throw RuntimeError.type("copy.copy() of a '\(object.typeName)' is not supported; use copy.deepcopy(x)"
                                        + (object is TensorObject ? " or x.clone()" : ""))
        }
    }
}
