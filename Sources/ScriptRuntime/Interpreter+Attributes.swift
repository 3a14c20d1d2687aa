import Diagnostics
import ScriptSyntax

/// Attributes, methods, context managers and display, for built-in and native values.
extension Interpreter {
    /// `value.name`.
    func attribute(_ value: Value, _ name: String) throws -> Value {
        if case .native(let object) = value {
            if let result = try object.attribute(name, self) { return result }
            if object.attributeNames.contains(name) {
                return .builtin(BuiltinFunction(name: name) { arguments, interpreter in
                    try interpreter.callMethod(value, name, arguments)
                })
            }
            // `layer.__class__` is `type(layer)`, for the engine's objects as for Python's.
            if name == "__class__", let type = builtinValues["type"] { return try call(type, Arguments([value])) }
            throw noAttribute(value, name, object.attributeNames)
        }
        let methods = BuiltinMethods.names(of: value)
        if methods.contains(name) {
            return .builtin(BuiltinFunction(name: name) { arguments, interpreter in
                try interpreter.callMethod(value, name, arguments)
            })
        }
        if case .builtin(let f) = value, let member = BuiltinTypeMembers.member(f, name) { return member }
        switch (value, name) {
        case (.function(let f), "__name__"): return .str(f.code.name)
        case (.builtin(let f), "__name__"): return .str(f.name)
        default: throw noAttribute(value, name, methods)
        }
    }

    /// Python's AttributeError: `'Tensor' object has no attribute 'x'`, and for a module
    /// `module 'helper' has no attribute 'x'`.
    func noAttribute(_ value: Value, _ name: String, _ known: [String]) -> RuntimeError {
        var hint = Suggestion.didYouMean(name, in: known)
        // numpy's scalars have `.item()`; here they are Python numbers (docs/numpy.md).
        switch value {
        case .int, .float, .bool:
            if name == "item" {
                hint = " (an element of a numpy array, such as env.gt[-1], is a Python number in rnnbook: use it as it is)"
            }
        default: break
        }
        let subject: String
        switch value {
        case .native(let module as ModuleObject): subject = "module '\(module.name)'"
        // The built-in `plt` is matplotlib.pyplot, whose name Python's message shows.
        case .native(let module as Namespace): subject = "module '\(module.name == "plt" ? "matplotlib.pyplot" : module.name)'"
        default: subject = "'\(value.typeName)' object"
        }
        return RuntimeError("\(subject) has no attribute '\(name)'\(hint)", id: "attribute-error")
    }

    /// `value.name = newValue`.
    func setAttribute(_ value: Value, _ name: String, _ newValue: Value) throws {
        if case .native(let object) = value {
            if try object.setAttribute(name, newValue, self) { return }
            if object.attributeNames.contains(name) {
                throw RuntimeError("attribute '\(name)' of '\(object.typeName)' object is read-only", id: "attribute-error")
            }
            throw noAttribute(value, name, object.attributeNames)
        }
        throw RuntimeError("cannot set attribute '\(name)' on a '\(value.typeName)' object", id: "attribute-error")
    }

    /// `value.name(arguments)`.
    func callMethod(_ value: Value, _ name: String, _ arguments: Arguments) throws -> Value {
        try meter.tick()
        if case .native(let object) = value {
            if let result = try object.callMethod(name, arguments, self) { return result }
            if let attribute = try object.attribute(name, self) { return try call(attribute, arguments) }
            throw noAttribute(value, name, object.attributeNames)
        }
        if let result = try BuiltinMethods.call(value, name, arguments, self) { return result }
        return try call(try attribute(value, name), arguments)
    }

    /// Starts a `with` block.
    func enter(_ manager: Value) throws -> Value {
        guard case .native(let object) = manager else {
            throw RuntimeError.type("'\(manager.typeName)' object cannot be used in a 'with' statement")
        }
        return try object.enter(self) ?? manager
    }

    /// Ends a `with` block.
    func exit(_ manager: Value) throws {
        if case .native(let object) = manager { try object.exit(self) }
    }

    /// How a block's last expression is shown.
    func display(_ value: Value) -> String {
        value.repr()
    }
}

/// `range(start, stop, step)`: a lazy sequence of ints.
final class RangeObject: NativeObject {
    let start: Int
    let stop: Int
    let step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "range" }

    func repr() -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    func length() throws -> Int? {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if overflow { throw RuntimeError("range is too long to have a length", id: "overflow") }
        if span <= 0 { return 0 }
        return (span - 1) / step.magnitude.clampedToInt + 1
    }

    func getItem(_ index: Value) throws -> Value? {
        let count = try length() ?? 0
        if case .native(let object) = index, let slice = object as? SliceObject {
            return .list(ListObject(try slice.positions(count: count).map { .int(start + $0 * step) }))
        }
        var i = try index.asInt("range index")
        if i < 0 { i += count }
        guard i >= 0, i < count else { throw RuntimeError.index("range object index out of range") }
        return .int(start + i * step)
    }

    func contains(_ other: Value) throws -> Bool? {
        guard case .int(let i) = other else { return false }
        let inside = step > 0 ? (i >= start && i < stop) : (i <= start && i > stop)
        let (offset, overflow) = i.subtractingReportingOverflow(start)
        return inside && !overflow && offset % step == 0
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .native(let object) = other, let range = object as? RangeObject else { return .bool(op == .notEqual) }
        let same = start == range.start && stop == range.stop && step == range.step
        return .bool(same == (op == .equal))
    }
}

extension UInt {
    /// The value as an Int, saturating at `Int.max`.
    var clampedToInt: Int { self > UInt(Int.max) ? Int.max : Int(self) }
}
