import ScriptSyntax

/// An engine object seen from `rnn` code: a tensor, a model, a task, a figure, a module.
///
/// Every requirement has a default that means "not supported", so a type implements only
/// what it needs. Hooks that return an optional return `nil` for "not supported by me", and
/// the interpreter then tries the other operand or reports a clear type error.
protocol NativeObject: AnyObject {
    /// The type name shown in messages and by `type`, e.g. `Tensor`.
    var typeName: String { get }
    /// The display form (`repr`), used for a block's last expression and inside lists.
    func repr() -> String
    /// The `str` form, used by `print` and f-strings; defaults to `repr()`.
    func str() -> String
    /// Attribute names, for "did you mean" suggestions.
    var attributeNames: [String] { get }
    /// Reads `object.name`; nil when there is no such attribute.
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value?
    /// Writes `object.name = value`; false when the attribute cannot be set.
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool
    /// Calls `object.name(args)`; nil when there is no such method (then `attribute` is tried).
    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value?
    /// Calls `object(args)`; nil when the object is not callable.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value?
    /// `self op other` (or `other op self` when `reflected`); nil when not supported.
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value?
    /// `-self`, `+self`; nil when not supported.
    func unary(_ op: UnaryOperator) throws -> Value?
    /// `self op other` for `== != < <= > >=` (or reflected); nil when not supported.
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value?
    /// `other in self`; nil when not supported.
    func contains(_ other: Value) throws -> Bool?
    /// `self[index]`; the index is an int, a slice (`SliceObject`), a tuple of them, or any value.
    func getItem(_ index: Value) throws -> Value?
    /// `self[index] = value`; false when not supported.
    func setItem(_ index: Value, _ value: Value) throws -> Bool
    /// `len(self)`; nil when the object has no length.
    func length() throws -> Int?
    /// Iteration: returns a function giving the next value or nil at the end.
    func makeIterator() throws -> (() throws -> Value?)?
    /// Truthiness; nil means "always true" as for Python objects.
    func truth() throws -> Bool?
    /// Formats the object for an f-string field with a non-empty spec (`{loss:.4f}`); nil when
    /// the object does not understand format specs.
    func format(_ spec: String) throws -> String?
    /// How the object shows as a block's last expression; nil means `.value(repr())`.
    /// A figure object returns `.figure(svg:title:)` here.
    func display(_ interpreter: Interpreter) -> BlockOutput?
    /// Called when a `with` block starts using this object.
    func enter(_ interpreter: Interpreter) throws -> Value?
    /// Called when a `with` block ends, normally or by an error.
    func exit(_ interpreter: Interpreter) throws
    /// The object as an instance of a user class, if it is one (cheaper than a cast).
    var instance: InstanceObject? { get }
    /// An attribute the object holds itself (an instance's `self.x`), read without any
    /// lookup on its type; nil when there is none.
    func ownAttribute(_ name: String) -> Value?
    /// Replaces an attribute the object holds itself, when assigning it needs nothing else
    /// (no property, no `__setattr__`, no module registration); false otherwise.
    func replaceOwnAttribute(_ name: String, _ value: Value) -> Bool
    /// `self.x op= v` on an attribute the object holds itself, under the same conditions:
    /// `update` makes the new value from the old; false when the fast way does not apply.
    func updateOwnAttribute(_ name: String, _ update: (Value) throws -> Value) throws -> Bool
    /// The value of an attribute the object holds itself, when `x op= v` may compute the new
    /// value from it and store it back with `replaceOwnAttribute` (as `updateOwnAttribute`).
    func updatableOwnAttribute(_ name: String) -> Value?
    /// The plain method `site` calls on this object, found through the site's cache (see
    /// `MethodCallSite.method(of:_:)`); nil when the object is no instance of a user class or
    /// the call must take the general path.
    func method(for site: MethodCallSite) -> Unmanaged<UserFunction>?
}

extension NativeObject {
    func repr() -> String { "<\(typeName)>" }
    func str() -> String { repr() }
    var attributeNames: [String] { [] }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? { nil }
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool { false }
    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? { nil }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? { nil }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    func unary(_ op: UnaryOperator) throws -> Value? { nil }
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    func contains(_ other: Value) throws -> Bool? { nil }
    func getItem(_ index: Value) throws -> Value? { nil }
    func setItem(_ index: Value, _ value: Value) throws -> Bool { false }
    func length() throws -> Int? { nil }
    func makeIterator() throws -> (() throws -> Value?)? { nil }
    func truth() throws -> Bool? { nil }
    func format(_ spec: String) throws -> String? { nil }
    func display(_ interpreter: Interpreter) -> BlockOutput? { nil }
    func enter(_ interpreter: Interpreter) throws -> Value? {
        throw RuntimeError.type("'\(typeName)' object cannot be used in a 'with' statement")
    }
    func exit(_ interpreter: Interpreter) throws {}
    var instance: InstanceObject? { nil }
    func ownAttribute(_ name: String) -> Value? { nil }
    func replaceOwnAttribute(_ name: String, _ value: Value) -> Bool { false }
    func updateOwnAttribute(_ name: String, _ update: (Value) throws -> Value) throws -> Bool { false }
    func updatableOwnAttribute(_ name: String) -> Value? { nil }
    func method(for site: MethodCallSite) -> Unmanaged<UserFunction>? { nil }
}

/// A slice `start:stop:step`, as passed to `getItem` and `setItem`.
final class SliceObject: NativeObject {
    let start: Value
    let stop: Value
    let step: Value

    init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "slice" }

    func repr() -> String {
        "slice(\(start.repr()), \(stop.repr()), \(step.repr()))"
    }

    /// The concrete indices for a sequence of `count` elements, as Python's `slice.indices`.
    func indices(count: Int) throws -> (start: Int, stop: Int, step: Int) {
        let step = try self.step.isNone ? 1 : self.step.asInt("slice step")
        if step == 0 { throw RuntimeError.value("slice step cannot be zero") }
        func clamp(_ value: Value, _ defaultValue: Int) throws -> Int {
            if value.isNone { return defaultValue }
            var index = try value.asInt("slice index")
            if index < 0 { index += count }
            if step > 0 { return Swift.min(Swift.max(index, 0), count) }
            return Swift.min(Swift.max(index, -1), count - 1)
        }
        let start = try clamp(self.start, step > 0 ? 0 : count - 1)
        let stop = try clamp(self.stop, step > 0 ? count : -1)
        return (start, stop, step)
    }

    /// The positions selected in a sequence of `count` elements.
    func positions(count: Int) throws -> [Int] {
        let (start, stop, step) = try indices(count: count)
        return Array(Swift.stride(from: start, to: stop, by: step))
    }
}
