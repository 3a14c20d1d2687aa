import Foundation
import ScriptSyntax

/// `print`, `len`, `range`, `abs`, `round`, `todo`, `no_grad`, `repr`, `format`, `divmod`, `type`;
/// `ObjectBuiltins` adds `hash`, `iter`, `next`, `chr`, `ord`, `callable`, `pow`.
enum CoreBuiltins {
    static func install(_ registry: inout Registry) {
        registry.value("Ellipsis", .native(EllipsisObject.shared))
        ObjectBuiltins.install(&registry)
        registry.function("print", Signature("print", keywordOnly: ["sep", "end", "file", "flush"], variadic: true)) {
            args, interpreter in
            if let file = args["file"], !file.isNone {
                throw RuntimeError.type("print(file=...) is not supported: a block's prints go to its output; leave out file=")
            }
            let sep = try args.string("sep", " ")
            let end = try args.string("end", "\n")
            interpreter.write(args.rest.map { $0.str() }.joined(separator: sep) + end)
            return .none
        }
        registry.function("len", Signature("len", ["obj"])) { args, interpreter in
            .int(try interpreter.length(args.value("obj")))
        }
        registry.function("range", Signature("range", ["start", "stop", "step"], required: 1)) { args, _ in
            let first = try args.int("start", 0)
            guard let stopValue = args["stop"] else { return .native(RangeObject(start: 0, stop: first, step: 1)) }
            let stop = try stopValue.asInt("range() argument 'stop'")
            let step = try args.int("step", 1)
            if step == 0 { throw RuntimeError.value("range() arg 3 must not be zero") }
            return .native(RangeObject(start: first, stop: stop, step: step))
        }
        registry.function("abs", Signature("abs", ["x"])) { args, interpreter in
            switch args.value("x") {
            case .int(let i):
                if i == Int.min { throw RuntimeError.overflow("abs") }
                return .int(Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            // A numpy array has no `.abs()`: Python's `abs(a)` is numpy's `np.abs(a)`.
            case let array where array.isNumpyArray:
                guard let function = try interpreter.numpyModule?.attribute("abs", interpreter) else {
                    throw RuntimeError.type("bad operand type for abs(): 'numpy.ndarray'")
                }
                return try interpreter.call(function, Arguments([array]))
            case let other: return try interpreter.callMethod(other, "abs", Arguments())
            }
        }
        registry.function("round", Signature("round", ["number", "ndigits"], required: 1)) { args, interpreter in
            try round(args.value("number"), args["ndigits"], interpreter)
        }
        registry.function("todo", Signature("todo", ["message"], required: 0)) { args, _ in
            let message = args["message"].map { $0.str() } ?? "fill in this exercise"
            throw RuntimeError("student exercise not implemented: \(message)", id: "todo")
        }
        if let noGrad = GradModeType.named("no_grad") { registry.value("no_grad", .native(noGrad)) }
        registry.function("repr", Signature("repr", ["obj"])) { args, _ in .str(args.value("obj").repr()) }
        registry.function("format", Signature("format", ["value", "format_spec"], required: 1)) { args, _ in
            let spec = try args.string("format_spec", "")
            return .str(try Compiler.format(args.value("value"), nil, spec.isEmpty ? nil : try FormatSpec(spec), spec))
        }
        registry.function("divmod", Signature("divmod", ["a", "b"])) { args, _ in
            .tuple([try Arithmetic.binary(.floorDivide, args.value("a"), args.value("b")),
                    try Arithmetic.binary(.modulo, args.value("a"), args.value("b"))])
        }
        registry.function("assert_close", Signature("assert_close", ["actual", "expected", "rtol", "atol", "msg"], required: 2,
                                                     keywordOnly: ["equal_nan"])) {
            args, interpreter in
            try Closeness.check(args, interpreter)
            return .none
        }
    }

    /// Python's `round`: half to even, `ndigits` may be negative; ints stay ints.
    static func round(_ number: Value, _ digits: Value?, _ interpreter: Interpreter) throws -> Value {
        let ndigits: Int? = try digits.flatMap { $0.isNone ? nil : try $0.asInt("round() argument 'ndigits'") }
        var number = number
        if case .bool(let b) = number { number = .int(b ? 1 : 0) }
        switch number {
        case .int(let value):
            guard let ndigits, ndigits < 0 else { return .int(value) }
            if ndigits < -18 { return .int(0) }
            var scale = 1
            for _ in 0..<(-ndigits) { scale *= 10 }
            let rounded = (Double(value) / Double(scale)).rounded(.toNearestOrEven)
            let (result, overflow) = Int(rounded).multipliedReportingOverflow(by: scale)
            if overflow { throw RuntimeError.overflow("round") }
            return .int(result)
        case .float(let d):
            guard let ndigits else {
                guard d.isFinite else { throw RuntimeError("cannot convert float \(Value.formatFloat(d)) to integer", id: "overflow") }
                let r = d.rounded(.toNearestOrEven)
                guard Swift.abs(r) < 9.2e18 else { throw RuntimeError.overflow("round") }
                return .int(Int(r))
            }
            guard d.isFinite else { return .float(d) }
            if ndigits >= 0 {
                return .float(Double(String(format: "%.\(Swift.min(ndigits, 300))f", d)) ?? d)
            }
            let scale = Foundation.pow(10.0, Double(-ndigits))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        case .native:
            return try interpreter.callMethod(number, "round", Arguments(digits.map { [$0] } ?? []))
        default:
            throw RuntimeError.type("type \(number.typeName) doesn't define __round__ method")
        }
    }
}

/// What `type(x)` returns: shows as `<class 'int'>`, has `__name__`, compares by name.
final class TypeObject: NativeObject {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    var typeName: String { "type" }
    func repr() -> String { "<class '\(name)'>" }
    var attributeNames: [String] { ["__name__"] }

    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        member == "__name__" ? .str(name) : nil
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .native(let object) = other, let type = object as? TypeObject else { return .bool(op == .notEqual) }
        return .bool((type.name == name) == (op == .equal))
    }
}
