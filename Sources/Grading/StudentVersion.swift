import Foundation
import Diagnostics
import Notebook

/// The student version of an assignment, and the proof that nothing secret is left in it.
public enum StudentVersion {
    /// The student's text: each solution region replaced by a `todo("…")` stub at the
    /// marker's indentation, each hidden-test region removed, every other byte kept.
    public static func make(_ assignment: Assignment) -> String {
        let file = assignment.notebook.file
        var replacements: [Int: String?] = [:]
        for exercise in assignment.exercises {
            for region in exercise.solutions {
                let prompt = region.prompt.isEmpty ? "complete exercise '\(exercise.id)'" : region.prompt
                replacements[region.beginLine] = .some(region.indent + "todo(\(quoted(prompt)))")
                for line in (region.beginLine + 1)...region.endLine { replacements[line] = .some(nil) }
            }
        }
        for check in assignment.checks {
            for region in check.hidden {
                for line in region.beginLine...region.endLine { replacements[line] = .some(nil) }
            }
        }
        var output = ""
        output.reserveCapacity(file.text.utf8.count)
        let bytes = Array(file.text.utf8)
        for number in 1...file.lineCount {
            let start = file.lineStarts[number - 1]
            let end = number < file.lineCount ? file.lineStarts[number] : bytes.count
            let original = String(decoding: bytes[start..<end], as: UTF8.self)
            guard let replacement = replacements[number] else {
                output += original
                continue
            }
            if let text = replacement { output += text + (original.hasSuffix("\n") ? "\n" : "") }
        }
        return output
    }

    /// Lines that appear only inside solution or hidden regions of the source and yet appear in
    /// `student`: empty when nothing leaked. Blank lines and lone brackets are not counted.
    public static func leaks(_ assignment: Assignment, student: String) -> [String] {
        let file = assignment.notebook.file
        var secret = Set<Int>()
        for exercise in assignment.exercises {
            for region in exercise.solutions { secret.formUnion((region.beginLine + 1)..<region.endLine) }
        }
        for check in assignment.checks {
            for region in check.hidden { secret.formUnion((region.beginLine + 1)..<region.endLine) }
        }
        func key(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
        var publicLines = Set<String>()
        for number in 1...file.lineCount where !secret.contains(number) { publicLines.insert(key(file.line(number))) }
        let studentLines = Set(student.split(separator: "\n", omittingEmptySubsequences: false).map { key(String($0)) })
        var leaked: [String] = []
        for number in secret.sorted() {
            let line = key(file.line(number))
            guard line.count > 2, !publicLines.contains(line), studentLines.contains(line) else { continue }
            leaked.append(line)
        }
        return leaked
    }

    /// A string literal of the `rnn` language holding `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
