/// Python's `isinstance` for the built-in and standard-library types, for the `isinstance`
/// built-in to use (user classes are handled where classes are).
enum BuiltinTypes {
    /// Whether `value` is an instance of `type`, given as Python code names it (`int`,
    /// `list`, `collections.defaultdict`, a namedtuple class), with Python's subclassing:
    /// a bool is an int, a `Counter` is a dict, a namedtuple instance is a tuple. Nil when
    /// `type` is none of these.
    static func isInstance(_ value: Value, of type: Value) -> Bool? {
        switch type {
        case .native(let namedTuple as NamedTupleType):
            if case .native(let instance as NamedTupleObject) = value { return instance.type === namedTuple }
            return false
        case .builtin(let constructor):
            return isInstance(value, ofTypeNamed: constructor.name)
        case .native(is TorchSizeType):
            if case .native(is TorchSizeObject) = value { return true }
            return false
        case .native(let type as EngineType):
            return type.hasInstance(value)
        case .native(let gradMode as GradModeType):
            if case .native(let context as GradModeContext) = value { return context.name == gradMode.name }
            return false
        default:
            return nil
        }
    }

    static func isInstance(_ value: Value, ofTypeNamed name: String) -> Bool? {
        switch (name, value) {
        case ("int", .int), ("int", .bool), ("bool", .bool), ("float", .float), ("str", .str), ("list", .list),
             ("tuple", .tuple), ("dict", .dict):
            return true
        case ("tuple", .native(is NamedTupleObject)), ("tuple", .native(is TorchSizeObject)),
             ("collections.deque", .native(is DequeObject)):
            return true
        case ("set", .native(let set as SetObject)): return !set.frozen
        case ("frozenset", .native(let set as SetObject)): return set.frozen
        case ("collections.defaultdict", .dict(let dict)): if case .defaultdict = dict.flavor { return true } else { return false }
        case ("collections.Counter", .dict(let dict)): return dict.flavor.isCounter
        case ("collections.OrderedDict", .dict(let dict)): if case .ordered = dict.flavor { return true } else { return false }
        case ("int", _), ("bool", _), ("float", _), ("str", _), ("list", _), ("tuple", _), ("dict", _), ("set", _),
             ("frozenset", _), ("collections.deque", _), ("collections.defaultdict", _), ("collections.Counter", _),
             ("collections.OrderedDict", _):
            return false
        default:
            return nil
        }
    }
}
