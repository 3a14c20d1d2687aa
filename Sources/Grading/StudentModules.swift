import Foundation
import Notebook

/// The module files of a lab made of several files (`import models.students_rnn`), and
/// their student versions: solution regions become `todo("…")` stubs and hidden-test
/// regions go, with the same markers as in the notebook.
public enum StudentModules {
    /// The `.py` files beside the notebook that it imports, directly or through the modules
    /// it imports (packages' `__init__.py` included), as paths relative to its folder, sorted.
    /// Found by reading the import lines, as the language resolves them (`a.b` is `a/b.py`
    /// or `a/b/__init__.py`); built-in modules have no file and are passed over.
    public static func imported(by notebook: Notebook) -> [String] {
        let folder = (notebook.file.name as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? "." : folder
        var found = Set<String>()
        // Each text with the package its relative imports start from (the notebook has none).
        var pending = notebook.codeCells.map { (code: $0.code, package: [String]()) }
        while let (code, package) = pending.popLast() {
            for name in importedNames(code, package: package) {
                for file in files(for: name, in: base) where !found.contains(file) {
                    found.insert(file)
                    if let text = try? String(contentsOfFile: base + "/" + file, encoding: .utf8) {
                        // `a/b.py` and `a/__init__.py` are both in package `a`.
                        pending.append((text, file.split(separator: "/").dropLast().map(String.init)))
                    }
                }
            }
        }
        return found.sorted()
    }

    /// The text of module `path` (relative) in the notebook's folder; nil when it is not a
    /// UTF-8 file there, or leads out of the folder through a symbolic link.
    public static func text(of path: String, besides notebook: Notebook) -> String? {
        let folder = (notebook.file.name as NSString).deletingLastPathComponent
        return text(of: path, in: folder.isEmpty ? "." : folder)
    }

    /// The text of file `path` (relative) in `folder`, when it is a UTF-8 file inside it once
    /// symbolic links are resolved.
    public static func text(of path: String, in folder: String) -> String? {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let file = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(path)).standardizedFileURL.resolvingSymlinksInPath().path
        guard file.hasPrefix(base == "/" ? "/" : base + "/"), let data = FileManager.default.contents(atPath: file) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The dotted names an import line may bring in (`from a import b` may mean `a.b`);
    /// relative ones (`from .util import f`, `from . import util`) are resolved in `package`.
    static func importedNames(_ code: String, package: [String] = []) -> [String] {
        var names: [String] = []
        for line in code.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "(" || $0 == ")" })
            guard let first = words.first else { continue }
            if first == "import" {
                var skip = false
                for word in words.dropFirst() {
                    if skip { skip = false; continue }
                    if word == "as" { skip = true; continue }
                    names.append(String(word))
                }
            } else if first == "from", words.count >= 4, words[2] == "import" {
                var module = String(words[1])
                if module.hasPrefix(".") {
                    let dots = module.prefix { $0 == "." }.count
                    guard dots - 1 < package.count else { continue }  // beyond the top: an import error when run
                    module = (package.dropLast(dots - 1) + module.dropFirst(dots).split(separator: ".").map(String.init))
                        .joined(separator: ".")
                }
                names.append(module)
                var skip = false
                for word in words.dropFirst(3) {
                    if skip { skip = false; continue }
                    if word == "as" { skip = true; continue }
                    names.append(module + "." + word)
                }
            }
        }
        return names
    }

    /// The files that importing `name` runs: each package's `__init__.py`, then the module.
    static func files(for name: String, in base: String) -> [String] {
        let parts = name.split(separator: ".").map(String.init)
        var files: [String] = []
        for count in 1...max(parts.count, 1) where !parts.isEmpty {
            let relative = parts[..<count].joined(separator: "/")
            for candidate in [relative + "/__init__.py", relative + ".py"]
            where FileManager.default.fileExists(atPath: base + "/" + candidate) {
                files.append(candidate)
                break
            }
        }
        return files
    }

    /// The student version of module `file`: its text with each solution region replaced by
    /// a stub at the marker's indentation and each hidden-test region removed; the problems
    /// (unclosed or misspelt markers) and the secret lines that would leak.
    public static func make(_ text: String, file: String) -> (student: String, problems: [String], leaks: [String]) {
        var output: [String] = []
        var problems: [String] = []
        var secret: [String] = []
        var open: (marker: Marker, line: Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if let (offset, written, meant) = Marker.nearMiss(in: line) {
                problems.append("\(file):\(number):\(offset + 1): error: '\(written)' looks like a marker; write '\(meant.rawValue)' exactly")
            }
            guard let (marker, prompt) = Marker.find(in: line) else {
                if open == nil { output.append(String(line)) } else { secret.append(String(line)) }
                continue
            }
            switch (marker, open?.marker) {
            case (.beginSolution, nil):
                let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                let text = prompt.isEmpty ? "complete this part of \(file)" : prompt
                output.append(indent + "todo(" + StudentVersion.quoted(text) + ")")
                open = (marker, number)
            case (.beginHidden, nil):
                open = (marker, number)
            case (.endSolution, .beginSolution?), (.endHidden, .beginHidden?):
                open = nil
            default:
                problems.append("\(file):\(number): error: '\(marker.rawValue)' does not match the open region"
                                + (open.map { " ('\($0.marker.rawValue)' at line \($0.line))" } ?? ""))
            }
        }
        if let open { problems.append("\(file):\(open.line): error: '\(open.marker.rawValue)' is never closed") }
        let student = output.joined(separator: "\n")
        func key(_ line: some StringProtocol) -> String { line.trimmingCharacters(in: .whitespaces) }
        let publicLines = Set(output.map(key))
        let leaks = secret.map(key).filter { $0.count > 2 && !publicLines.contains($0) && student.contains($0) }
        return (student, problems, leaks)
    }
}
