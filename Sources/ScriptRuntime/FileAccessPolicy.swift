import Foundation

/// Which files a session's code may read and write (`torch.save`, `torch.load`,
/// `net.save`, `net.load`, `plt.savefig`): none, or those inside a few folders.
///
/// A notebook run may use its own folder (`notebook(in:)`), plus what `--allow-files`
/// adds; graders use `.none`. A path is checked after it is made absolute (a relative path
/// is taken from the notebook's folder, as Jupyter's working directory), `.` and `..`
/// removed, and every symbolic link resolved, so neither `../` nor a link inside the folder
/// reaches out of it. A file that does not exist yet is checked through its folder, which
/// must exist.
///
/// A path that is a file rather than a folder allows that one file. The policy never
/// touches the files it allows; it only answers where a name leads.
public struct FileAccessPolicy: Sendable, Equatable {
    /// The resolved folders (or single files) inside which code may read and write.
    public let roots: [String]
    /// The folder relative paths start from; nil when no file is allowed.
    public let base: String?
    /// What to tell the user when a path is refused: how access is widened, or why not.
    let refusal: String

    /// No file access at all, as while grading.
    public static let none = FileAccessPolicy(
        roots: [], base: nil, refusal: "reading and writing files is turned off while grading")

    /// The notebook folder `folder` (relative paths start there) and the folders or files
    /// in `allowing`, resolved against the current directory.
    public static func notebook(in folder: String, allowing: [String] = []) -> FileAccessPolicy {
        let base = resolve(absolute(folder, from: FileManager.default.currentDirectoryPath)) ?? standardized(folder)
        let extra = allowing.map { resolve(absolute($0, from: FileManager.default.currentDirectoryPath)) ?? standardized($0) }
        var roots = [base]
        for root in extra where !roots.contains(root) { roots.append(root) }
        let listed = roots.count == 1 ? "its folder (\(base))" : "these folders: " + roots.joined(separator: ", ")
        return FileAccessPolicy(
            roots: roots, base: base,
            refusal: "a notebook may read and write files only inside \(listed); run rnnbook with --allow-files PATH to allow more")
    }

    /// Whether some file may be read or written.
    public var allowsFiles: Bool { !roots.isEmpty }

    /// The resolved path that `path` leads to, when code may use it; else a `file-access`
    /// error naming the path, what is allowed and how to widen it. `what` names the call.
    func permit(_ path: String, _ what: String) throws -> String {
        guard !path.contains("\0") else { throw RuntimeError.value("\(what): embedded null byte") }
        guard let base else { throw refused(path, what) }
        guard !path.isEmpty else { throw RuntimeError("\(what): the file name is empty", id: "file-access") }
        let full = Self.absolute(path, from: base)
        guard let resolved = Self.resolve(full), isInside(resolved) else { throw refused(path, what) }
        return resolved
    }

    /// Whether a resolved path is one of the roots or lies below one.
    func isInside(_ resolved: String) -> Bool {
        roots.contains { root in
            resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/")
        }
    }

    private func refused(_ path: String, _ what: String) -> RuntimeError {
        RuntimeError("\(what) cannot use '\(path)': \(refusal)", id: "file-access")
    }

    /// `path` made absolute from `directory`.
    static func absolute(_ path: String, from directory: String) -> String {
        path.hasPrefix("/") ? path : directory + "/" + path
    }

    /// An absolute path with `.`, `..` and repeated slashes removed, without reading the
    /// file system (`..` above the root stays at the root).
    static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for piece in path.split(separator: "/") where piece != "." {
            if piece == ".." { _ = parts.popLast() } else { parts.append(piece) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with every symbolic link resolved: the real path of its longest part that
    /// exists, followed by the rest (which holds no link, since it does not exist) with its
    /// `..` taken lexically. Nil when a part that exists is a link that leads nowhere.
    static func resolve(_ absolutePath: String) -> String? {
        let parts = absolutePath.split(separator: "/", omittingEmptySubsequences: true)
        var status = stat()
        for existing in stride(from: parts.count, through: 0, by: -1) {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            guard lstat(prefix, &status) == 0 else { continue }
            guard let real = realPath(prefix) else { return nil }
            let rest = parts[existing...].joined(separator: "/")
            return rest.isEmpty ? real : standardized(real + "/" + rest)
        }
        return nil
    }

    /// `realpath(3)` of a path, or nil when it fails.
    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

extension Interpreter {
    /// The resolved path a file-using call (`what`, e.g. `torch.save()`) may use for the
    /// name `path`, or the session policy's `file-access` error. Notes that the session used
    /// files, so its results are never cached.
    func permittedFile(_ path: String, _ what: String) throws -> String {
        let resolved = try fileAccess.permit(path, what)
        touchedFiles = true
        return resolved
    }
}
