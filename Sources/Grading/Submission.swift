import Diagnostics
import Foundation
import Notebook

/// A student's submission, read leniently: whatever exercise blocks can be found are used.
public struct Submission: Sendable {
    /// The path it was read from.
    public var path: String
    /// The student's id: the file name without its extension, unless a `Roster` resolved another.
    public var student: String
    /// The parsed notebook, or nil when the file could not be read as text.
    public var notebook: Notebook?
    /// Why the file could not be read, when it could not.
    public var unreadableReason: String?
    /// A hash of the file's bytes.
    public var hash: String

    /// Reads a submission file; never throws: an unreadable file is a submission that scores 0.
    public static func load(path: String) -> Submission {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let hash = fnv1a(data)
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if path.lowercased().hasSuffix(".ipynb") {
            return loadJupyter(path: path, data: data, student: base, hash: hash)
        }
        do {
            let source = try Notebook.loadSource(path: path)
            if source.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return Submission(path: path, student: base, notebook: nil, unreadableReason: "the submission is empty", hash: hash)
            }
            let notebook = Notebook.parse(source)
            // The file name decides, never the front matter (see `Roster`).
            return Submission(path: path, student: base, notebook: notebook, unreadableReason: nil, hash: hash)
        } catch let error as NotebookFileError {
            let reason = error.message.components(separatedBy: ": error: ").last ?? error.message
            return Submission(path: path, student: base, notebook: nil, unreadableReason: "the submission \(reason)", hash: hash)
        } catch {
            return Submission(path: path, student: base, notebook: nil, unreadableReason: "the submission cannot be read", hash: hash)
        }
    }

    /// A submission made in Jupyter (the handout `rnnbook export --edition student` writes):
    /// converted as `rnnbook import` converts it; positions in messages are lines of the
    /// converted Markdown.
    static func loadJupyter(path: String, data: Data, student: String, hash: String) -> Submission {
        do {
            let converted = try JupyterImporter.convert(data, name: path, assets: student + "_files")
            let notebook = Notebook.parse(name: path + " (as Markdown)", text: converted.markdown)
            return Submission(path: path, student: student, notebook: notebook, unreadableReason: nil, hash: hash)
        } catch {
            let reason = (error as? JupyterError)?.message.components(separatedBy: ": error: ").last
            return Submission(path: path, student: student, notebook: nil,
                              unreadableReason: "the submission \(reason ?? "is not a Jupyter notebook that can be read")",
                              hash: hash)
        }
    }

    /// The submission's blocks for an exercise id.
    public func blocks(for exercise: String) -> [CodeCell] {
        notebook?.codeCells.filter { $0.options.exercise == exercise } ?? []
    }
}
