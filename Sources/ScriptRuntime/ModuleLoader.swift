import Diagnostics
import Foundation
import ScriptSyntax

/// `import models.students_rnn`, `from competency_task_students import Task`: modules
/// written in the `rnn` language as `.py` files in the notebook's folder (while grading,
/// the source's, with a student's module given as text), found as Python finds them.
///
/// `a.b` is `a/b.py`, or the folder `a/b/` (a package: its `__init__.py` runs if there is
/// one). Each module runs once per session, in its own global names, and is kept as
/// `sys.modules` keeps it; importing `a.b` imports `a` first and makes `b` an attribute of
/// `a`. Files are read through the file policy and recorded with their text
/// (`importedFiles`) so that a run's cache can tell when they change. Built-in modules
/// (`torch`, `numpy`, …) win over files.
extension Interpreter {
    /// The folder modules are searched in: the source notebook's while grading (files are off), else the notebook's.
    var modulePolicy: FileAccessPolicy { moduleFolder ?? fileAccess }

    /// The module `dotted` from files, importing its parents first; nil when its first
    /// part is neither a file nor a folder (so the caller reports a missing module).
    func importFileModule(_ dotted: String) throws -> ModuleObject? {
        let parts = dotted.split(separator: ".").map(String.init)
        var parent: ModuleObject?
        for count in 1...max(parts.count, 1) {
            let name = parts[..<count].joined(separator: ".")
            if case .native(let module as ModuleObject)? = globals[ModuleObject.registryName(name)]?.value {
                parent = module
                continue
            }
            guard let module = try loadModule(name, relative: parts[..<count].joined(separator: "/")) else {
                if count == 1 { return nil }
                throw RuntimeError("no module named '\(name)'", id: "import-error")
            }
            if let parent { slot(parent.prefix + parts[count - 1]).value = .native(module) }
            parent = module
        }
        return parent
    }

    /// Finds and runs module `name` at `relative` (`a/b`): a package folder with
    /// `__init__.py`, else `a/b.py`, else a folder (a namespace package); nil if none.
    private func loadModule(_ name: String, relative: String) throws -> ModuleObject? {
        let policy = modulePolicy
        guard let base = policy.base else { return nil }
        let folder = base + "/" + relative
        var isFolder: ObjCBool = false
        let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        let candidates = (folderExists ? [relative + "/__init__.py"] : []) + [relative + ".py"]
        for candidate in candidates where FileManager.default.fileExists(atPath: base + "/" + candidate) {
            if let text = moduleReplacements[candidate] {
                return try run(ModuleObject(name: name, file: candidate, interpreter: self),
                               source: text.replacingOccurrences(of: "\r\n", with: "\n"), resolved: candidate)
            }
            let resolved = try policy.permit(candidate, "import \(name)")
            let source = try readModuleText(resolved, display: candidate)
            return try run(ModuleObject(name: name, file: candidate, interpreter: self), source: source, resolved: resolved)
        }
        guard folderExists else { return nil }
        _ = try policy.permit(relative, "import \(name)")
        let module = ModuleObject(name: name, file: relative, interpreter: self)
        slot(module.prefix + "__name__").value = .str(name)
        slot(module.prefix + "__package__").value = .str(name)
        slot(ModuleObject.registryName(name)).value = .native(module)
        return module
    }

    private func readModuleText(_ resolved: String, display: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: resolved), data.count <= TextFileObject.sizeLimit,
            let text = String(data: data, encoding: .utf8)
        else {
            throw RuntimeError("cannot read the module file '\(display)' (UTF-8 text, at most 64 MB)", id: "import-error")
        }
        importedFiles[resolved] = text
        importReads.append((resolved, text))
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The text of module file `relative` (`models/rnn.py`) for a block that shows it
    /// (`file=`): read from the folder modules come from, and recorded as an import is, so a
    /// cached run or a preview stands only while the file holds the same text.
    func shownModuleText(_ relative: String) throws -> String {
        let policy = modulePolicy
        let resolved = try policy.permit(relative, "file=\(relative)")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue else {
            throw RuntimeError("file=\(relative): there is no module file '\(relative)' in the notebook's folder", id: "file-block")
        }
        return try readModuleText(resolved, display: relative)
    }

    /// Whether a file or folder beside the notebook would be module `name` (a built-in
    /// module of that name wins; the caller warns).
    func fileModuleExists(_ name: String) -> Bool {
        guard let base = modulePolicy.base else { return false }
        let relative = base + "/" + name.replacingOccurrences(of: ".", with: "/")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: relative + ".py")
            || (FileManager.default.fileExists(atPath: relative, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Compiles and runs a module's code in its own globals; it is registered while it runs
    /// (so circular imports see it, partly made, as in Python) and unregistered if it fails.
    private func run(_ module: ModuleObject, source: String, resolved: String) throws -> ModuleObject {
        let file = SourceFile(name: module.file, text: source)
        let block = BlockInfo(origin: BlockOrigin(file: file, line: 1))
        let registry = slot(ModuleObject.registryName(module.name))
        registry.value = .native(module)
        slot(module.prefix + "__name__").value = .str(module.name)
        slot(module.prefix + "__file__").value = .str(module.file)
        // A package's own package is itself; a module's is its parent ('' at the top).
        let package = module.file.hasSuffix("__init__.py") ? module.name : module.name.split(separator: ".").dropLast().joined(separator: ".")
        slot(module.prefix + "__package__").value = .str(package)
        do {
            let parsed = Parser.parse(source)
            if let issue = parsed.issues.first { throw RuntimeError(issue.message, id: issue.id).located(issue.range, in: block) }
            module.boundNames = ModuleObject.boundNames(parsed.statements)
            let saved = modulePrefix
            modulePrefix = module.prefix
            let compiler = Compiler(interpreter: self, block: block)
            let body = compiler.compileModule(parsed.statements, display: false)
            modulePrefix = saved
            if let issue = compiler.issues.first { throw RuntimeError(issue.message, id: issue.id).located(issue.range, in: block) }
            compiledBlocks.append(ExecBox(body))
            let frame = Frame.make(slots: compiler.scope.slotCount, cells: (0..<compiler.scope.cellCount).map { _ in Cell() })
            _ = try body(frame)
        } catch {
            registry.value = nil
            throw error
        }
        return module
    }
}
