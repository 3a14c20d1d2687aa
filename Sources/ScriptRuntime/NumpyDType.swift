import Foundation
import ScriptSyntax
import Tensor

/// A numpy scalar type used as a dtype (`np.float64`, `np.int64`, …): `dtype=np.float64`
/// and `.astype(np.int32)` pick the engine dtype that stands for it; calling it converts a
/// number (`np.float64(2)` is the Python float 2.0, as numpy's scalars behave).
final class NumpyDType: NativeObject {
    let name: String
    let dtype: DType

    /// numpy's dtypes and the engine dtype each becomes: floats are float32, ints int64.
    static let names: [(String, DType)] = [
        ("float64", .float32), ("float32", .float32), ("double", .float32), ("int64", .int64),
        ("int32", .int64), ("int_", .int64), ("intp", .int64), ("bool_", .bool),
    ]

    /// The string spellings `dtype='float64'`, `'f8'`, … accepted.
    static let strings: [String: DType] = [
        "float64": .float32, "float32": .float32, "float": .float32, "double": .float32, "f8": .float32, "f4": .float32,
        "int64": .int64, "int32": .int64, "int": .int64, "i8": .int64, "i4": .int64, "bool": .bool,
    ]

    init(name: String, dtype: DType) {
        self.name = name
        self.dtype = dtype
    }

    var typeName: String { "type" }
    func repr() -> String { "<class 'numpy.\(name)'>" }

    /// The engine dtype for a numpy dtype argument: a numpy type, Python's `float`/`int`/`bool`,
    /// or a string; torch dtypes are refused as numpy refuses them.
    static func dtype(_ value: Value, _ what: String) throws -> DType {
        switch value {
        case .native(let object as NumpyDType): return object.dtype
        case .builtin(let function) where ["float", "int", "bool"].contains(function.name):
            return strings[function.name] ?? .float32
        case .str(let text):
            if let dtype = strings[text] { return dtype }
        default: break
        }
        throw RuntimeError.type("\(what): cannot interpret \(value.repr()) as a data type; use np.float64, np.float32, "
                                + "np.int64, np.int32, bool, float or int")
    }

    /// `np.float64 == np.float32` compares the numpy types; a comparison with a tensor's dtype
    /// (`a.dtype == np.float64`) is refused: float64 arrays are float32 tensors here, so either
    /// answer would mislead.
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        if let torch = other.asDTypeObject {
            throw RuntimeError.type("comparing \(torch.repr()) with np.\(name) is ambiguous here: numpy's float64 arrays are "
                                    + "float32 tensors (docs/numpy.md); compare a.dtype with torch.float32, torch.int64 or torch.bool")
        }
        let same: Bool
        if case .native(let numpy as NumpyDType) = other { same = numpy.name == name } else { same = false }
        return .bool(same == (op == .equal))
    }

    /// `np.float64(x)`: the Python number of `x` (a number, a string or a one-element array).
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature(name, ["x"], required: 0).bind(arguments)
        var x = args.value("x", .int(0))
        if case .str(let text) = x {
            guard let parsed = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw RuntimeError.value("could not convert string to \(name): '\(text)'")
            }
            x = .float(parsed)
        }
        let array = try NDArray.from(x, "\(name)() argument")
        guard array.count == 1 else {
            throw RuntimeError.type("only length-1 arrays can be converted to Python scalars")
        }
        if dtype == .int64, !array.values[0].isFinite {
            throw RuntimeError.value("cannot convert float \(array.values[0]) to integer")
        }
        return NDArray.number(dtype == .int64 ? array.values[0].rounded(.towardZero) : array.values[0], dtype)
    }
}

extension NumpyDType: SnapshotCopyable {
    /// A numpy type holds no mutable state: the snapshot shares it.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}
