import Diagnostics

/// What an import statement binds for a module from a file (see `ModuleLoader`).
enum FileModuleImport {
    /// `__import__(module)` gives the module, `(module, "..")` its top-level package,
    /// `(module, name)` an attribute or a submodule; `from m import *` is refused.
    static func value(_ module: ModuleObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard arguments.positional.count > 1, case .str(let name) = arguments.positional[1] else { return .native(module) }
        switch name {
        case "*":
            throw RuntimeError("from \(module.name) import * is not supported for your own modules; "
                               + "import the names you use (from \(module.name) import a, b)", id: "import-error")
        case "..":
            let top = String(module.name.split(separator: ".")[0])
            return interpreter.globals[ModuleObject.registryName(top)]?.value ?? .native(module)
        default:
            if let value = try module.attribute(name, interpreter) { return value }
            let dotted = module.name + "." + name
            if interpreter.fileModuleExists(dotted), let submodule = try interpreter.importFileModule(dotted) {
                return .native(submodule)
            }
            throw RuntimeError(
                "cannot import name '\(name)' from '\(module.name)' (\(module.file))"
                    + Suggestion.didYouMean(name, in: module.attributeNames), id: "import-error")
        }
    }

    /// The absolute name of a relative import (`.rnn`, `..`, `.`) made in `package`.
    static func absolute(_ relative: String, package: Value) throws -> String {
        guard case .str(let package) = package, !package.isEmpty else {
            throw RuntimeError("attempted relative import with no known parent package", id: "import-error")
        }
        let dots = relative.prefix { $0 == "." }.count
        var parts = package.split(separator: ".").map(String.init)
        guard dots - 1 < parts.count else {
            throw RuntimeError("attempted relative import beyond top-level package", id: "import-error")
        }
        parts.removeLast(dots - 1)
        let rest = relative.dropFirst(dots)
        return parts.joined(separator: ".") + (rest.isEmpty ? "" : "." + rest)
    }

    /// Warns once per module name when a file beside the notebook has a built-in module's
    /// name: the built-in is the one imported.
    static func warnIfShadowed(_ module: String, _ interpreter: Interpreter) {
        let marker = interpreter.slot("sys.shadowed:" + module)
        guard marker.value == nil, interpreter.fileModuleExists(module) else { return }
        marker.value = .bool(true)
        let file = SourceFile(name: module.replacingOccurrences(of: ".", with: "/") + ".py", text: "")
        interpreter.emit(.warning(Diagnostic(
            .warning, id: "module-shadowed",
            "'\(file.name)' has the name of the built-in module '\(module)', which is the one imported; rename the file to import it",
            file: file, range: SourceRange(line: 1, column: 1))))
    }
}
