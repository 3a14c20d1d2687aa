import Foundation

/// A Jupyter notebook (nbformat 4) read from JSON: what `rnnbook import` needs of it.
struct JupyterDocument {
    /// The notebook-level metadata.
    var metadata: [String: Any]
    /// The cells, in order.
    var cells: [JupyterCell]

    /// Reads a notebook's JSON, refusing what is not nbformat 4.
    init(data: Data, name: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw JupyterError(message: "\(name): error: is not a Jupyter notebook (not a JSON object)")
        }
        let format = root["nbformat"] as? Int
        guard format == 4 else {
            let version = format.map(String.init) ?? "unknown"
            throw JupyterError(message: "\(name): error: nbformat \(version) is not supported; open and save the notebook in a current Jupyter to get nbformat 4")
        }
        guard let cells = root["cells"] as? [[String: Any]] else {
            throw JupyterError(message: "\(name): error: the notebook has no 'cells' list")
        }
        metadata = root["metadata"] as? [String: Any] ?? [:]
        self.cells = cells.map(JupyterCell.init)
    }
}

/// One cell of a Jupyter notebook.
struct JupyterCell {
    /// `markdown`, `code` or `raw`.
    var type: String
    /// The cell's text, its lines joined.
    var source: String
    /// The cell's metadata.
    var metadata: [String: Any]
    /// Attached files (`attachment:NAME` in Markdown), by name, with each MIME type's base64 data.
    var attachments: [String: [String: String]]

    init(_ json: [String: Any]) {
        type = json["cell_type"] as? String ?? "raw"
        source = Self.text(json["source"])
        metadata = json["metadata"] as? [String: Any] ?? [:]
        var attachments: [String: [String: String]] = [:]
        for (name, bundle) in json["attachments"] as? [String: Any] ?? [:] {
            var data: [String: String] = [:]
            for (mime, value) in bundle as? [String: Any] ?? [:] { data[mime] = Self.text(value) }
            attachments[name] = data
        }
        self.attachments = attachments
    }

    /// nbgrader's metadata of the cell, when it has any.
    var nbgrader: NbgraderMetadata? {
        (metadata["nbgrader"] as? [String: Any]).map(NbgraderMetadata.init)
    }

    /// A multiline string as nbformat stores it: one string, or a list of lines.
    static func text(_ value: Any?) -> String {
        if let string = value as? String { return string }
        if let lines = value as? [String] { return lines.joined() }
        return ""
    }
}

/// nbgrader's cell metadata (`metadata.nbgrader`), as its documentation describes it.
public struct NbgraderMetadata: Equatable {
    /// An answer cell: students write in it.
    public var solution = false
    /// A graded cell: an autograder test cell, or a manually graded answer.
    public var grade = false
    /// Read-only for students.
    public var locked = false
    /// A manually graded task (Markdown).
    public var task = false
    /// nbgrader's id of the cell.
    public var gradeID: String?
    /// The cell's points, when graded.
    public var points: Double?

    /// Reads the metadata from its JSON.
    public init(_ json: [String: Any]) {
        solution = json["solution"] as? Bool ?? false
        grade = json["grade"] as? Bool ?? false
        locked = json["locked"] as? Bool ?? false
        task = json["task"] as? Bool ?? false
        gradeID = json["grade_id"] as? String
        points = (json["points"] as? NSNumber)?.doubleValue
    }

    /// Makes the metadata of an answer or test cell.
    public init(solution: Bool, grade: Bool, locked: Bool, gradeID: String?, points: Double?) {
        self.solution = solution
        self.grade = grade
        self.locked = locked
        self.gradeID = gradeID
        self.points = points
    }

    /// The metadata as nbgrader writes it (schema version 3).
    public var json: [String: Any] {
        var result: [String: Any] = [
            "solution": solution, "grade": grade, "locked": locked, "task": task, "schema_version": 3,
        ]
        if let gradeID { result["grade_id"] = gradeID }
        if grade { result["points"] = points ?? 0 }
        return result
    }
}

/// A notebook that cannot be converted.
public struct JupyterError: Error, CustomStringConvertible {
    /// The message, naming the file.
    public var message: String
    public var description: String { message }
}
