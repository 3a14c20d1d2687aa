/// What a session's built-in names are bound to at one moment. Grading takes it before a
/// student's block and puts back whatever the block rebound, so that the checks after it call
/// the real `assert_close`, `full` or `todo`, not the student's.
public struct BuiltinBindings {
    let slots: [(slot: GlobalSlot, value: Value?)]
}

extension ScriptSession {
    /// The built-in global names of the language (the standard registry's), sorted.
    public static let builtinNames: [String] = Registry.standard().globals.map(\.name).sorted()

    /// The current bindings of the built-in names. Call between blocks, like `snapshot()`.
    public func builtinBindings() -> BuiltinBindings {
        BuiltinBindings(slots: Self.builtinNames.compactMap { name in
            interpreter.globals[name].map { ($0, $0.value) }
        })
    }

    /// Binds again every built-in name whose value is no longer the one in `bindings`, and
    /// returns those names, sorted. A name bound to the same object (or an equal number or
    /// string) counts as unchanged.
    @discardableResult
    public func restoreBuiltins(_ bindings: BuiltinBindings) -> [String] {
        var restored: [String] = []
        for (slot, value) in bindings.slots where !Self.same(slot.value, value) {
            slot.value = value
            restored.append(slot.name)
        }
        return restored.sorted()
    }

    /// Whether two bindings are the same: the same object for reference values, equal plain values.
    static func same(_ first: Value?, _ second: Value?) -> Bool {
        switch (first, second) {
        case (nil, nil): return true
        case (.none?, .none?): return true
        case (.bool(let a)?, .bool(let b)?): return a == b
        case (.int(let a)?, .int(let b)?): return a == b
        case (.float(let a)?, .float(let b)?): return a.bitPattern == b.bitPattern
        case (.str(let a)?, .str(let b)?): return a == b
        case (.tuple(let a)?, .tuple(let b)?): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.list(let a)?, .list(let b)?): return a === b
        case (.dict(let a)?, .dict(let b)?): return a === b
        case (.function(let a)?, .function(let b)?): return a === b
        case (.builtin(let a)?, .builtin(let b)?): return a === b
        case (.native(let a)?, .native(let b)?): return a === b
        default: return false
        }
    }
}
