import Foundation
import Tensor

/// `torch.testing.assert_close` with PyTorch's rules, and `torch.equal`.
///
/// Unlike the built-in `assert_close` (tolerances 1e-5/1e-8 on anything number-like), this
/// one is PyTorch's: both inputs tensors (numpy arrays count as tensors) or both Python
/// numbers, or sequences or mappings of them with the same structure; a tensor against a
/// number is a TypeError; shapes and, with `check_dtype=True`, dtypes must match; the default
/// tolerances come from the dtype (float32: rtol 1.3e-6, atol 1e-5; Python floats, as float64:
/// 1e-7 and 1e-7; integers and bools: exact), and `rtol`/`atol` are given both or neither.
/// A failure raises AssertionError with PyTorch's report, or `msg` in its place.
enum TorchTesting {
    static func namespace() -> Namespace {
        let testing = Namespace(name: "torch.testing")
        let signature = Signature(
            "assert_close", ["actual", "expected"],
            keywordOnly: ["allow_subclasses", "rtol", "atol", "equal_nan", "check_device", "check_dtype", "check_layout",
                          "check_stride", "msg"])
        testing.function("assert_close", signature) { args, _ in
            if let msg = args["msg"], !msg.isNone, msg.typeName != "str" {
                throw RuntimeError.type("torch.testing.assert_close(msg=...) takes a string here; a callable msg is not supported")
            }
            let given = (args["rtol"].flatMap { $0.isNone ? nil : $0 }, args["atol"].flatMap { $0.isNone ? nil : $0 })
            if (given.0 == nil) != (given.1 == nil) {
                throw RuntimeError.value("Both 'rtol' and 'atol' must be either specified or omitted, but got no "
                                         + (given.0 == nil ? "rtol" : "atol") + ".")
            }
            var comparison = Comparison(
                rtol: try given.0.map { try $0.asDouble("rtol") }, atol: try given.1.map { try $0.asDouble("atol") },
                equalNaN: try args.bool("equal_nan", false), checkDtype: try args.bool("check_dtype", true))
            if let failure = try comparison.compare(args.value("actual"), args.value("expected"), path: "") {
                let custom = args["msg"].flatMap { $0.isNone ? nil : $0.str() }
                throw RuntimeError(custom ?? failure, id: "assertion")
            }
            return .none
        }
        return testing
    }

    /// `torch.equal(input, other)`: True when both have the same shape and the same elements.
    static var equal: Value { .builtin(BuiltinFunction(name: "equal") { arguments, _ in
        let args = try Signature("equal", ["input", "other"]).bind(arguments)
        guard let a = args.value("input").tensorObject?.tensor, let b = args.value("other").tensorObject?.tensor else {
            let wrong = args.value("input").tensorObject == nil ? args.value("input") : args.value("other")
            throw RuntimeError.type("equal(): argument '\(args.value("input").tensorObject == nil ? "input" : "other")' "
                                    + "must be Tensor, not \(wrong.typeName)")
        }
        return .bool(a.shape == b.shape && a.scalars == b.scalars)
    }) }

    /// Compares values as `torch.testing.assert_close` does; returns the failure report.
    struct Comparison {
        let rtol: Double?
        let atol: Double?
        let equalNaN: Bool
        let checkDtype: Bool
        var depth = 0

        mutating func compare(_ actual: Value, _ expected: Value, path: String) throws -> String? {
            depth += 1
            defer { depth -= 1 }
            guard depth < TensorValues.maximumDepth else { throw TensorValues.tooDeep("assert_close()") }
            let at = path.isEmpty ? "" : "\n\nThe failure occurred for item \(path)"
            switch (actual, expected) {
            case (.native(let a as TensorObject), .native(let b as TensorObject)):
                return try tensors(a.tensor, b.tensor).map { $0 + at }
            case (.int, .int), (.float, .float), (.bool, .bool), (.int, .float), (.float, .int), (.int, .bool), (.bool, .int),
                 (.float, .bool), (.bool, .float):
                if checkDtype, actual.typeName != expected.typeName {
                    return "The values for attribute 'dtype' do not match: <class '\(actual.typeName)'> != "
                        + "<class '\(expected.typeName)'>." + at
                }
                let exact = actual.typeName != "float" && expected.typeName != "float"
                let report = numbers([actual.number ?? 0], [expected.number ?? 0], shape: [], scalars: true,
                                     defaults: exact ? (0, 0) : (1e-7, 1e-7))
                return report.map { $0 + at }
            case (.list, _), (.tuple, _), (.native(is TorchSizeObject), _):
                let a = try sequence(actual)
                guard let b = try? sequence(expected) else { throw RuntimeError.type(mismatch(actual, expected)) }
                guard a.count == b.count else { return "The length of the sequences mismatch: \(a.count) != \(b.count)" + at }
                for (i, (x, y)) in zip(a, b).enumerated() {
                    if let failure = try compare(x, y, path: path + "[\(i)]") { return failure }
                }
                return nil
            case (.dict(let a), .dict(let b)):
                let keys = Set(a.keys.map { $0.repr() })
                guard keys == Set(b.keys.map { $0.repr() }) else {
                    return "The keys of the mappings do not match:\nMissing keys in the actual mapping: "
                        + b.keys.map { $0.repr() }.filter { !keys.contains($0) }.sorted().joined(separator: ", ") + at
                }
                for (key, value) in zip(a.keys, a.values) {
                    guard let other = b.get(try HashKey(key)) else { continue }
                    if let failure = try compare(value, other, path: path + "[\(key.repr())]") { return failure }
                }
                return nil
            default:
                throw RuntimeError.type(mismatch(actual, expected))
            }
        }

