import Foundation
import Tensor

/// `assert_close(actual, expected, rtol=1e-5, atol=1e-8, msg=None, equal_nan=False)` for
/// numbers and nested lists/tuples of numbers (tensors are turned into nested lists first).
///
/// Closeness is `|a - e| <= atol + rtol * |e|`, as in `torch.testing`; it is not symmetric
/// and not transitive. NaN is close to nothing, not even NaN, unless `equal_nan=True`, and
/// an infinity only to the same infinity, as `torch.testing.assert_close` has it.
enum Closeness {
    static func check(_ args: BoundArguments, _ interpreter: Interpreter) throws {
        let rtol = try args.double("rtol", 1e-5)
        let atol = try args.double("atol", 1e-8)
        let equalNaN = try args.bool("equal_nan", false)
        let prefix = args["msg"].flatMap { $0.isNone ? nil : $0.str() + ": " } ?? ""
        let actual = args.value("actual")
        let expected = args.value("expected")
        let (actualShape, actualValues) = try flatten(actual)
        let (expectedShape, expectedValues) = try flatten(expected)
        guard actualShape == expectedShape else {
            throw RuntimeError("\(prefix)shapes differ: actual \(describe(actualShape)), expected \(describe(expectedShape))",
                               id: "assertion")
        }
        var worst: (index: Int, error: Double)?
        var mismatches = 0
        for (i, (a, e)) in zip(actualValues, expectedValues).enumerated() {
            let error = Swift.abs(a - e)
            let close = Tensor.isClose(a, e, rtol: rtol, atol: atol, equalNaN: equalNaN)
            if !close {
                mismatches += 1
                if worst == nil || error > worst?.error ?? 0 || error.isNaN { worst = (i, error) }
            }
        }
        guard let worst else { return }
        let place = actualShape.isEmpty ? "" : " at index \(unflatten(worst.index, actualShape))"
        let a = Value.formatFloat(actualValues[worst.index])
        let e = Value.formatFloat(expectedValues[worst.index])
        throw RuntimeError(
            "\(prefix)values are not close: \(mismatches) of \(actualValues.count) element\(actualValues.count == 1 ? "" : "s") "
                + "differ\(mismatches == 1 ? "s" : ""); the largest error is \(Closeness.short(worst.error))\(place) "
                + "(actual \(a), expected \(e); rtol=\(rtol), atol=\(atol))",
            id: "assertion")
    }

    /// A number to 6 (or `digits`) significant digits: `0.1`, not the `0.10000000000000009` that
    /// subtracting floats leaves.
    static func short(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return Value.formatFloat(x) }
        return Value.formatFloat(Double(String(format: "%.\(digits)g", x)) ?? x)
    }

    static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "a scalar" : "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }

    static func unflatten(_ index: Int, _ shape: [Int]) -> String {
        "[" + position(index, shape).map(String.init).joined(separator: ", ") + "]"
    }

    /// The row-major flat `index` as one index per dimension of `shape`.
    static func position(_ index: Int, _ shape: [Int]) -> [Int] {
        var rest = index
        var parts: [Int] = []
        for size in shape.reversed() {
            parts.append(rest % Swift.max(size, 1))
            rest /= Swift.max(size, 1)
        }
        return parts.reversed()
    }

    /// The shape and the row-major numbers of a number or a rectangular nested list.
    static func flatten(_ value: Value, depth: Int = 0) throws -> ([Int], [Double]) {
        switch value {
        case .int, .float, .bool:
            return ([], [value.number ?? 0])
        case .list, .tuple, .native(is TorchSizeObject):
            guard depth < TensorValues.maximumDepth else { throw TensorValues.tooDeep("assert_close()") }
            let items = TensorValues.sequence(value) ?? []
            var inner: [Int]?
            var numbers: [Double] = []
            for item in items {
                let (shape, values) = try flatten(item, depth: depth + 1)
                if let inner, inner != shape { throw RuntimeError.value("assert_close() needs rectangular nested lists") }
                inner = shape
                numbers += values
            }
            return ([items.count] + (inner ?? []), numbers)
        default:
            throw RuntimeError.type("assert_close() cannot compare a \(value.typeName)")
        }
    }
}
