/// A module imported from a `.py` file beside the notebook (or a package folder): its
/// attributes are its global names, read and written live, as in Python.
///
/// The module's globals are session globals named `prefix + name` (`models.rnn:hidden`),
/// which no identifier can spell, so they are snapshotted and restored with the notebook's
/// own. The object itself holds no state and is shared by snapshots.
final class ModuleObject: NativeObject {
    /// The dotted module name (`models.students_rnn`).
    let name: String
    /// The file it ran (`models/students_rnn.py`, relative to the notebook), or the folder
    /// of a package without `__init__.py`.
    let file: String
    weak var interpreter: Interpreter?

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
            guard slot.value != nil, key.hasPrefix(prefix), interpreter.builtinValues[String(key.dropFirst(prefix.count))] == nil
            else { return nil }
            return String(key.dropFirst(prefix.count))
        }.sorted()
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        interpreter.globals[prefix + name]?.value
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
