import ScriptSyntax

/// PyTorch's `torch.Size`, what `x.shape` and `x.size()` give: a subclass of tuple whose
/// items are ints (torch/csrc/Size.cpp). It prints as `torch.Size([2, 3])` (str and repr);
/// it indexes, unpacks, iterates, hashes and compares as the tuple of its items
/// (`x.shape == (2, 3)`, equal keys in a dict); a slice of it, `size + tuple` and
/// `size * n` are `torch.Size` again (Size.cpp wraps tuple's `sq_concat`, `sq_repeat` and
/// `mp_subscript`), while `tuple + size` is a plain tuple (tuple's own concatenation);
/// `numel()` is the product of the sizes. A numpy array's `shape` stays a plain tuple.
final class TorchSizeObject: NativeObject {
    /// The sizes, one per dimension.
    let sizes: [Int]

    init(_ sizes: [Int]) {
        self.sizes = sizes
    }

    /// The sizes as the tuple's items.
    var items: [Value] { sizes.map(Value.int) }

    var typeName: String { "torch.Size" }
    var attributeNames: [String] { ["numel", "count", "index"] }

    func repr() -> String {
        "torch.Size([" + sizes.map(String.init).joined(separator: ", ") + "])"
    }

    /// `torch.Size(items)`: each item an int or something with `__index__` (a one-element
    /// integer tensor), as `THPSize_pynew`; anything else is its TypeError.
    static func make(_ items: [Value]) throws -> TorchSizeObject {
        var sizes: [Int] = []
        for (position, item) in items.enumerated() {
            switch item {
            case .int(let i): sizes.append(i)
            case .bool(let b): sizes.append(b ? 1 : 0)
            case .native(let tensor as TensorObject) where tensor.tensor.dtype != .float32 && tensor.tensor.count == 1:
                sizes.append(try item.asInt("torch.Size() item"))
            default:
                throw RuntimeError.type("torch.Size() takes an iterable of 'int' (item \(position) is '\(item.typeName)')")
            }
        }
        return TorchSizeObject(sizes)
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "numel":
            _ = try Signature("numel").bind(arguments)
            var product = 1
            for size in sizes {
                let (next, overflow) = product.multipliedReportingOverflow(by: size)
                if overflow { throw RuntimeError.overflow("numel", hint: nil) }
                product = next
            }
            return .int(product)
        case "index", "count":
            return try BuiltinMethods.call(.tuple(items), name, arguments, interpreter)
        default:
            return nil
        }
    }

    func getItem(_ index: Value) throws -> Value? {
        if case .native(let slice as SliceObject) = index {
            return .native(TorchSizeObject(try slice.positions(count: sizes.count).map { sizes[$0] }))
        }
        var i = try index.asInt("tuple index")
        if i < 0 { i += sizes.count }
        guard i >= 0, i < sizes.count else { throw RuntimeError.index("tuple index out of range") }
        return .int(sizes[i])
    }

    func length() throws -> Int? { sizes.count }

    func contains(_ other: Value) throws -> Bool? { try Comparison.contains(.tuple(items), other) }

    func makeIterator() throws -> (() throws -> Value?)? {
        var position = 0
        return { [sizes] in
            guard position < sizes.count else { return nil }
            position += 1
            return .int(sizes[position - 1])
        }
    }

    /// Compares as a tuple with any tuple, namedtuple or `torch.Size`; `==` with anything
    /// else is False (a list included, as for a tuple).
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let others = other.tupleItems else {
            return op == .equal ? .bool(false) : op == .notEqual ? .bool(true) : nil
        }
        let (left, right) = reflected ? (Value.tuple(others), Value.tuple(items)) : (.tuple(items), .tuple(others))
        return try Comparison.compare(op, left, right)
    }

    /// `size + tuple` and `size * n` (or `n * size`) make a `torch.Size` of the result, whose
    /// items must be ints; `tuple + size` is the plain tuple.
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        switch op {
        case .add:
            guard let others = other.tupleItems else { return nil }
            if reflected { return .tuple(others + items) }
            try SizeLimit.check(sizes.count, plus: others.count, "the joined tuple")
            return .native(try TorchSizeObject.make(items + others))
        case .multiply:
            switch other {
            case .int, .bool: break
            default: return nil
            }
            guard case .tuple(let repeated) = try Arithmetic.binary(.multiply, .tuple(items), other) else { return nil }
            return .native(try TorchSizeObject.make(repeated))
        default:
            return nil
        }
    }
}

extension TorchSizeObject: ValueHashable {
    func hashKey() throws -> HashKey { try HashKey(.tuple(items)) }
    func pythonHash() throws -> Int { try PythonHash.hash(.tuple(items)) }
}

extension Value {
    /// The items of a value that is a tuple in Python: a tuple, a namedtuple instance or a
    /// `torch.Size`; nil for anything else.
    var tupleItems: [Value]? {
        switch self {
        case .tuple(let items): return items
        case .native(let named as NamedTupleObject): return named.values
        case .native(let size as TorchSizeObject): return size.items
        default: return nil
        }
    }
}