        func mismatch(_ actual: Value, _ expected: Value) -> String {
            "No comparison pair was able to handle inputs of type <class '\(Self.className(actual))'> and "
                + "<class '\(Self.className(expected))'>."
        }

        /// The class name PyTorch's message shows: `torch.Tensor` for a tensor.
        static func className(_ value: Value) -> String {
            value.tensorObject != nil ? "torch.Tensor" : value.typeName
        }

        func sequence(_ value: Value) throws -> [Value] {
            switch value {
            case .list(let list): return list.items
            default:
                guard let items = value.tupleItems else { throw RuntimeError.type(mismatch(value, value)) }
                return items
            }
        }

        func tensors(_ a: Tensor, _ b: Tensor) throws -> String? {
            guard a.shape == b.shape else {
                return "The values for attribute 'shape' do not match: \(size(a.shape)) != \(size(b.shape))."
            }
            if checkDtype, a.dtype != b.dtype {
                return "The values for attribute 'dtype' do not match: \(a.dtype) != \(b.dtype)."
            }
            let floating = a.dtype == .float32 || b.dtype == .float32
            return numbers(a.scalars.map(Double.init), b.scalars.map(Double.init), shape: a.shape, scalars: false,
                           defaults: floating ? (1.3e-6, 1e-5) : (0, 0))
        }

        func size(_ shape: [Int]) -> String { "torch.Size([\(shape.map(String.init).joined(separator: ", "))])" }

        /// PyTorch's report of the elements that are not close, or nil when all are.
        func numbers(_ a: [Double], _ b: [Double], shape: [Int], scalars: Bool, defaults: (Double, Double)) -> String? {
            let (rtol, atol) = (self.rtol ?? defaults.0, self.atol ?? defaults.1)
            var mismatched = 0
            var worstAbs: (Double, Int) = (0, 0)
            var worstRel: (Double, Int) = (0, 0)
            for i in a.indices {
                let (x, y) = (a[i], b[i])
                if x == y || (equalNaN && x.isNaN && y.isNaN) { continue }
                let difference = Swift.abs(x - y)
                let relative = y == 0 ? Double.infinity : difference / Swift.abs(y)
                if difference <= atol + rtol * Swift.abs(y) && x.isFinite && y.isFinite { continue }
                mismatched += 1
                if difference > worstAbs.0 || difference.isNaN || mismatched == 1 { worstAbs = (difference, i) }
                if relative > worstRel.0 || relative.isNaN || mismatched == 1 { worstRel = (relative, i) }
            }
            guard mismatched > 0 else { return nil }
            func where_(_ i: Int) -> String { scalars ? "" : " at index \(index(i, shape))" }
            func number(_ x: Double) -> String { Closeness.short(x) }
            let head = scalars ? "Scalars are not close!\n\n" : "Tensor-likes are not close!\n\n"
            let count = scalars ? ""
                : "Mismatched elements: \(mismatched) / \(a.count) (\(String(format: "%.1f", 100 * Double(mismatched) / Double(a.count)))%)\n"
            return head + count
                + "Greatest absolute difference: \(number(worstAbs.0))\(where_(worstAbs.1)) (up to \(number(atol)) allowed)\n"
                + "Greatest relative difference: \(number(worstRel.0))\(where_(worstRel.1)) (up to \(number(rtol)) allowed)"
        }

        /// An index as PyTorch prints it: `(1,)`, `(0, 2)`.
        func index(_ flat: Int, _ shape: [Int]) -> String {
            let items = Closeness.position(flat, shape).map(String.init)
            return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        }
    }
}
