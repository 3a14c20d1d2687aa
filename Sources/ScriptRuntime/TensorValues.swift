import ScriptSyntax
import Tensor

/// Conversions between language values and the engine's: nested lists to `TensorData` and
/// back, shape and dimension arguments, dtypes.
enum TensorValues {
    /// The deepest nesting a value walker follows: a list that contains itself (or a chain
    /// of 100,000 lists) is a ValueError, not a stack overflow.
    static let maximumDepth = 800

    /// The error of a value nested deeper than `maximumDepth`.
    static func tooDeep(_ what: String) -> RuntimeError {
        RuntimeError.value("\(what): the data is nested more than \(maximumDepth) deep (does a list contain itself?)")
    }

    /// Nested numbers as `TensorData`, for `tensor(data)`; a tensor inside counts as its data.
    static func data(_ value: Value, _ what: String = "tensor()", depth: Int = 0) throws -> TensorData {
        switch value {
        case .int(let i): return .int(i)
        case .float(let d): return .float(Float(d))
        case .bool(let b): return .bool(b)
        case .list(let list):
            guard depth < maximumDepth else { throw tooDeep(what) }
            return .list(try list.items.map { try data($0, what, depth: depth + 1) })
        case .tuple(let items):
            guard depth < maximumDepth else { throw tooDeep(what) }
            return .list(try items.map { try data($0, what, depth: depth + 1) })
        case .native(let size as TorchSizeObject): return .list(size.sizes.map(TensorData.int))
        case .native(let object as TensorObject): return object.tensor.toData()
        default: throw RuntimeError.type("tensor(): invalid data type '\(value.typeName)'")
        }
    }

    /// `TensorData` as language values: ints, floats (the Float32 value widened), bools, lists.
    static func value(_ data: TensorData) -> Value {
        switch data {
        case .int(let i): return .int(i)
        case .float(let f): return .float(Double(f))
        case .bool(let b): return .bool(b)
        case .list(let items): return .list(ListObject(items.map(value)))
        }
    }

    /// The one element of a one-element tensor as a Python number (PyTorch's `item`).
    static func item(_ tensor: Tensor) throws -> Value {
        guard tensor.count == 1 else {
            throw RuntimeError.value("a Tensor with \(tensor.count) elements cannot be converted to Scalar")
        }
        let x = tensor.withUnsafeBufferPointer { $0[0] }
        switch tensor.dtype {
        case .float32: return .float(Double(x))
        case .int64: return .int(x.isFinite && Swift.abs(x) < 9.2e18 ? Int(x) : Int.min)
        case .bool: return .bool(x != 0)
        }
    }

    /// A shape given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(x.shape)`.
    static func shape(_ values: [Value], _ what: String) throws -> [Int] {
        if values.count == 1, let items = sequence(values[0]) {
            return try items.map { try $0.asInt("\(what) size") }
        }
        return try values.map { try $0.asInt("\(what) size") }
    }

    /// The items of a list or tuple value (a `torch.Size` is a tuple).
    static func sequence(_ value: Value) -> [Value]? {
        switch value {
        case .list(let list): return list.items
        case .tuple(let items): return items
        case .native(let size as TorchSizeObject): return size.items
        default: return nil
        }
    }

    /// A `dim=` argument: nil for None, one int, or a tuple or list of ints.
    static func dims(_ value: Value?, _ what: String) throws -> [Int]? {
        guard let value, !value.isNone else { return nil }
        if let items = sequence(value) { return try items.map { try $0.asInt(what) } }
        return [try value.asInt(what)]
    }

    /// A shape as Python prints a tuple (numpy's `a.shape`, gym's spaces).
    static func shapeValue(_ shape: [Int]) -> Value {
        .tuple(shape.map { .int($0) })
    }

    /// A tensor's shape as PyTorch gives it, a `torch.Size`.
    static func sizeValue(_ shape: [Int]) -> Value {
        .native(TorchSizeObject(shape))
    }

    /// A `dtype=` argument: a dtype object (`long`, `float32`), its name, or Python's
    /// `float`, `int`, `bool` (as PyTorch accepts them).
    static func dtype(_ value: Value?, _ what: String) throws -> DType? {
        guard let value, !value.isNone else { return nil }
        if case .native(let object as DTypeObject) = value { return object.dtype }
        if case .native(let object as UnsupportedTorchDType) = value { throw object.refusal(what) }
        if case .str(let name) = value, let dtype = DTypeObject.named[name] { return dtype }
        if case .builtin(let function) = value, let dtype = DTypeObject.named[function.name] { return dtype }
        throw RuntimeError.type("\(what) must be a dtype such as float32 or long, not \(value.repr())")
    }
}

/// A tensor element type seen from the language: `x.dtype`, `long`, `float32`.
final class DTypeObject: NativeObject {
    let dtype: DType

    /// The names a dtype can be given by.
    static let named: [String: DType] = [
        "float32": .float32, "float": .float32, "torch.float32": .float32,
        "int64": .int64, "long": .int64, "int": .int64, "torch.int64": .int64,
        "bool": .bool, "torch.bool": .bool,
    ]

    init(_ dtype: DType) {
        self.dtype = dtype
    }

    var typeName: String { "dtype" }
    func repr() -> String { dtype.description }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        if case .native(is NumpyDType) = other { return nil }  // it refuses the comparison (NumpyBuiltins.swift)
        let same = (other.asDTypeObject?.dtype).map { $0 == dtype } ?? false
        return .bool(same == (op == .equal))
    }
}

extension Value {
    /// The dtype object this value holds, if it is one.
    var asDTypeObject: DTypeObject? {
        if case .native(let object as DTypeObject) = self { return object }
        return nil
    }
}

/// The `(values, indices)` pair of `x.max(dim)` / `x.min(dim)`: unpacks and indexes like a
/// tuple and has `.values` and `.indices`, as PyTorch's `torch.return_types.max`.
final class ValuesIndicesObject: NativeObject {
    let name: String
    let values: Value
    let indices: Value

    init(name: String, values: Value, indices: Value) {
        self.name = name
        self.values = values
        self.indices = indices
    }

    var typeName: String { "torch.return_types.\(name)" }
    var attributeNames: [String] { ["values", "indices"] }

    func repr() -> String {
        "torch.return_types.\(name)(\nvalues=\(values.repr()),\nindices=\(indices.repr()))"
    }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        switch member {
        case "values": values
        case "indices": indices
        default: nil
        }
    }

    func getItem(_ index: Value) throws -> Value? {
        let items = [values, indices]
        var i = try index.asInt("tuple index")
        if i < 0 { i += 2 }
        guard i >= 0, i < 2 else { throw RuntimeError.index("tuple index out of range") }
        return items[i]
    }

    func length() throws -> Int? { 2 }

    func makeIterator() throws -> (() throws -> Value?)? {
        var items = [indices, values]
        return { items.popLast() }
    }
}

extension DTypeObject: SnapshotCopyable {
    /// A dtype holds no mutable state: the snapshot shares it.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension ValuesIndicesObject: SnapshotCopyable {
    /// A copy whose two values are copied through `copier`.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        ValuesIndicesObject(name: name, values: try copier.copy(values), indices: try copier.copy(indices))
    }
}
