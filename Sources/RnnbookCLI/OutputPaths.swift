import ArgumentParser
import Foundation

/// Checks on the files a command will write, made before any work is done, so that a run
/// never overwrites its own inputs and never loses its work to a destination it cannot write.
/// Each failed check prints its error and exits 1.
enum OutputPaths {
    /// The absolute path with `.`, `..` and symbolic links resolved (the folder's, for a file
    /// that does not exist yet).
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        let folder = url.deletingLastPathComponent()
        return folder.resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }

    /// Whether two paths name one file: the same device and inode when both exist (hard links
    /// included), else the same canonical path.
    static func same(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 { return a.st_dev == b.st_dev && a.st_ino == b.st_ino }
        return canonical(first) == canonical(second)
    }

    /// Refuses an output that is one of the command's inputs: `inputs` pairs each path with
    /// what it is (`the source notebook`).
    static func refuseOverwriting(_ output: String, _ option: String, inputs: [(path: String, role: String)]) throws {
        guard let input = inputs.first(where: { same(output, $0.path) }) else { return }
        let named = input.path == output ? "" : " (\(input.path))"
        throw fail("\(option) \(output) is \(input.role)\(named): it would be overwritten; write to another file")
    }

    /// Checks that a file can be written at `path`: its folder exists and is writable, and the
    /// path is not a folder.
    static func checkFile(_ path: String, _ option: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw fail("\(option) \(path) is a folder, not a file")
        }
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw fail("\(option) \(path): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else { throw fail("\(option) \(path): the folder \(folder) is not writable") }
    }

    /// Makes the folder `path` (and its parents) unless it exists; checks it is a writable folder.
    static func prepareFolder(_ path: String, _ option: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw fail("\(option) \(path) is a file, not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw fail("\(option) \(path): cannot create the folder (\(reason(error)))")
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else { throw fail("\(option) \(path): the folder is not writable") }
    }

    /// A file-system error in words, without Foundation's domain and code.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        switch error.code {
        case NSFileWriteFileExistsError: return "a file of that name exists"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "the disk is full"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        default: return "it cannot be written"
        }
    }

    /// Prints `error: message` and returns the exit code to throw.
    static func fail(_ message: String) -> ExitCode {
        Console.current.printError("error: \(message)")
        return ExitCode(1)
    }
}
