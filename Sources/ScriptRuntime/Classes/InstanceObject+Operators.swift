import ScriptSyntax

/// Python's operator methods (`__add__`/`__radd__`, `__eq__`, `__lt__`, `__neg__`) and
/// iteration (`__iter__`/`__next__`, or `__getitem__` from 0 until `IndexError`).
extension InstanceObject {
    static let binaryMethods: [BinaryOperator: String] = [
        .add: "add", .subtract: "sub", .multiply: "mul", .divide: "truediv", .floorDivide: "floordiv",
        .modulo: "mod", .power: "pow", .matmul: "matmul", .bitAnd: "and", .bitOr: "or", .bitXor: "xor",
        .leftShift: "lshift", .rightShift: "rshift",
    ]

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let stem = Self.binaryMethods[op] else { return nil }
        let result = try special(reflected ? "__r\(stem)__" : "__\(stem)__", [other])
        if let result, case .native(let object) = result, object is NotImplementedObject { return nil }
        return result
    }

    func unary(_ op: UnaryOperator) throws -> Value? {
        switch op {
        case .negate: return try special("__neg__", [])
        case .plus: return try special("__pos__", [])
        case .invert: return try special("__invert__", [])
        case .not: return nil
        }
    }

    static let compareMethods: [CompareOperator: (String, String)] = [
        .equal: ("__eq__", "__eq__"), .notEqual: ("__ne__", "__ne__"), .less: ("__lt__", "__gt__"),
        .lessEqual: ("__le__", "__ge__"), .greater: ("__gt__", "__lt__"), .greaterEqual: ("__ge__", "__le__"),
    ]

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let (direct, swapped) = Self.compareMethods[op] else { return nil }
        let result = try special(reflected ? swapped : direct, [other])
        if let result, case .native(let object) = result, object is NotImplementedObject { return nil }
        if result == nil, op == .notEqual, let equal = try special("__eq__", [other]) {
            if case .native(let object) = equal, object is NotImplementedObject { return nil }
            return .bool(!(try equal.truthy()))
        }
        return result
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        guard let interpreter else { return nil }
        if let iterable = try special("__iter__", []) {
            if case .native(let object) = iterable, let iterator = object as? InstanceObject, iterator.defines("__next__") {
                return {
                    do {
                        return try iterator.special("__next__", [])
                    } catch let error as RuntimeError where PythonExceptions.matches(error, "StopIteration", interpreter) {
                        return nil
                    }
                }
            }
            var items = try interpreter.collect(iterable).makeIterator()
            return { items.next() }
        }
        guard defines("__getitem__") else { return nil }
        var index = 0
        return { [self] in
            do {
                let value = try self.special("__getitem__", [.int(index)])
                index += 1
                return value
            } catch let error as RuntimeError where PythonExceptions.matches(error, "IndexError", interpreter)
                || PythonExceptions.matches(error, "StopIteration", interpreter) {
                return nil
            }
        }
    }
}

/// Python's `NotImplemented`: what an operator method returns to let the other operand try.
final class NotImplementedObject: NativeObject {
    nonisolated(unsafe) static let shared = NotImplementedObject()
    var typeName: String { "NotImplementedType" }
    func repr() -> String { "NotImplemented" }
}
