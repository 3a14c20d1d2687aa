import ScriptSyntax

/// A module imported from a `.py` file beside the notebook (or a package folder): its
/// attributes are its global names, read and written live, as in Python.
///
/// The module's globals are session globals named `prefix + name` (`models.rnn:hidden`),
/// which no identifier can spell, so they are snapshotted and restored with the notebook's
/// own. The object itself holds no state that changes after the module's code is compiled,
/// and is shared by snapshots.
///
/// A module's global slot starts out holding the built-in of its name (see `globalSlot`),
/// but the built-ins are not the module's attributes: `helper.print` is Python's
/// AttributeError ("module 'helper' has no attribute 'print'") and `dir(helper)` does not
/// list them, unless the module binds the name itself (`from torch import zeros`).
final class ModuleObject: NativeObject {
    /// The dotted module name (`models.students_rnn`).
    let name: String
    /// The file it ran (`models/students_rnn.py`, relative to the notebook), or the folder
    /// of a package without `__init__.py`.
    let file: String
    weak var interpreter: Interpreter?
    /// The names the module's code binds at its top level (set once, when the code is
    /// compiled). A name a function declares `global` is not among them: it becomes an
    /// attribute when the function gives it a value other than the built-in.
    var boundNames: Set<String> = []

    init(name: String, file: String, interpreter: Interpreter) {
        self.name = name
        self.file = file
        self.interpreter = interpreter
    }

    /// The prefix of the global names of module `name`.
    static func prefix(_ name: String) -> String { name + ":" }
    /// The global that holds module `name` once imported (Python's `sys.modules[name]`).
    static func registryName(_ name: String) -> String { "sys.modules:" + name }

    var prefix: String { Self.prefix(name) }
    var typeName: String { "module" }
    func repr() -> String { "<module '\(name)' from '\(file)'>" }

    /// The module's global names that have values (for `dir` and suggestions).
    var attributeNames: [String] {
        guard let interpreter else { return [] }
        return interpreter.globals.compactMap { key, slot in
            guard key.hasPrefix(prefix), let value = slot.value else { return nil }
            let name = String(key.dropFirst(prefix.count))
            return isBuiltinSeed(name, value, interpreter) ? nil : name
        }.sorted()
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        guard let value = interpreter.globals[prefix + name]?.value, !isBuiltinSeed(name, value, interpreter) else { return nil }
        return value
    }

    /// Whether the slot of `name` holds only the built-in it started with: the module's
    /// top level never binds the name, and the value is still that built-in.
    private func isBuiltinSeed(_ name: String, _ value: Value, _ interpreter: Interpreter) -> Bool {
        guard !boundNames.contains(name), let builtin = interpreter.builtinValues[name] else { return false }
        return Comparison.identical(value, builtin)
    }

    /// The names `statements` bind at a module's top level.
    static func boundNames(_ statements: [Stmt]) -> Set<String> {
        var analysis = NameAnalysis()
        analysis.visit(statements)
        return analysis.assigned
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        interpreter.slot(prefix + name).value = value
        return true
    }
}

extension Interpreter {
    /// The global slot a name compiles to: the notebook's, or the module's being compiled.
    /// A module's slot starts with the built-in of that name, if any, so that a module sees
    /// the built-ins until it binds the name itself.
    func globalSlot(_ name: String) -> GlobalSlot {
        guard let prefix = modulePrefix else { return slot(name) }
        let slot = slot(prefix + name)
        if slot.value == nil, let builtin = builtinValues[name] { slot.value = builtin }
        return slot
    }
}
