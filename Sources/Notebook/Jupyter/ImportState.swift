import Foundation

/// What `JupyterImporter` carries from cell to cell: the exercise that test cells belong to,
/// the files to write and the warnings.
struct ImportState {
    let name: String
    let assets: String
    var cellNumber = 0
    var files: [(path: String, data: Data)] = []
    var warnings: [String] = []
    /// The exercise the next test cells check.
    var exercise: String?
    /// An exercise that has no test cell yet.
    var pendingExercise: String?
    /// Exercise ids used so far.
    var usedIDs: Set<String> = []

    init(name: String, assets: String) {
        self.name = name
        self.assets = assets
    }

    mutating func warn(_ text: String) {
        warnings.append("\(name): warning: \(text)")
    }

    /// A Markdown cell: its text, with attachments written as files.
    mutating func markdown(_ cell: JupyterCell) -> String {
        var text = dropSolutionRegions(cell.source.trimmingCharacters(in: .newlines))
        if let grading = cell.nbgrader, grading.solution || grading.grade || grading.task {
            warn("cell \(cellNumber) is a manually graded nbgrader cell (\(grading.gradeID ?? "no id")): kept as prose; rnnbook grades code by checks only")
        }
        for (attachment, bundle) in cell.attachments.sorted(by: { $0.key < $1.key }) {
            guard let (_, base64) = bundle.first(where: { $0.key.hasPrefix("image/") }) ?? bundle.first,
                  let data = Data(base64Encoded: base64.filter { !$0.isWhitespace }) else {
                warn("cell \(cellNumber): attachment '\(attachment)' could not be decoded; left out")
                continue
            }
            let file = Self.safeFileName(attachment)
            let path = assets + "/" + file
            files.append((path, data))
            text = text.replacingOccurrences(of: "attachment:\(attachment)", with: path)
        }
        return text
    }

    /// Prose without nbgrader's solution regions (`### BEGIN SOLUTION` … `### END SOLUTION`):
    /// rnnbook reads markers only in code blocks, so the model answer would be published.
    mutating func dropSolutionRegions(_ text: String) -> String {
        guard text.contains("### BEGIN SOLUTION") else { return text }
        var kept: [Substring] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("### BEGIN SOLUTION") { inside = true; continue }
            if trimmed.hasPrefix("### END SOLUTION") { inside = false; continue }
            if !inside { kept.append(line) }
        }
        warn("cell \(cellNumber): a solution region in prose was left out (rnnbook hides solutions only in exercise blocks)")
        return kept.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// A code cell: an `rnn` block, with nbgrader's metadata as exercise and check options.
    mutating func code(_ cell: JupyterCell) -> String {
        var code = convertMagics(cell.source.trimmingCharacters(in: .newlines))
        if code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "" }
        var options: [String] = []
        let grading = cell.nbgrader
        let hasSolution = code.contains("### BEGIN SOLUTION")
        if let grading, grading.solution {
            let id = exerciseID(grading.gradeID)
            options.append("exercise=\(id)")
            if grading.grade {
                if let points = grading.points, points > 0 { options.append("points=\(Self.format(points))") }
                warn("cell \(cellNumber) (\(grading.gradeID ?? id)) is a manually graded answer: imported as exercise '\(id)'; rnnbook grades by checks, so add check blocks")
            } else {
                pendingExercise = id
            }
            if let gradeID = grading.gradeID, gradeID != id, isName(gradeID) { options.append("grade_id=\(gradeID)") }
            if !hasSolution {
                if code.contains("raise NotImplementedError") {
                    warn("cell \(cellNumber): answer cell '\(id)' has no solution (a released student copy?); import the instructor's source notebook")
                }
                code = "### BEGIN SOLUTION\n" + code + "\n### END SOLUTION"
            }
            exercise = id
        } else if let grading, grading.grade {
            if let exercise {
                options.append("check=\(exercise)")
                if let points = grading.points, points > 0 {
                    options.append("points=\(Self.format(points))")
                } else {
                    warn("cell \(cellNumber): test cell '\(grading.gradeID ?? "")' has no points; rnnbook needs a positive number")
                }
                if let gradeID = grading.gradeID, isName(gradeID) { options.append("grade_id=\(gradeID)") }
                pendingExercise = nil
            } else {
                warn("cell \(cellNumber): test cell '\(grading.gradeID ?? "")' comes before any answer cell; imported as an ordinary block")
            }
        }
        if let extra = (cell.metadata["rnnbook"] as? [String: Any])?["options"] as? String, !extra.isEmpty {
            options.append(extra)
        }
        return Fence.wrap(code, info: (["rnn"] + options).joined(separator: " "))
    }

    /// An exercise id from nbgrader's grade id: a name, unique in the notebook.
    mutating func exerciseID(_ gradeID: String?) -> String {
        var base = String((gradeID ?? "").map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        if base.isEmpty || !(base.first?.isLetter ?? false) && base.first != "_" { base = "exercise_" + base }
        if base == "exercise_" { base = "exercise\(usedIDs.count + 1)" }
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)_\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        return id
    }

    func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// IPython magics and shell escapes (`%matplotlib inline`, `!pip install …`) become comments.
    mutating func convertMagics(_ code: String) -> String {
        var converted = false
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("%") || trimmed.hasPrefix("!") else { return String(line) }
            converted = true
            return line.prefix(line.count - trimmed.count) + "# " + trimmed + "  (IPython only: not run by rnnbook)"
        }
        if converted { warn("cell \(cellNumber): IPython magics and shell commands turned into comments") }
        return lines.joined(separator: "\n")
    }

    static func safeFileName(_ name: String) -> String {
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" })
        return cleaned.hasPrefix(".") || cleaned.isEmpty ? "attachment" + cleaned : cleaned
    }

    static func format(_ points: Double) -> String {
        points == points.rounded() && abs(points) < 1e15 ? String(Int(points)) : String(points)
    }
}
