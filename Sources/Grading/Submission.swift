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
    /// For a submission given as a folder (its notebook and its modules), the folder: each
    /// exercise written in a module is graded from its copy of that file.
    public var moduleFolder: String?

    /// Reads a submission file, or a folder holding one notebook and its modules; never
    /// throws: an unreadable submission scores 0.
    public static func load(path: String) -> Submission {
        guard isFolder(path) else { return load(file: path) }
        let name = (path as NSString).lastPathComponent
        switch notebook(inFolder: path) {
        case .success(let file):
            var submission = load(file: file)
            submission.student = name
            submission.moduleFolder = path
            submission.hash = folderHash(path, notebook: file)
            return submission
        case .failure(let problem):
            return Submission(path: path, student: name, notebook: nil, unreadableReason: "the submission \(problem.reason)", hash: fnv1a([]))
        }
    }

    /// Why a folder is not a submission.
    public struct FolderProblem: Error {
        public var reason: String
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The one notebook (`.md` or `.ipynb`) in a submission folder.
    static func notebook(inFolder folder: String) -> Result<String, FolderProblem> {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") || $0.lowercased().hasSuffix(".ipynb") }.sorted()
        guard names.count == 1 else {
            return .failure(FolderProblem(reason: names.isEmpty
                ? "is a folder without a notebook (.md or .ipynb)"
                : "is a folder with \(names.count) notebooks (\(names.joined(separator: ", "))); give the notebook's path"))
        }
        return .success((folder as NSString).appendingPathComponent(names[0]))
    }

    /// A hash of a folder submission: its notebook and every `.py` file below it, by path.
    static func folderHash(_ folder: String, notebook: String) -> String {
        var bytes = [UInt8](FileManager.default.contents(atPath: notebook) ?? Data())
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".py") }.sorted()
        for file in files {
            bytes += Array("\u{0}\(file)\u{0}".utf8)
            bytes += FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file)) ?? Data()
        }
        return fnv1a(bytes)
    }

    /// Reads a submission file.
    static func load(file path: String) -> Submission {
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

    /// The submission's blocks marked with an exercise id that none of `known` is, for the
    /// reason of a missing exercise (`exercise=RPE` where the lab says `rpe`).
    public func strayBlocks(known: Set<String>) -> [(line: Int, exercise: String)] {
        notebook?.codeCells.compactMap { cell in
            guard let id = cell.options.exercise, !known.contains(id) else { return nil }
            return (cell.fence.line, id)
        } ?? []
    }
}
