import Diagnostics
import Foundation

/// A problem reading a notebook file from disk.
public struct NotebookFileError: Error, CustomStringConvertible {
    /// The message, naming the file.
    public var message: String
    public var description: String { message }

    /// Makes an error with a message that names the file.
    public init(message: String) {
        self.message = message
    }
}

extension Notebook {
    /// Reads and parses a notebook file. Throws only when the file cannot be read as text;
    /// problems inside it are the notebook's diagnostics.
    public static func load(path: String) throws -> Notebook {
        parse(try loadSource(path: path))
    }

    /// Reads a file as UTF-8 text for a `SourceFile` named by `path`.
    public static func loadSource(path: String) throws -> SourceFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotebookFileError(message: "\(path): error: no such file")
        }
        guard !isDirectory.boolValue else {
            throw NotebookFileError(message: "\(path): error: is a folder, expected a Markdown notebook")
        }
        if path.lowercased().hasSuffix(".ipynb") {
            let markdown = (path as NSString).deletingPathExtension + ".md"
            throw NotebookFileError(message: "\(path): error: is a Jupyter notebook; convert it first with 'rnnbook import \(path) -o \(markdown)', then use the .md file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookFileError(message: "\(path): error: cannot read the file")
        }
        if data.contains(0) {
            throw NotebookFileError(message: "\(path): error: is a binary file, expected a Markdown notebook")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw NotebookFileError(message: "\(path): error: is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        return SourceFile(name: path, text: text)
    }
}
