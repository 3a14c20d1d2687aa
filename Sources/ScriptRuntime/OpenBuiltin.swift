import Foundation

/// Python's `open(file, mode="r", …)` for reading text files beside the notebook (a config
/// file for `yaml.safe_load`, a data file). Reading goes through the session's
/// `FileAccessPolicy`; writing and binary modes are refused, since notebooks write files only
/// through `torch.save`, `net.save` and `plt.savefig`.
enum OpenBuiltin {
    static let signature = Signature(
        "open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], required: 1)

    static func install(_ registry: inout Registry) {
        registry.function("open", signature) { args, interpreter in
            let mode = try args.string("mode", "r")
            guard mode == "r" || mode == "rt" || mode == "tr" else {
                throw RuntimeError("open() with mode '\(mode)' is not supported: notebook code reads text files with open(path) "
                                   + "and writes files only through torch.save, net.save and plt.savefig, inside the notebook's folder",
                                   id: "file-access")
            }
            if let encoding = args["encoding"], !encoding.isNone {
                let name = try args.string("encoding", "").lowercased()
                guard name == "utf-8" || name == "utf8" else {
                    throw RuntimeError.value("open(): only encoding='utf-8' is supported, got '\(name)'")
                }
            }
            for name in ["errors", "newline", "opener"] where !(args[name]?.isNone ?? true) {
                throw RuntimeError.type("open(): \(name)= is not supported; leave it out (text is read as UTF-8 with universal newlines)")
            }
            // Buffering changes nothing a reader sees, except that text cannot be unbuffered.
            guard try args.int("buffering", -1) != 0 else { throw RuntimeError.value("can't have unbuffered text I/O") }
            guard try args.bool("closefd", true) else { throw RuntimeError.value("open(): closefd=False needs a file descriptor") }
            let path = try args.string("file", "")
            let text = try interpreter.readTextFile(path, "open()")
            return .native(TextFileObject(name: path, text: text.codePoints))
        }
    }
}

extension Interpreter {
    /// The text of the file `path` (UTF-8, `\r\n` and `\r` read as `\n`), read through the
    /// session's file policy; `what` names the call in errors. The file is recorded with its
    /// text, as modules are (`importReads`): a cached run that read it stands only while the
    /// file holds the same text, so reading does not make a run uncacheable.
    func readTextFile(_ path: String, _ what: String) throws -> String {
        let resolved = try fileAccess.permit(path, what)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            importedFiles[resolved] = ScriptSession.missingFileText
            importReads.append((resolved, ScriptSession.missingFileText))
            throw RuntimeError("[Errno 2] No such file or directory: \(Value.str(path).repr())", id: "file-not-found")
        }
        guard !isFolder.boolValue else {
            throw RuntimeError("[Errno 21] Is a directory: \(Value.str(path).repr())", id: "file-access")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw RuntimeError("\(what): cannot read \(Value.str(path).repr())", id: "file-access")
        }
        guard data.count <= TextFileObject.sizeLimit else {
            throw RuntimeError("\(what): \(Value.str(path).repr()) is larger than \(TextFileObject.sizeLimit >> 20) MB", id: "budget")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuntimeError.value("\(what): \(Value.str(path).repr()) is not valid UTF-8 text")
        }
        importedFiles[resolved] = text
        importReads.append((resolved, text))
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
